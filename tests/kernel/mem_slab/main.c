/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_mem_slab: the scenarios of Zephyr's mem_slab suites (init rules, -ENOMEM, -EAGAIN after
 * the timeout, a pending allocation served by a later free, waiters served by priority then
 * arrival, counts and statistics, ISR use) plus zmem's misuse detection (Zephyr #96560), and
 * four threads making random calls against a model of the live blocks. Runs under virtual time
 * (--no-rt).
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <zephyr/irq_offload.h>
#include <zephyr/kernel.h>

#include <zephyr/ztest.h>

#include "../../common/test_rand.h"
#include "message_pool.h"

#define BLK_SIZE   64
#define NUM_BLOCKS 4

K_MEM_SLAB_DEFINE(slab, BLK_SIZE, NUM_BLOCKS, 8);

#define STACK_SIZE 16384
K_THREAD_STACK_DEFINE(stack0, STACK_SIZE);
K_THREAD_STACK_DEFINE(stack1, STACK_SIZE);
K_THREAD_STACK_DEFINE(stack2, STACK_SIZE);
K_THREAD_STACK_DEFINE(stack3, STACK_SIZE);
static k_thread_stack_t *const stacks[] = {stack0, stack1, stack2, stack3};
static struct k_thread threads[4];

static void *all[NUM_BLOCKS];

static void take_all(void)
{
	for (int i = 0; i < NUM_BLOCKS; i++) {
		zassert_equal(k_mem_slab_alloc(&slab, &all[i], K_NO_WAIT), 0);
	}
}

static void give_all(void)
{
	for (int i = 0; i < NUM_BLOCKS; i++) {
		k_mem_slab_free(&slab, all[i]);
	}
	zassert_equal(k_mem_slab_num_used_get(&slab), 0);
}

ZTEST(kernel_mem_slab, test_init_rules)
{
	static uint64_t buf[16];
	struct k_mem_slab s;
	char *cbuf = (char *)buf;

	zassert_equal(k_mem_slab_init(&s, cbuf + 1, 16, 4), -EINVAL); /* misaligned buffer */
	zassert_equal(k_mem_slab_init(&s, buf, sizeof(void *) + sizeof(void *) / 2, 4),
		      -EINVAL); /* not word multiple */
	zassert_equal(k_mem_slab_init(&s, buf, 0, 4), -EINVAL);
	zassert_equal(k_mem_slab_init(&s, buf, 16, 0), -EINVAL);
	zassert_equal(k_mem_slab_init(&s, NULL, 16, 4), -EINVAL);
	zassert_equal(k_mem_slab_init(&s, buf, SIZE_MAX / 2 + 1, 4), -EINVAL); /* size overflows */
	zassert_equal(k_mem_slab_init(&s, buf, 16, 8), 0);
	zassert_equal(k_mem_slab_num_free_get(&s), 8);

	void *a, *b;

	zassert_equal(k_mem_slab_alloc(&s, &a, K_NO_WAIT), 0);
	zassert_equal(k_mem_slab_alloc(&s, &b, K_NO_WAIT), 0);
	zassert_true((char *)b - (char *)a == 16 || (char *)a - (char *)b == 16);
	zassert_true((char *)a >= cbuf && (char *)a < cbuf + sizeof(buf));
	k_mem_slab_free(&s, a);
	k_mem_slab_free(&s, b);
}

ZTEST(kernel_mem_slab, test_counts_and_enomem)
{
	struct sys_memory_stats st;
	void *extra = (void *)1;

	zassert_equal(k_mem_slab_num_free_get(&slab), NUM_BLOCKS);
	take_all();
	for (int i = 0; i < NUM_BLOCKS; i++) {
		zassert_true(all[i] != NULL);
		zassert_equal((uintptr_t)all[i] % 8, 0);
		for (int j = 0; j < i; j++) {
			zassert_true(all[i] != all[j]);
		}
		memset(all[i], 0xA5, BLK_SIZE); /* whole block is usable */
	}
	zassert_equal(k_mem_slab_num_used_get(&slab), NUM_BLOCKS);
	zassert_equal(k_mem_slab_num_free_get(&slab), 0);
	zassert_equal(k_mem_slab_max_used_get(&slab), NUM_BLOCKS);

	int64_t t0 = k_uptime_ticks();

	zassert_equal(k_mem_slab_alloc(&slab, &extra, K_NO_WAIT), -ENOMEM);
	zassert_true(extra == NULL);
	zassert_equal(k_uptime_ticks(), t0); /* K_NO_WAIT did not wait */

	zassert_equal(k_mem_slab_runtime_stats_get(&slab, &st), 0);
	zassert_equal(st.allocated_bytes, NUM_BLOCKS * BLK_SIZE);
	zassert_equal(st.free_bytes, 0);
	zassert_equal(st.max_allocated_bytes, NUM_BLOCKS * BLK_SIZE);

	k_mem_slab_free(&slab, all[0]);
	k_mem_slab_free(&slab, all[1]);
	zassert_equal(k_mem_slab_num_used_get(&slab), 2);
	zassert_equal(k_mem_slab_max_used_get(&slab), NUM_BLOCKS);
	zassert_equal(k_mem_slab_runtime_stats_reset_max(&slab), 0);
	zassert_equal(k_mem_slab_max_used_get(&slab), 2);
	zassert_equal(k_mem_slab_runtime_stats_get(&slab, &st), 0);
	zassert_equal(st.allocated_bytes, 2 * BLK_SIZE);
	zassert_equal(st.free_bytes, 2 * BLK_SIZE);
	zassert_equal(st.max_allocated_bytes, 2 * BLK_SIZE);
	/* LIFO: the block freed last comes back first. */
	void *again;
	zassert_equal(k_mem_slab_alloc(&slab, &again, K_NO_WAIT), 0);
	zassert_true(again == all[1]);
	k_mem_slab_free(&slab, again);
	k_mem_slab_free(&slab, all[2]);
	k_mem_slab_free(&slab, all[3]);
	zassert_equal(k_mem_slab_num_used_get(&slab), 0);
	zassert_equal(k_mem_slab_runtime_stats_get(NULL, &st), -EINVAL);
	zassert_equal(k_mem_slab_runtime_stats_reset_max(NULL), -EINVAL);
}

ZTEST(kernel_mem_slab, test_eagain_after_timeout)
{
	void *blk = (void *)1;

	take_all();
	int64_t t0 = k_uptime_get();
	int ret = k_mem_slab_alloc(&slab, &blk, K_MSEC(100));
	int64_t waited = k_uptime_get() - t0;

	zassert_equal(ret, -EAGAIN);
	zassert_true(blk == NULL);
	zassert_true(waited >= 100);
	zassert_equal(k_mem_slab_num_used_get(&slab), NUM_BLOCKS);
	give_all();
}

/* Waiter: records the order it got its block in, then keeps it. */
static int served_order[4];
static void *served_block[4];
static int served_ret[4];
static int served_count;

static void waiter(void *p1, void *p2, void *p3)
{
	int id = (int)(intptr_t)p1;
	k_timeout_t timeout = *(k_timeout_t *)p2;

	(void)p3;
	served_ret[id] = k_mem_slab_alloc(&slab, &served_block[id], timeout);
	served_order[served_count++] = id;
}

static void spawn(int id, int prio, k_timeout_t *timeout)
{
	k_thread_create(&threads[id], stacks[id], STACK_SIZE, waiter, (void *)(intptr_t)id, timeout,
			NULL, prio, 0, K_NO_WAIT);
}

ZTEST(kernel_mem_slab, test_pending_alloc_served_by_free)
{
	static k_timeout_t forever = {K_TICKS_FOREVER};

	take_all();
	served_count = 0;
	spawn(0, 5, &forever);
	k_sleep(K_MSEC(10)); /* let it pend */
	zassert_equal(served_count, 0);
	k_mem_slab_free(&slab, all[2]);
	k_sleep(K_MSEC(10));
	zassert_equal(served_count, 1);
	zassert_equal(served_ret[0], 0);
	zassert_true(served_block[0] == all[2]); /* handed straight over */
	zassert_equal(k_mem_slab_num_used_get(&slab), NUM_BLOCKS);
	k_thread_join(&threads[0], K_FOREVER);
	all[2] = served_block[0];
	give_all();
}

ZTEST(kernel_mem_slab, test_waiters_by_priority_then_arrival)
{
	static k_timeout_t forever = {K_TICKS_FOREVER};

	take_all();
	served_count = 0;
	/* Arrival order 0,1,2,3; priorities 6,4,6,5: expected service 1 (4), 3 (5), 0 (6, came
	 * first), 2 (6). */
	spawn(0, 6, &forever);
	k_sleep(K_MSEC(1));
	spawn(1, 4, &forever);
	k_sleep(K_MSEC(1));
	spawn(2, 6, &forever);
	k_sleep(K_MSEC(1));
	spawn(3, 5, &forever);
	k_sleep(K_MSEC(10));
	zassert_equal(served_count, 0);
	for (int i = 0; i < NUM_BLOCKS; i++) {
		k_mem_slab_free(&slab, all[i]);
		k_sleep(K_MSEC(1));
		zassert_equal(served_count, i + 1);
	}
	zassert_equal(served_order[0], 1);
	zassert_equal(served_order[1], 3);
	zassert_equal(served_order[2], 0);
	zassert_equal(served_order[3], 2);
	for (int i = 0; i < 4; i++) {
		k_thread_join(&threads[i], K_FOREVER);
		zassert_equal(served_ret[i], 0);
		all[i] = served_block[i];
	}
	zassert_equal(k_mem_slab_num_used_get(&slab), NUM_BLOCKS);
	give_all();
}

ZTEST(kernel_mem_slab, test_waiter_timeout_then_free)
{
	static k_timeout_t short_wait;

	short_wait = K_MSEC(20);
	take_all();
	served_count = 0;
	spawn(0, 5, &short_wait);
	k_sleep(K_MSEC(50));
	zassert_equal(served_count, 1);
	zassert_equal(served_ret[0], -EAGAIN);
	zassert_true(served_block[0] == NULL);
	k_thread_join(&threads[0], K_FOREVER);
	/* The expired waiter is gone: a free goes back to the slab. */
	k_mem_slab_free(&slab, all[0]);
	zassert_equal(k_mem_slab_num_used_get(&slab), NUM_BLOCKS - 1);
	zassert_equal(k_mem_slab_alloc(&slab, &all[0], K_NO_WAIT), 0);
	give_all();
}

static int hook_calls;
static enum k_mem_slab_error hook_err;
static void *hook_mem;

static void count_hook(struct k_mem_slab *s, void *mem, enum k_mem_slab_error err)
{
	zassert_true(s != NULL);
	hook_calls++;
	hook_err = err;
	hook_mem = mem;
}

ZTEST(kernel_mem_slab, test_double_free_and_foreign)
{
	int local;

	k_mem_slab_error_hook_set(count_hook);
	take_all();
	k_mem_slab_free(&slab, all[1]);
	zassert_equal(k_mem_slab_num_used_get(&slab), NUM_BLOCKS - 1);

	k_mem_slab_free(&slab, all[1]); /* double free */
	zassert_equal(hook_calls, 1);
	zassert_equal(hook_err, K_MEM_SLAB_ERR_DOUBLE_FREE);
	zassert_true(hook_mem == all[1]);
	zassert_equal(k_mem_slab_num_used_get(&slab), NUM_BLOCKS - 1);

	k_mem_slab_free(&slab, &local); /* foreign */
	zassert_equal(hook_calls, 2);
	zassert_equal(hook_err, K_MEM_SLAB_ERR_BAD_POINTER);
	k_mem_slab_free(&slab, (char *)all[0] + 8); /* inside a block */
	zassert_equal(hook_calls, 3);
	zassert_equal(hook_err, K_MEM_SLAB_ERR_BAD_POINTER);
	zassert_equal(k_mem_slab_num_used_get(&slab), NUM_BLOCKS - 1);

	/* A block whose user data happens to equal its free tag is still freed exactly once:
	 * read the tag it carries while free, take it back, write the tag as data, free it. */
	k_mem_slab_free(&slab, all[2]);
	uintptr_t tag = ((uintptr_t *)all[2])[1];
	void *x;

	zassert_equal(k_mem_slab_alloc(&slab, &x, K_NO_WAIT), 0);
	zassert_true(x == all[2]);
	((uintptr_t *)x)[1] = tag;
	k_mem_slab_free(&slab, x);
	zassert_equal(hook_calls, 3);
	zassert_equal(k_mem_slab_num_used_get(&slab), NUM_BLOCKS - 2);
	k_mem_slab_free(&slab, x);
	zassert_equal(hook_calls, 4);
	zassert_equal(k_mem_slab_num_used_get(&slab), NUM_BLOCKS - 2);

	/* The free list is intact: exactly two blocks come back, distinct, then -ENOMEM. */
	void *a, *b, *c;

	zassert_equal(k_mem_slab_alloc(&slab, &a, K_NO_WAIT), 0);
	zassert_equal(k_mem_slab_alloc(&slab, &b, K_NO_WAIT), 0);
	zassert_true(a != b);
	zassert_equal(k_mem_slab_alloc(&slab, &c, K_NO_WAIT), -ENOMEM);
	all[1] = a;
	all[2] = b;
	zassert_equal(k_mem_slab_num_used_get(&slab), NUM_BLOCKS);
	give_all();
	zassert_equal(hook_calls, 4);
	k_mem_slab_free(&slab, NULL); /* no-op */
	zassert_equal(hook_calls, 4);
	k_mem_slab_error_hook_set(NULL);
}

/*
 * Zephyr before 3.5 freed through the address of the block pointer, k_mem_slab_free(slab, &blk)
 * (a void **); 3.5 and later take the block. Both free the block; a block that is itself typed
 * void ** is freed as it is, whatever it holds.
 */
ZTEST(kernel_mem_slab, test_free_either_form)
{
	void *blk, *other, *copy;
	void **node;

	k_mem_slab_error_hook_set(count_hook);
	hook_calls = 0;
	zassert_equal(k_mem_slab_alloc(&slab, &blk, K_NO_WAIT), 0);
	zassert_equal(k_mem_slab_alloc(&slab, &other, K_NO_WAIT), 0);
	k_mem_slab_free(&slab, &blk); /* the older form */
	zassert_equal(k_mem_slab_num_used_get(&slab), 1);
	zassert_equal(hook_calls, 0);

	/* A node whose first word points at another block: the node goes, not what it holds. */
	zassert_equal(k_mem_slab_alloc(&slab, (void **)&node, K_NO_WAIT), 0);
	*node = other;
	k_mem_slab_free(&slab, node);
	zassert_equal(k_mem_slab_num_used_get(&slab), 1);
	k_mem_slab_free(&slab, other);
	zassert_equal(k_mem_slab_num_used_get(&slab), 0);
	zassert_equal(hook_calls, 0);

	/* The older form keeps the checks: the same block twice is a double free. */
	zassert_equal(k_mem_slab_alloc(&slab, &blk, K_NO_WAIT), 0);
	copy = blk;
	k_mem_slab_free(&slab, &blk);
	k_mem_slab_free(&slab, &copy);
	zassert_equal(hook_calls, 1);
	zassert_equal(hook_err, K_MEM_SLAB_ERR_DOUBLE_FREE);
	zassert_true(hook_mem == copy);
	blk = NULL;
	k_mem_slab_free(&slab, &blk); /* a NULL block pointer: a no-op, as NULL is */
	k_mem_slab_free(&slab, (void **)NULL);
	zassert_equal(hook_calls, 1);
	zassert_equal(k_mem_slab_num_used_get(&slab), 0);
	k_mem_slab_error_hook_set(NULL);
}

/* One-word blocks have no room for the free tag: detection walks the free list. */
ZTEST(kernel_mem_slab, test_word_blocks)
{
	static void *words[4];
	struct k_mem_slab s;
	void *a, *b;

	k_mem_slab_error_hook_set(count_hook);
	hook_calls = 0;
	zassert_equal(k_mem_slab_init(&s, words, sizeof(void *), 4), 0);
	zassert_equal(k_mem_slab_alloc(&s, &a, K_NO_WAIT), 0);
	zassert_equal(k_mem_slab_alloc(&s, &b, K_NO_WAIT), 0);
	k_mem_slab_free(&s, a);
	k_mem_slab_free(&s, a);
	zassert_equal(hook_calls, 1);
	zassert_equal(hook_err, K_MEM_SLAB_ERR_DOUBLE_FREE);
	/* Never handed out yet: not ours to take back. */
	k_mem_slab_free(&s, &words[3]);
	zassert_equal(hook_calls, 2);
	zassert_equal(hook_err, K_MEM_SLAB_ERR_BAD_POINTER);
	zassert_equal(k_mem_slab_num_used_get(&s), 1);
	k_mem_slab_free(&s, b);
	zassert_equal(k_mem_slab_num_used_get(&s), 0);
	k_mem_slab_error_hook_set(NULL);
}

struct aligned_thing {
	uint32_t a;
	uint8_t b;
} __attribute__((aligned(32)));

K_MEM_SLAB_DEFINE_TYPE(typed_slab, struct aligned_thing, 3);

ZTEST(kernel_mem_slab, test_define_variants)
{
	/* Block scope, as the seed's lab code does. */
	K_MEM_SLAB_DEFINE_STATIC(local_slab, 24, 2, 8);
	void *p, *q, *r;

	zassert_equal(k_mem_slab_alloc(&local_slab, &p, K_NO_WAIT), 0);
	zassert_equal(k_mem_slab_alloc(&local_slab, &q, K_NO_WAIT), 0);
	zassert_equal(k_mem_slab_alloc(&local_slab, &r, K_NO_WAIT), -ENOMEM);
	zassert_equal((uintptr_t)p % 8, 0);
	zassert_equal((uintptr_t)q % 8, 0);
	k_mem_slab_free(&local_slab, p);
	k_mem_slab_free(&local_slab, q);

	void *t[3];

	for (int i = 0; i < 3; i++) {
		zassert_equal(k_mem_slab_alloc(&typed_slab, &t[i], K_NO_WAIT), 0);
		zassert_equal((uintptr_t)t[i] % 32, 0);
	}
	for (int i = 0; i < 3; i++) {
		k_mem_slab_free(&typed_slab, t[i]);
	}
	zassert_equal(k_mem_slab_num_used_get(&typed_slab), 0);
}

static int isr_ret_nowait;
static int isr_ret_wait;
static void *isr_other = (void *)1;

/* Takes the last block without waiting, then asks to wait for another: refused. */
static void isr_fn(const void *arg)
{
	void **blk = (void **)arg;

	isr_ret_nowait = k_mem_slab_alloc(&slab, blk, K_NO_WAIT);
	isr_ret_wait = k_mem_slab_alloc(&slab, &isr_other, K_MSEC(10));
}

ZTEST(kernel_mem_slab, test_isr)
{
	void *blk = NULL;

	take_all();
	k_mem_slab_free(&slab, all[3]);
	irq_offload(isr_fn, &blk);
	zassert_equal(isr_ret_nowait, 0);
	zassert_true(blk == all[3]);
	zassert_equal(isr_ret_wait, -EINVAL); /* waiting from an ISR is refused */
	zassert_true(isr_other == NULL);
	give_all();
}

/* The seed's message pool, from examples/message_pool/src/message_pool.c. */
ZTEST(kernel_mem_slab, test_seed_message_pool)
{
	struct message *msgs[MAX_MESSAGES + 1];

	for (int i = 0; i < MAX_MESSAGES; i++) {
		msgs[i] = alloc_message();
		zassert_true(msgs[i] != NULL);
	}
	msgs[MAX_MESSAGES] = alloc_message();
	zassert_true(msgs[MAX_MESSAGES] == NULL);
	for (int i = 0; i < MAX_MESSAGES; i++) {
		free_message(msgs[i]);
	}
	zassert_equal(k_mem_slab_num_used_get(&message_pool), 0);
	zassert_equal(k_mem_slab_max_used_get(&message_pool), MAX_MESSAGES);
}

/* The seed's slab samples: definition, runtime initialization, demonstrate_slab_usage(). */
#define BUFFER_SIZE 128
#define NUM_BUFFERS 16

K_MEM_SLAB_DEFINE(packet_slab, BUFFER_SIZE, NUM_BUFFERS, 4);

static struct k_mem_slab custom_slab;
static uint8_t slab_memory[NUM_BUFFERS * BUFFER_SIZE];

void init_custom_slab(void)
{
	k_mem_slab_init(&custom_slab, slab_memory, BUFFER_SIZE, NUM_BUFFERS);
}

static int packets_processed;

static void process_packet(void *buffer)
{
	memset(buffer, 0x11, BUFFER_SIZE);
	packets_processed++;
}

void demonstrate_slab_usage(void)
{
	void *buffer;

	// Allocate from slab (deterministic time)
	if (k_mem_slab_alloc(&packet_slab, &buffer, K_NO_WAIT) == 0) {
		// Use buffer for packet processing
		process_packet(buffer);

		// Return to slab
		k_mem_slab_free(&packet_slab, buffer);
	} else {
		// All buffers in use
		printk("Packet slab exhausted\n");
	}
}

ZTEST(kernel_mem_slab, test_seed_slab_samples)
{
	init_custom_slab();
	zassert_equal(k_mem_slab_num_free_get(&custom_slab), NUM_BUFFERS);
	for (int i = 0; i < 3; i++) {
		demonstrate_slab_usage();
	}
	zassert_equal(packets_processed, 3);
	zassert_equal(k_mem_slab_num_used_get(&packet_slab), 0);
	zassert_equal(k_mem_slab_max_used_get(&packet_slab), 1);

	void *held[NUM_BUFFERS];

	for (int i = 0; i < NUM_BUFFERS; i++) {
		zassert_equal(k_mem_slab_alloc(&custom_slab, &held[i], K_NO_WAIT), 0);
	}
	void *none;
	zassert_equal(k_mem_slab_alloc(&custom_slab, &none, K_NO_WAIT), -ENOMEM);
	for (int i = 0; i < NUM_BUFFERS; i++) {
		k_mem_slab_free(&custom_slab, held[i]);
	}
	zassert_equal(k_mem_slab_num_used_get(&custom_slab), 0);
}

/*
 * Four threads of different priorities make random calls on one slab of 3 blocks (fixed seed):
 * allocations that wait a few milliseconds or not, frees. A shared model of the live blocks
 * checks that each block handed out is a block boundary of the buffer that no thread holds,
 * that a freed block kept its contents, that num_used counts the blocks held (and those handed
 * to a woken waiter not yet running) after every call and is 0 at the end, and that a failed
 * timed allocation waited its timeout (-EAGAIN) or did not wait (-ENOMEM).
 */
#define RS_THREADS 4
#define RS_SLOTS   4
#define RS_OPS     2000
#define RS_BLOCKS  3

K_MEM_SLAB_DEFINE_STATIC(rs_slab, 32, RS_BLOCKS, 8);
static unsigned char *rs_live[RS_THREADS][RS_SLOTS];
static int rs_refused;

static int rs_count(void)
{
	int n = 0;

	for (int t = 0; t < RS_THREADS; t++) {
		for (int k = 0; k < RS_SLOTS; k++) {
			n += rs_live[t][k] != NULL;
		}
	}
	return n;
}

static void rs_worker(void *p1, void *p2, void *p3)
{
	int t = (int)(uintptr_t)p1;
	uint32_t state = 2654435761U + (uint32_t)t * 7919U;

	(void)p2;
	(void)p3;
	for (int op = 0; op < RS_OPS; op++) {
		int k = (int)(test_rand32(&state) % RS_SLOTS);
		unsigned char mark = (unsigned char)(t * RS_SLOTS + k + 1);

		if (rs_live[t][k] == NULL) {
			uint32_t ms = test_rand32(&state) % 3;
			int64_t t0 = k_uptime_get();
			void *mem = NULL;
			int ret = k_mem_slab_alloc(&rs_slab, &mem, ms == 0 ? K_NO_WAIT : K_MSEC(ms));

			if (ret != 0) {
				zassert_equal(ret, ms == 0 ? -ENOMEM : -EAGAIN);
				zassert_true(k_uptime_get() - t0 >= (int64_t)ms);
				rs_refused++;
			} else {
				uintptr_t off = (uintptr_t)mem - (uintptr_t)rs_slab.buffer;

				zassert_true(off < 32U * RS_BLOCKS && off % 32U == 0);
				for (int u = 0; u < RS_THREADS; u++) {
					for (int j = 0; j < RS_SLOTS; j++) {
						zassert_true(rs_live[u][j] != mem,
							     "block %p handed out twice", mem);
					}
				}
				memset(mem, mark, 32);
				rs_live[t][k] = mem;
			}
		} else {
			/* Out of the model first: the free may run a waiter at once. */
			unsigned char *mem = rs_live[t][k];

			for (int i = 0; i < 32; i++) {
				zassert_equal(mem[i], mark, "block %p changed", (void *)mem);
			}
			rs_live[t][k] = NULL;
			k_mem_slab_free(&rs_slab, mem);
		}
		/*
		 * A free hands its block straight to a waiter, which may not run yet: such a block
		 * is counted as used before its new owner puts it in the model (at most one per
		 * other thread).
		 */
		int used = (int)k_mem_slab_num_used_get(&rs_slab);

		zassert_true(used >= rs_count() && used <= rs_count() + RS_THREADS - 1,
			     "num_used %d, %d blocks held", used, rs_count());
	}
	for (int k = 0; k < RS_SLOTS; k++) {
		if (rs_live[t][k] != NULL) {
			unsigned char *mem = rs_live[t][k];

			rs_live[t][k] = NULL;
			k_mem_slab_free(&rs_slab, mem);
		}
	}
}

ZTEST(kernel_mem_slab, test_threads_random_against_a_model)
{
	static const int prio[RS_THREADS] = {5, 3, 6, 4};

	rs_refused = 0;
	for (int t = 0; t < RS_THREADS; t++) {
		k_thread_create(&threads[t], stacks[t], STACK_SIZE, rs_worker, (void *)(uintptr_t)t,
				NULL, NULL, prio[t], 0, K_NO_WAIT);
	}
	for (int t = 0; t < RS_THREADS; t++) {
		k_thread_join(&threads[t], K_FOREVER);
	}
	zassert_equal(k_mem_slab_num_used_get(&rs_slab), 0);
	zassert_equal(k_mem_slab_num_free_get(&rs_slab), RS_BLOCKS);
	/*
	 * Each thread alone can use up the slab (4 slots, 3 blocks): it then waits or is refused,
	 * and the others run meanwhile.
	 */
	zassert_true(rs_refused > 100, "%d refused", rs_refused);
}

ZTEST_SUITE(kernel_mem_slab, NULL, NULL, NULL, NULL, NULL);
