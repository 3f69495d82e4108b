/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_mbox: synchronous put and get across priorities (the sender released only once its data
 * is consumed), k_mbox_get without a buffer then k_mbox_data_get (a buffer, or NULL to
 * discard), the exchange of info, sizes and thread IDs, truncation to the receiver's size,
 * matching by target and source thread, asynchronous put with its semaphore and a copy of the
 * descriptor, descriptors running out (a freed one goes to its waiter before the semaphore is
 * given), wake order of waiting receivers and senders (priority, then arrival; an asynchronous
 * message at its sender's priority), every timeout answer, the ISR and user-mode refusals. Runs
 * under virtual time (--no-rt); built a second time with CONFIG_NUM_MBOX_ASYNC_MSGS=0
 * (noasync.conf: no k_mbox_async_put, the asynchronous cases left out).
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <zephyr/irq_offload.h>
#include <zephyr/kernel.h>

#include <zephyr/ztest.h>

#include "../common/kobj_ztest.h"

#define LEN 64

static K_MBOX_DEFINE(mb); /* static prefix accepted */
K_MBOX_DEFINE(mb_global);
static struct k_mbox mb_rt;

static char tx_buf[LEN]; /* a sender's data: a known pattern */
static char rx_buf[KZ_THREADS][LEN];
static struct k_mbox_msg rx_msgs[KZ_THREADS];
static struct k_mbox_msg tx_msgs[KZ_THREADS];
static int result[KZ_THREADS];
static int order[KZ_THREADS];
static volatile int done;

static void fill(char *buf, size_t len, char seed)
{
	for (size_t i = 0; i < len; i++) {
		buf[i] = (char)(seed + (char)i);
	}
}

static void reset(void)
{
	done = 0;
	memset(rx_buf, 0xAA, sizeof(rx_buf));
	memset(rx_msgs, 0, sizeof(rx_msgs));
	memset(tx_msgs, 0, sizeof(tx_msgs));
	memset(result, 0x7f, sizeof(result));
	fill(tx_buf, LEN, 'A');
}

/* Helper: receive from K_ANY into rx_buf[idx], LEN bytes at most (p1 mailbox, p2 timeout in ms
 * as kz_timeout_ms(), p3 index). */
static void receiver(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p3;

	rx_msgs[idx].size = LEN;
	rx_msgs[idx].info = 1000U + (uint32_t)idx;
	rx_msgs[idx].rx_source_thread = K_ANY;
	result[idx] = k_mbox_get(p1, &rx_msgs[idx], rx_buf[idx], kz_timeout_ms(p2));
	order[done++] = idx;
}

/* Helper: send tx_msgs[idx] as prepared by the test (info idx, LEN bytes of tx_buf unless
 * set), waiting as p2 says. */
static void sender(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p3;

	if (tx_msgs[idx].tx_data == NULL && tx_msgs[idx].size == 0U) {
		tx_msgs[idx].info = (uint32_t)idx;
		tx_msgs[idx].size = LEN;
		tx_msgs[idx].tx_data = tx_buf;
	}
	result[idx] = k_mbox_put(p1, &tx_msgs[idx], kz_timeout_ms(p2));
	order[done++] = idx;
}

ZTEST(kernel_mbox, test_define_and_no_wait)
{
	static K_MBOX_DEFINE(mb_local); /* block scope, static */
	struct k_mbox_msg m = {.size = 0, .tx_target_thread = K_ANY, .rx_source_thread = K_ANY};

	zexpect_is_null(K_ANY);
	k_mbox_init(&mb_rt);
	struct k_mbox *all[] = {&mb, &mb_global, &mb_rt, &mb_local};

	for (size_t i = 0; i < ARRAY_SIZE(all); i++) {
		/* Nobody on the other side: K_NO_WAIT answers -ENOMSG on both. */
		zexpect_equal(k_mbox_put(all[i], &m, K_NO_WAIT), -ENOMSG);
		zexpect_equal(k_mbox_get(all[i], &m, NULL, K_NO_WAIT), -ENOMSG);
	}
}

/* The sender waits for a receiver of lower priority, which then runs while the sender is held:
 * k_mbox_put() returns only after the data is in the receiver's buffer. */
ZTEST(kernel_mbox, test_sync_put_to_waiting_lower_receiver)
{
	struct k_mbox_msg tx = {0};

	reset();
	kz_spawn(0, receiver, &mb, (void *)(intptr_t)-1, (void *)0, 3, 0);
	k_msleep(1);
	zexpect_equal(done, 0);
	tx.info = 77;
	tx.size = LEN;
	tx.tx_data = tx_buf;
	tx.tx_target_thread = K_ANY;
	zexpect_equal(k_mbox_put(&mb, &tx, K_NO_WAIT), 0);
	/* Consumed before the put returned. */
	zexpect_mem_equal(rx_buf[0], tx_buf, LEN);
	/* The exchange, seen by the sender: receiver's thread and info, bytes taken. */
	zexpect_equal(tx.size, LEN);
	zexpect_equal(tx.info, 1000);
	zexpect_equal_ptr(tx.tx_target_thread, &kz_threads[0]);
	kz_join(1);
	zexpect_equal(result[0], 0);
	zexpect_equal(rx_msgs[0].info, 77);
	zexpect_equal(rx_msgs[0].size, LEN);
	zexpect_equal_ptr(rx_msgs[0].rx_source_thread, k_current_get());
	zexpect_equal_ptr(rx_msgs[0].tx_target_thread, &kz_threads[0]);
}

/* A cooperative receiver of higher priority runs as soon as the message is handed over. */
ZTEST(kernel_mbox, test_sync_put_to_waiting_higher_receiver)
{
	struct k_mbox_msg tx = {.info = 5, .size = 10, .tx_target_thread = K_ANY};

	reset();
	tx.tx_data = tx_buf;
	kz_spawn(0, receiver, &mb, (void *)(intptr_t)-1, (void *)0, -2, 0);
	zexpect_equal(done, 0); /* it ran at once and waits */
	zexpect_equal(k_mbox_put(&mb, &tx, K_FOREVER), 0);
	zexpect_equal(done, 1); /* it finished before the sender ran again */
	zexpect_equal(result[0], 0);
	zexpect_equal(rx_msgs[0].size, 10); /* the smaller of the two sizes */
	zexpect_equal(tx.size, 10);
	zexpect_mem_equal(rx_buf[0], tx_buf, 10);
	zexpect_equal((unsigned char)rx_buf[0][10], 0xAA, "copied past the message");
	kz_join(1);
}

/* A sender waits first; the receiver's get copies at once and releases it. */
ZTEST(kernel_mbox, test_get_from_waiting_sender)
{
	struct k_mbox_msg rx = {.size = LEN, .info = 9, .rx_source_thread = K_ANY};
	char buf[LEN];

	reset();
	kz_spawn(0, sender, &mb, (void *)(intptr_t)-1, (void *)0, 3, 0);
	k_msleep(1);
	zexpect_equal(done, 0);
	zexpect_equal(k_mbox_get(&mb, &rx, buf, K_NO_WAIT), 0);
	zexpect_mem_equal(buf, tx_buf, LEN);
	zexpect_equal(rx.info, 0);
	zexpect_equal_ptr(rx.rx_source_thread, &kz_threads[0]);
	zexpect_equal_ptr(rx.tx_target_thread, k_current_get());
	kz_join(1);
	zexpect_equal(result[0], 0);
	zexpect_equal(tx_msgs[0].info, 9);
	zexpect_equal(tx_msgs[0].size, LEN);
	zexpect_equal_ptr(tx_msgs[0].tx_target_thread, k_current_get());
}

/* Without a buffer the message is kept, its sender held (past its own timeout too), until
 * k_mbox_data_get(). */
ZTEST(kernel_mbox, test_get_then_data_get)
{
	struct k_mbox_msg rx = {.size = LEN, .rx_source_thread = K_ANY};
	char buf[LEN];

	reset();
	kz_spawn(0, sender, &mb, (void *)(intptr_t)10, (void *)0, 3, 0);
	k_msleep(2);
	zexpect_equal(k_mbox_get(&mb, &rx, NULL, K_NO_WAIT), 0);
	zexpect_equal(rx.size, LEN);
	zexpect_equal_ptr(rx.tx_data, tx_buf);
	k_msleep(30); /* well past the sender's 10 ms: it waits for consumption, not a receiver */
	zexpect_equal(done, 0, "the sender returned before its message was consumed");
	/* Suspending and resuming it does not let it return early either. */
	k_thread_suspend(&kz_threads[0]);
	k_thread_resume(&kz_threads[0]);
	k_msleep(5);
	zexpect_equal(done, 0, "a resumed sender returned before its message was consumed");
	memset(buf, 0, sizeof(buf));
	k_mbox_data_get(&rx, buf);
	zexpect_mem_equal(buf, tx_buf, LEN);
	kz_join(1);
	zexpect_equal(result[0], 0);
	zexpect_equal(tx_msgs[0].size, LEN);
	/* A second data_get of the same message does nothing. */
	k_mbox_data_get(&rx, buf);
}

/* k_mbox_data_get(NULL) discards: nothing copied, the sender learns size 0. */
ZTEST(kernel_mbox, test_data_get_null_discards)
{
	struct k_mbox_msg rx = {.size = LEN, .rx_source_thread = K_ANY};

	reset();
	kz_spawn(0, sender, &mb, (void *)(intptr_t)-1, (void *)0, 3, 0);
	k_msleep(1);
	zexpect_equal(k_mbox_get(&mb, &rx, NULL, K_NO_WAIT), 0);
	k_msleep(1);
	zexpect_equal(done, 0);
	k_mbox_data_get(&rx, NULL);
	zexpect_equal(rx.size, 0);
	kz_join(1);
	zexpect_equal(result[0], 0);
	zexpect_equal(tx_msgs[0].size, 0, "a discarded message reports 0 bytes to its sender");

	/* A descriptor that holds no message (never received): data_get does nothing. */
	struct k_mbox_msg none = {.size = 16};

	k_mbox_data_get(&none, NULL);
	zexpect_equal(none.size, 0);
}

/* The receiver's buffer is smaller: truncated to it, and the sender learns how much went. An
 * empty message without a buffer is consumed by the get itself. */
ZTEST(kernel_mbox, test_truncation_and_empty)
{
	struct k_mbox_msg rx = {.size = 16, .rx_source_thread = K_ANY};
	char buf[LEN];

	reset();
	kz_spawn(0, sender, &mb, (void *)(intptr_t)-1, (void *)0, 3, 0);
	k_msleep(1);
	memset(buf, 0x55, sizeof(buf));
	zexpect_equal(k_mbox_get(&mb, &rx, buf, K_NO_WAIT), 0);
	zexpect_equal(rx.size, 16);
	zexpect_mem_equal(buf, tx_buf, 16);
	zexpect_equal(buf[16], 0x55, "copied past the receiver's size");
	kz_join(1);
	zexpect_equal(tx_msgs[0].size, 16);

	/* Empty message, no buffer: released at once. */
	reset();
	tx_msgs[0].size = 0;
	tx_msgs[0].info = 3;
	tx_msgs[0].tx_data = tx_buf; /* ignored: size 0 */
	kz_spawn(0, sender, &mb, (void *)(intptr_t)-1, (void *)0, 3, 0);
	k_msleep(1);
	rx = (struct k_mbox_msg){.size = LEN, .rx_source_thread = K_ANY};
	zexpect_equal(k_mbox_get(&mb, &rx, NULL, K_NO_WAIT), 0);
	zexpect_equal(rx.size, 0);
	zexpect_equal(rx.info, 3);
	kz_join(1);
	zexpect_equal(result[0], 0);
}

/* Matching by thread: a message for another thread, or one from a sender the receiver does not
 * want, is passed over, for a later compatible one if there is one. */
ZTEST(kernel_mbox, test_matching_by_thread)
{
	struct k_mbox_msg m = {0};

	reset();
	/* Helper 0 sends to helper 1 only. */
	tx_msgs[0].info = 0;
	tx_msgs[0].size = 4;
	tx_msgs[0].tx_data = tx_buf;
	tx_msgs[0].tx_target_thread = &kz_threads[1];
	kz_spawn(0, sender, &mb, (void *)(intptr_t)-1, (void *)0, 3, 0);
	k_msleep(1);
	/* Not for this thread: */
	m = (struct k_mbox_msg){.size = LEN, .rx_source_thread = K_ANY};
	zexpect_equal(k_mbox_get(&mb, &m, NULL, K_NO_WAIT), -ENOMSG);
	/* A later sender of lower priority (helper 2, to any thread) is compatible: the get passes
	 * helper 0 over and takes helper 2's message. */
	kz_spawn(2, sender, &mb, (void *)(intptr_t)-1, (void *)2, 4, 0);
	k_msleep(1);
	m = (struct k_mbox_msg){.size = LEN, .rx_source_thread = K_ANY};
	zexpect_equal(k_mbox_get(&mb, &m, NULL, K_NO_WAIT), 0);
	zexpect_equal_ptr(m.rx_source_thread, &kz_threads[2]);
	zexpect_equal(m.info, 2U);
	k_mbox_data_get(&m, rx_buf[0]);
	/* Nor from the wanted source (helper 2 sends nothing): */
	m = (struct k_mbox_msg){.size = LEN, .rx_source_thread = &kz_threads[2]};
	zexpect_equal(k_mbox_get(&mb, &m, NULL, K_NO_WAIT), -ENOMSG);
	/* Helper 1 (K_ANY source) takes it. */
	kz_spawn(1, receiver, &mb, (void *)(intptr_t)-1, (void *)1, 4, 0);
	k_msleep(1);
	kz_join(3);
	zexpect_equal(result[0], 0);
	zexpect_equal(result[1], 0);
	zexpect_equal(result[2], 0);
	zexpect_equal(rx_msgs[1].size, 4);
	zexpect_equal_ptr(rx_msgs[1].rx_source_thread, &kz_threads[0]);
}

/* Helper: receive only from the thread in p2 (for 50 ms), index p3. */
static void receiver_from(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p3;

	rx_msgs[idx].size = LEN;
	rx_msgs[idx].rx_source_thread = p2;
	result[idx] = k_mbox_get(p1, &rx_msgs[idx], rx_buf[idx], K_MSEC(50));
	order[done++] = idx;
}

/* A waiting receiver wanting one source is passed over for a lower-priority one taking any. */
ZTEST(kernel_mbox, test_waiting_receiver_source_filter)
{
	struct k_mbox_msg m;

	reset();
	kz_spawn(2, receiver_from, &mb, &kz_threads[3], (void *)2, 3, 0);
	k_msleep(1);
	kz_spawn(1, receiver, &mb, (void *)(intptr_t)-1, (void *)1, 4, 0);
	k_msleep(1);
	m = (struct k_mbox_msg){.info = 8, .size = 8, .tx_data = tx_buf, .tx_target_thread = K_ANY};
	zexpect_equal(k_mbox_put(&mb, &m, K_NO_WAIT), 0);
	zexpect_equal_ptr(m.tx_target_thread, &kz_threads[1]);
	zexpect_mem_equal(rx_buf[1], tx_buf, 8);
	k_msleep(1); /* helper 1 was preempted by this thread's release: let it finish */
	zexpect_equal(done, 1);
	zexpect_equal(order[0], 1);
	/* Addressed to helper 2, but it waits for helper 3's messages: no match. */
	m = (struct k_mbox_msg){.size = 8, .tx_data = tx_buf, .tx_target_thread = &kz_threads[2]};
	zexpect_equal(k_mbox_put(&mb, &m, K_NO_WAIT), -ENOMSG);
	kz_join(1);
	zexpect_equal(k_thread_join(&kz_threads[2], K_SECONDS(1)), 0);
	zexpect_equal(result[2], -EAGAIN);
}

#if CONFIG_NUM_MBOX_ASYNC_MSGS > 0
/* Asynchronous put: the caller goes on; the semaphore is given when the message is consumed,
 * not when it is received; the caller's descriptor is copied, never written. */
ZTEST(kernel_mbox, test_async_put)
{
	static K_SEM_DEFINE(consumed, 0, 10);
	struct k_mbox_msg tx = {.info = 42, .size = LEN, .tx_target_thread = K_ANY};
	struct k_mbox_msg before;
	struct k_mbox_msg rx = {.info = 7, .size = LEN, .rx_source_thread = K_ANY};
	char buf[LEN];

	reset();
	tx.tx_data = tx_buf;
	before = tx;
	k_mbox_async_put(&mb, &tx, &consumed);
	zexpect_mem_equal(&tx, &before, sizeof(tx), "the caller's descriptor changed");
	zexpect_equal(k_sem_count_get(&consumed), 0);
	zexpect_equal(k_mbox_get(&mb, &rx, NULL, K_NO_WAIT), 0);
	zexpect_equal(rx.info, 42);
	zexpect_equal(rx.size, LEN);
	zexpect_equal_ptr(rx.rx_source_thread, k_current_get());
	zexpect_equal(k_sem_count_get(&consumed), 0, "given before the data was taken");
	k_mbox_data_get(&rx, buf);
	zexpect_mem_equal(buf, tx_buf, LEN);
	zexpect_equal(k_sem_count_get(&consumed), 1);
	k_sem_reset(&consumed);

	/* To a waiting receiver (lower priority): it gets the message when this thread blocks;
	 * no semaphore (NULL) is fine too. */
	kz_spawn(0, receiver, &mb, (void *)(intptr_t)-1, (void *)0, 3, 0);
	k_msleep(1);
	tx.info = 43;
	k_mbox_async_put(&mb, &tx, &consumed);
	zexpect_equal(done, 0, "an async put waited for its receiver");
	zexpect_equal(k_sem_take(&consumed, K_MSEC(10)), 0);
	kz_join(1);
	zexpect_equal(result[0], 0);
	zexpect_equal(rx_msgs[0].info, 43);
	zexpect_mem_equal(rx_buf[0], tx_buf, LEN);

	k_mbox_async_put(&mb, &tx, NULL);
	rx = (struct k_mbox_msg){.size = 4, .rx_source_thread = K_ANY};
	zexpect_equal(k_mbox_get(&mb, &rx, buf, K_NO_WAIT), 0);
	zexpect_equal(rx.size, 4);
}

/* Helper: async put of info p2 into mailbox p1 (its descriptor on the stack), then done. */
static void async_sender(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p3;
	struct k_mbox_msg m = {
	    .info = (uint32_t)(uintptr_t)p2, .size = 1, .tx_target_thread = K_ANY};

	m.tx_data = tx_buf;
	k_mbox_async_put(p1, &m, NULL);
	order[done++] = idx;
}

/* CONFIG_NUM_MBOX_ASYNC_MSGS (3 in prj.conf) descriptors for every mailbox: a fourth async put
 * waits until a message is consumed. */
ZTEST(kernel_mbox, test_async_descriptors_run_out)
{
	struct k_mbox_msg m = {.size = 1, .tx_target_thread = K_ANY};
	struct k_mbox_msg rx;

	zassert_equal(CONFIG_NUM_MBOX_ASYNC_MSGS, 3);
	reset();
	m.tx_data = tx_buf;
	for (uint32_t i = 0; i < 2; i++) {
		m.info = 10 + i;
		k_mbox_async_put(&mb, &m, NULL);
	}
	m.info = 20;
	k_mbox_async_put(&mb_global, &m, NULL); /* the third, in another mailbox */
	kz_spawn(0, async_sender, &mb, (void *)(uintptr_t)12, (void *)0, 3, 0);
	k_msleep(5);
	zexpect_equal(done, 0, "a fourth async put found a descriptor");
	rx = (struct k_mbox_msg){.size = 1, .rx_source_thread = K_ANY};
	zexpect_equal(k_mbox_get(&mb_global, &rx, NULL, K_NO_WAIT), 0);
	zexpect_equal(rx.info, 20);
	k_mbox_data_get(&rx, NULL); /* consumed: its descriptor goes to the waiting sender */
	k_msleep(1);
	zexpect_equal(done, 1);
	kz_join(1);
	/* Same priority: received in the order sent. */
	for (uint32_t i = 0; i < 3; i++) {
		char c;

		rx = (struct k_mbox_msg){.size = 1, .rx_source_thread = K_ANY};
		zexpect_equal(k_mbox_get(&mb, &rx, &c, K_NO_WAIT), 0);
		zexpect_equal(rx.info, 10 + i);
	}
	rx = (struct k_mbox_msg){.size = 1, .rx_source_thread = K_ANY};
	zexpect_equal(k_mbox_get(&mb, &rx, NULL, K_NO_WAIT), -ENOMSG);
}

/* Helper: take semaphore p1 (forever), then done as index p3. */
static void sem_taker(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p3;

	ARG_UNUSED(p2);
	result[idx] = k_sem_take(p1, K_FOREVER);
	order[done++] = idx;
}

/* Consuming an asynchronous message frees its descriptor, which lets a thread waiting for one
 * run at once if it outranks the consumer, and only then gives the message's semaphore, as on
 * Zephyr (its descriptors are a stack, pushed before the give): the descriptor's waiter (4)
 * runs before the semaphore's (3), although the latter has the higher priority. */
ZTEST(kernel_mbox, test_async_descriptor_freed_before_sem_given)
{
	static K_SEM_DEFINE(given, 0, 1);
	struct k_mbox_msg m = {.size = 1, .tx_target_thread = K_ANY};
	struct k_mbox_msg rx;
	int prio = k_thread_priority_get(k_current_get());

	reset();
	m.tx_data = tx_buf;
	for (uint32_t i = 0; i < 3; i++) {
		m.info = 30 + i;
		k_mbox_async_put(&mb, &m, i == 0 ? &given : NULL);
	}
	kz_spawn(0, async_sender, &mb, (void *)(uintptr_t)33, (void *)0, 4, 0);
	kz_spawn(1, sem_taker, &given, NULL, (void *)1, 3, 0);
	k_msleep(1);
	zexpect_equal(done, 0);
	k_thread_priority_set(k_current_get(), 5); /* below both */
	rx = (struct k_mbox_msg){.size = 1, .rx_source_thread = K_ANY};
	zexpect_equal(k_mbox_get(&mb, &rx, NULL, K_NO_WAIT), 0);
	zexpect_equal(rx.info, 30);
	k_mbox_data_get(&rx, NULL);
	zexpect_equal(done, 2);
	zexpect_equal(order[0], 0, "the semaphore was given before the descriptor was freed");
	zexpect_equal(order[1], 1);
	zexpect_equal(result[1], 0);
	k_thread_priority_set(k_current_get(), prio);
	kz_join(2);
	for (uint32_t i = 1; i < 4; i++) {
		rx = (struct k_mbox_msg){.size = 1, .rx_source_thread = K_ANY};
		zexpect_equal(k_mbox_get(&mb, &rx, NULL, K_NO_WAIT), 0);
		zexpect_equal(rx.info, 30 + i);
		k_mbox_data_get(&rx, NULL);
	}
}
#endif /* CONFIG_NUM_MBOX_ASYNC_MSGS > 0 */

/* Waiting receivers are served by priority, then arrival (priorities 5, 3, 3, 4). */
ZTEST(kernel_mbox, test_receivers_wake_order)
{
	reset();
	kz_spawn_waiters(receiver, &mb);
	for (uint32_t i = 0; i < KZ_THREADS; i++) {
		struct k_mbox_msg tx = {.info = i, .size = LEN, .tx_target_thread = K_ANY};

		tx.tx_data = tx_buf;
		zexpect_equal(k_mbox_put(&mb, &tx, K_NO_WAIT), 0);
	}
	kz_join(KZ_THREADS);
	zexpect_equal(rx_msgs[1].info, 0);
	zexpect_equal(rx_msgs[2].info, 1);
	zexpect_equal(rx_msgs[3].info, 2);
	zexpect_equal(rx_msgs[0].info, 3);
	for (int i = 0; i < KZ_THREADS; i++) {
		zexpect_equal(result[i], 0);
	}
}

/* Waiting senders are served by priority, then arrival; an asynchronous message waits at its
 * sender's priority (this thread's 0: ahead of them all). */
ZTEST(kernel_mbox, test_senders_wake_order)
{
	static const int expect[KZ_THREADS] = {1, 2, 3, 0};
	struct k_mbox_msg rx;
	struct k_mbox_msg async = {.info = 99, .size = 1, .tx_target_thread = K_ANY};
	char buf[LEN];

	reset();
	kz_spawn_waiters(sender, &mb);
#if CONFIG_NUM_MBOX_ASYNC_MSGS > 0
	async.tx_data = tx_buf;
	k_mbox_async_put(&mb, &async, NULL);
	rx = (struct k_mbox_msg){.size = LEN, .rx_source_thread = K_ANY};
	zexpect_equal(k_mbox_get(&mb, &rx, buf, K_NO_WAIT), 0);
	zexpect_equal(rx.info, 99);
#else
	ARG_UNUSED(async);
#endif
	for (int i = 0; i < KZ_THREADS; i++) {
		rx = (struct k_mbox_msg){.size = LEN, .rx_source_thread = K_ANY};
		zexpect_equal(k_mbox_get(&mb, &rx, buf, K_NO_WAIT), 0);
		zexpect_equal(rx.info, (uint32_t)expect[i]);
		zexpect_equal_ptr(rx.rx_source_thread, &kz_threads[expect[i]]);
	}
	kz_join(KZ_THREADS);
	for (int i = 0; i < KZ_THREADS; i++) {
		zexpect_equal(result[i], 0);
	}
}

/* Timeouts: -EAGAIN after the whole timeout on both sides, K_NO_WAIT -ENOMSG. */
ZTEST(kernel_mbox, test_timeouts)
{
	struct k_mbox_msg m = {.size = 0, .tx_target_thread = K_ANY, .rx_source_thread = K_ANY};
	int64_t t0;

	t0 = k_uptime_get();
	zexpect_equal(k_mbox_get(&mb, &m, NULL, K_MSEC(20)), -EAGAIN);
	zexpect_true(k_uptime_get() - t0 >= 20);
	t0 = k_uptime_get();
	zexpect_equal(k_mbox_put(&mb, &m, K_MSEC(20)), -EAGAIN);
	zexpect_true(k_uptime_get() - t0 >= 20);
	/* A timed-out sender left nothing behind. */
	zexpect_equal(k_mbox_get(&mb, &m, NULL, K_NO_WAIT), -ENOMSG);

	/* A helper's 10 ms wait ends after 10 ms, not before, on each side. */
	reset();
	kz_wait_out(receiver, &mb, (const int *)&done);
	zexpect_equal(result[0], -EAGAIN);
	reset();
	kz_wait_out(sender, &mb, (const int *)&done);
	zexpect_equal(result[0], -EAGAIN);
	zexpect_equal(k_mbox_get(&mb, &m, NULL, K_NO_WAIT), -ENOMSG);
}

/* A sender aborted while its message is out: consuming it later is harmless. */
ZTEST(kernel_mbox, test_sender_aborted_while_held)
{
	struct k_mbox_msg rx = {.size = LEN, .rx_source_thread = K_ANY};
	char buf[LEN];

	reset();
	kz_spawn(0, sender, &mb, (void *)(intptr_t)-1, (void *)0, 3, 0);
	k_msleep(1);
	zexpect_equal(k_mbox_get(&mb, &rx, NULL, K_NO_WAIT), 0);
	k_thread_abort(&kz_threads[0]);
	k_mbox_data_get(&rx, buf); /* tx_buf is global: the data is still there */
	zexpect_mem_equal(buf, tx_buf, LEN);
	zexpect_equal(done, 0);
}

static int isr_ret[2];

static void isr_calls(const void *arg)
{
	struct k_mbox_msg m = {.size = 0, .tx_target_thread = K_ANY, .rx_source_thread = K_ANY};

	(void)arg;
	isr_ret[0] = k_mbox_put(&mb, &m, K_NO_WAIT);
	isr_ret[1] = k_mbox_get(&mb, &m, NULL, K_NO_WAIT);
}

/* Mailboxes are for threads (Zephyr's rule): refused from an ISR. */
ZTEST(kernel_mbox, test_isr_refused)
{
	irq_offload(isr_calls, NULL);
	zexpect_equal(isr_ret[0], -EINVAL);
	zexpect_equal(isr_ret[1], -EINVAL);
}

static ZTEST_BMEM volatile int user_step;

static void user_fn(void *p1, void *p2, void *p3)
{
	struct k_mbox_msg m = {.size = 0, .tx_target_thread = K_ANY};

	(void)p1;
	(void)p2;
	(void)p3;
	user_step = 1;
	ztest_set_fault_valid(true);
	(void)k_mbox_put(&mb, &m, K_NO_WAIT); /* no system call on Zephyr: oops */
	user_step = 2;
}

/* Not system calls on Zephyr: a user thread calling them ends in a kernel oops. */
ZTEST(kernel_mbox, test_user_mode_oops)
{
	user_step = 0;
	kz_faults = 0;
	kz_spawn(0, user_fn, NULL, NULL, NULL, 3, K_USER);
	kz_join(1);
	zexpect_equal(user_step, 1);
	zexpect_equal(kz_faults, 1);
	zexpect_equal(kz_fault_reason, K_ERR_KERNEL_OOPS);
}

ZTEST_SUITE(kernel_mbox, NULL, NULL, NULL, NULL, NULL);
