/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Memory flowing between threads as Zephyr applications pass it:
 *
 *   sampler (k_work_delayable on the system work queue, every 10 ms)
 *     takes a block from a memory slab, writes a reading into it and puts the block's
 *     address into a k_msgq (K_NO_WAIT: a full queue drops the reading and frees the block);
 *   consumer (a user-mode thread in its own memory domain, with a resource pool)
 *     takes readings from the k_msgq, keeps its statistics in its own partition, and hands
 *     each block on with k_fifo_alloc_put() (the FIFO node comes from its resource pool, the
 *     block itself is never written by the kernel); a full pool refuses (-ENOMEM) and the
 *     reading is counted as dropped;
 *   logger (main, supervisor: user threads cannot free slab blocks)
 *     takes blocks from the k_fifo, checks them, every so often is slow, and frees them.
 *
 * The closing report gives the slab's and the pool's figures: everything taken was returned.
 */
#include <zephyr/app_memory/app_memdomain.h>
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

LOG_MODULE_REGISTER(producer_consumer, LOG_LEVEL_INF);

#define SAMPLES        60
#define SAMPLE_PERIOD  K_MSEC(10)
#define SLAB_BLOCKS    12
#define QUEUE_DEPTH    4
#define CONSUMER_PRIO  4
#define CONSUMER_STACK 8192

/* One reading, in a slab block. The first word is the FIFO's (k_fifo_put would use it; the
 * user thread uses k_fifo_alloc_put and leaves it alone, but the layout stays Zephyr's). */
struct reading {
	void *fifo_reserved;
	uint32_t seq;
	int32_t milli_celsius;
	int64_t taken_ms;
	uint32_t check;
};

K_MEM_SLAB_DEFINE(reading_slab, sizeof(struct reading), SLAB_BLOCKS, 8);
K_MSGQ_DEFINE(readings, sizeof(struct reading *), QUEUE_DEPTH, sizeof(void *));
K_FIFO_DEFINE(to_logger);
/* The consumer's resource pool: FIFO nodes for k_fifo_alloc_put (32 bytes each on a 64-bit
 * host), few enough that it runs out while the logger is slow. Sized in pointers, as a node
 * is, so that a 32-bit build holds about as many and runs out too. */
#define POOL_BYTES ((int)(32 * sizeof(void *)))
K_HEAP_DEFINE(consumer_pool, POOL_BYTES);

/* The consumer's own memory: only its domain holds this partition. */
K_APPMEM_PARTITION_DEFINE(consumer_part);
K_APP_BMEM(consumer_part) static uint32_t c_received;
K_APP_BMEM(consumer_part) static uint32_t c_forwarded;
K_APP_BMEM(consumer_part) static uint32_t c_refused;
K_APP_BMEM(consumer_part) static int64_t c_sum_milli;
K_APP_BMEM(consumer_part) static bool c_user_mode;

static struct k_mem_domain consumer_domain;
K_THREAD_STACK_DEFINE(consumer_stack, CONSUMER_STACK);
static struct k_thread consumer_thread;

/* Sampler state (system work queue, supervisor). */
static uint32_t s_taken, s_no_block, s_queue_full;
static struct k_work_delayable sampler;

static uint32_t check_of(const struct reading *r)
{
	return r->seq * 2654435761u ^ (uint32_t)r->milli_celsius;
}

static void sample(struct k_work *work)
{
	struct k_work_delayable *dwork = k_work_delayable_from_work(work);
	struct reading *r;
	uint32_t seq = s_taken + s_no_block + s_queue_full;

	if (seq >= SAMPLES) {
		struct reading *end = NULL;

		/* The end marker; waits for room, the consumer keeps draining. */
		(void)k_msgq_put(&readings, &end, K_FOREVER);
		return;
	}
	if (k_mem_slab_alloc(&reading_slab, (void **)&r, K_NO_WAIT) != 0) {
		s_no_block++;
	} else {
		r->seq = seq;
		r->milli_celsius = 21000 + (int32_t)((seq * 37u) % 400u) - 200;
		r->taken_ms = k_uptime_get();
		r->check = check_of(r);
		if (k_msgq_put(&readings, &r, K_NO_WAIT) != 0) {
			s_queue_full++;
			k_mem_slab_free(&reading_slab, r);
		} else {
			s_taken++;
		}
	}
	(void)k_work_schedule(dwork, SAMPLE_PERIOD);
}

static void consumer(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	c_user_mode = k_is_user_context();
	for (;;) {
		struct reading *r;

		if (k_msgq_get(&readings, &r, K_FOREVER) != 0) {
			continue;
		}
		if (r == NULL) {
			break;
		}
		c_received++;
		c_sum_milli += r->milli_celsius;
		/* Every fifth reading takes the consumer a while: the queue fills behind it. */
		if (r->seq % 5 == 4) {
			k_msleep(35);
		}
		if (k_fifo_alloc_put(&to_logger, r) == 0) {
			c_forwarded++;
		} else {
			/* Pool exhausted: the reading cannot travel on. The logger frees it. */
			c_refused++;
			r->check = ~r->check;
			while (k_fifo_alloc_put(&to_logger, r) != 0) {
				k_msleep(5);
			}
		}
	}
}

static void report(uint32_t logged, uint32_t bad, uint32_t refused_seen)
{
	struct sys_memory_stats pool;
	struct sys_memory_stats slab;

	k_heap_runtime_stats_get(&consumer_pool, &pool);
	k_mem_slab_runtime_stats_get(&reading_slab, &slab);
	printk("sampler:  %u readings queued, %u dropped (queue full), %u without a block\n",
	       s_taken, s_queue_full, s_no_block);
	printk("consumer: user mode %s, %u received, %u forwarded, %u refused by its pool, "
	       "mean %d.%03d C\n",
	       c_user_mode ? "yes" : "no", c_received, c_forwarded, c_refused,
	       (int)(c_sum_milli / (c_received ? c_received : 1) / 1000),
	       (int)(c_sum_milli / (c_received ? c_received : 1) % 1000));
	printk("logger:   %u blocks checked, %u corrupted, %u marked refused\n", logged, bad,
	       refused_seen);
	printk("slab:     %u of %u blocks used, max used %u, %zu bytes allocated\n",
	       (unsigned int)k_mem_slab_num_used_get(&reading_slab), SLAB_BLOCKS,
	       (unsigned int)k_mem_slab_max_used_get(&reading_slab), slab.allocated_bytes);
	printk("pool:     %zu bytes allocated, max allocated %zu, %zu free\n", pool.allocated_bytes,
	       pool.max_allocated_bytes, pool.free_bytes);
}

int main(void)
{
	struct k_mem_partition *parts[] = {&consumer_part};
	uint32_t logged = 0;
	uint32_t bad = 0;
	uint32_t refused_seen = 0;

	LOG_INF("%d samples every 10 ms, queue of %d, slab of %d blocks, pool of %d bytes",
		SAMPLES, QUEUE_DEPTH, SLAB_BLOCKS, POOL_BYTES);
	(void)k_mem_domain_init(&consumer_domain, ARRAY_SIZE(parts), parts);
	k_thread_create(&consumer_thread, consumer_stack, K_THREAD_STACK_SIZEOF(consumer_stack),
			consumer, NULL, NULL, NULL, CONSUMER_PRIO, K_USER, K_FOREVER);
	k_thread_name_set(&consumer_thread, "consumer");
	k_thread_heap_assign(&consumer_thread, &consumer_pool);
	(void)k_mem_domain_add_thread(&consumer_domain, &consumer_thread);
	k_object_access_grant(&readings, &consumer_thread);
	k_object_access_grant(&to_logger, &consumer_thread);
	k_thread_start(&consumer_thread);

	k_work_init_delayable(&sampler, sample);
	(void)k_work_schedule(&sampler, SAMPLE_PERIOD);

	/* The logger: slower than the producer now and then, so blocks pile up in the FIFO. */
	for (;;) {
		struct reading *r = k_fifo_get(&to_logger, K_MSEC(200));

		if (r == NULL) {
			break; /* quiet for 200 ms: the run is over */
		}
		if (r->check == ~check_of(r)) {
			refused_seen++;
		} else if (r->check != check_of(r)) {
			bad++;
		}
		logged++;
		if (logged % 8 == 0) {
			LOG_INF("logged %u readings, last #%u %d mC taken at %lld ms", logged,
				r->seq, r->milli_celsius, (long long)r->taken_ms);
			k_msleep(60);
		}
		k_mem_slab_free(&reading_slab, r);
	}
	k_thread_join(&consumer_thread, K_FOREVER);
	report(logged, bad, refused_seen);

	struct sys_memory_stats pool;

	k_heap_runtime_stats_get(&consumer_pool, &pool);
	bool ok = k_mem_slab_num_used_get(&reading_slab) == 0 && pool.allocated_bytes == 0 &&
		  bad == 0 && logged == c_received && c_received == s_taken;

	printk("all memory returned: %s\n", ok ? "yes" : "NO");
	return ok ? 0 : 1;
}
