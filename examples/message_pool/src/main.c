/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The seed chapter's message pool: messages come from a memory slab (K_MEM_SLAB_DEFINE), a
 * fast producer hands them to a slower consumer through a k_msgq of message pointers, and
 * the consumer frees them. A burst producer allocates with K_NO_WAIT (and counts what the
 * exhausted pool refuses), a steady one waits for a block with a timeout. Statistics at the
 * end.
 */
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "message_pool.h"

LOG_MODULE_REGISTER(message_pool, LOG_LEVEL_INF);

/* The mailbox: a message queue of pointers to slab blocks, as Zephyr applications pass
 * buffers between threads (the message itself is never copied, only its address). */
#define MAILBOX_DEPTH 16
K_MSGQ_DEFINE(mailbox, sizeof(struct message *), MAILBOX_DEPTH, sizeof(void *));

static void post(struct message *msg)
{
	(void)k_msgq_put(&mailbox, &msg, K_FOREVER);
}

static struct message *fetch(k_timeout_t timeout)
{
	struct message *msg;

	return k_msgq_get(&mailbox, &msg, timeout) == 0 ? msg : NULL;
}

#define BURSTS    10
#define BURST_LEN 12
#define STEADY    40

static unsigned int burst_sent, burst_refused, steady_sent, steady_timeouts, received;
static unsigned int checksum_errors;

static void burst_producer(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	for (int b = 0; b < BURSTS; b++) {
		for (int i = 0; i < BURST_LEN; i++) {
			struct message *msg = alloc_message();

			if (msg == NULL) {
				burst_refused++;
				continue;
			}
			msg->type = 1;
			msg->priority = 2;
			msg->length = (uint16_t)(1 + (b * BURST_LEN + i) % MAX_MESSAGE_SIZE);
			memset(msg->data, msg->length, msg->length);
			post(msg);
			burst_sent++;
		}
		k_sleep(K_MSEC(20));
	}
}

static void steady_producer(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	for (int i = 0; i < STEADY; i++) {
		struct message *msg;

		/* Wait up to 5 ms for a message block. */
		if (k_mem_slab_alloc(&message_pool, (void **)&msg, K_MSEC(5)) != 0) {
			steady_timeouts++;
			continue;
		}
		memset(msg, 0, sizeof(*msg));
		msg->type = 2;
		msg->length = 8;
		memset(msg->data, 8, 8);
		post(msg);
		steady_sent++;
		k_sleep(K_MSEC(4));
	}
}

static void consumer(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	for (;;) {
		struct message *msg = fetch(K_MSEC(100));

		if (msg == NULL) {
			return; /* quiet for 100 ms: the producers are done */
		}
		for (int i = 0; i < msg->length; i++) {
			checksum_errors += msg->data[i] != (uint8_t)msg->length;
		}
		received++;
		k_sleep(K_MSEC(2)); /* slower than a burst */
		free_message(msg);
	}
}

K_THREAD_STACK_DEFINE(burst_stack, 8192);
K_THREAD_STACK_DEFINE(steady_stack, 8192);
K_THREAD_STACK_DEFINE(consumer_stack, 8192);
static struct k_thread burst_thread, steady_thread, consumer_thread;

int main(void)
{
	LOG_INF("message pool: %d messages of %zu bytes", MAX_MESSAGES, sizeof(struct message));
	k_thread_create(&consumer_thread, consumer_stack, K_THREAD_STACK_SIZEOF(consumer_stack),
			consumer, NULL, NULL, NULL, 4, 0, K_NO_WAIT);
	k_thread_create(&burst_thread, burst_stack, K_THREAD_STACK_SIZEOF(burst_stack),
			burst_producer, NULL, NULL, NULL, 5, 0, K_NO_WAIT);
	k_thread_create(&steady_thread, steady_stack, K_THREAD_STACK_SIZEOF(steady_stack),
			steady_producer, NULL, NULL, NULL, 6, 0, K_NO_WAIT);
	k_thread_join(&burst_thread, K_FOREVER);
	k_thread_join(&steady_thread, K_FOREVER);
	k_thread_join(&consumer_thread, K_FOREVER);

	struct sys_memory_stats st;

	k_mem_slab_runtime_stats_get(&message_pool, &st);
	printk("message pool statistics:\n");
	printk("  burst producer   %u sent, %u refused (pool empty, K_NO_WAIT)\n", burst_sent,
	       burst_refused);
	printk("  steady producer  %u sent, %u gave up after waiting 5 ms\n", steady_sent,
	       steady_timeouts);
	printk("  consumer         %u received, %u payload errors\n", received, checksum_errors);
	printk("  mailbox          %u messages left, %u slots\n", k_msgq_num_used_get(&mailbox),
	       (unsigned int)MAILBOX_DEPTH);
	printk("  slab             %u of %d blocks used now, max used %u, %zu bytes max\n",
	       (unsigned int)k_mem_slab_num_used_get(&message_pool), MAX_MESSAGES,
	       (unsigned int)k_mem_slab_max_used_get(&message_pool), st.max_allocated_bytes);

	bool ok = received == burst_sent + steady_sent && checksum_errors == 0 &&
		  k_mem_slab_num_used_get(&message_pool) == 0 && k_msgq_num_used_get(&mailbox) == 0;

	printk("every message delivered and returned: %s\n", ok ? "yes" : "NO");
	return ok ? 0 : 1;
}
