/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_heap: the scenarios of Zephyr's k_heap suites (ready before main, K_NO_WAIT, a pending
 * allocation served by a later free, a partial free that is not enough, waiters by priority,
 * calloc overflow, realloc grow / shrink / NULL / 0, ISR rules) plus double free / foreign
 * pointer handling and heap listeners seeing every event, and three threads making random calls
 * against a model of the live blocks. Runs under virtual time (--no-rt).
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <zephyr/irq_offload.h>
#include <zephyr/kernel.h>
#include <zephyr/sys/heap_listener.h>

#include <zephyr/ztest.h>

#include "../../common/test_rand.h"

#define HEAP_SIZE 2048
K_HEAP_DEFINE(heap, HEAP_SIZE);
K_HEAP_DEFINE_NOCACHE(nocache_heap, 512);

/* Recorded by a constructor that runs after K_HEAP_DEFINE's: proves readiness before main. */
static size_t free_at_boot;

#define STACK_SIZE 16384
K_THREAD_STACK_DEFINE(stack0, STACK_SIZE);
K_THREAD_STACK_DEFINE(stack1, STACK_SIZE);
K_THREAD_STACK_DEFINE(stack2, STACK_SIZE);
static k_thread_stack_t *const stacks[] = {stack0, stack1, stack2};
static struct k_thread threads[3];

static size_t allocated_now(struct k_heap *h)
{
	struct sys_memory_stats st;

	zassert_equal(k_heap_runtime_stats_get(h, &st), 0);
	return st.allocated_bytes;
}

ZTEST(kernel_heap, test_ready_before_main)
{
	struct sys_memory_stats st;

	zassert_true(free_at_boot > HEAP_SIZE / 2);
	/* Zephyr's form and the seed's form agree. */
	zassert_equal(sys_heap_runtime_stats_get(&heap.heap, &st), 0);
	zassert_true(st.free_bytes > HEAP_SIZE / 2 && st.free_bytes <= HEAP_SIZE);
	zassert_equal(st.allocated_bytes, 0);

	struct k_heap *arr = NULL;
	int n = k_heap_array_get(&arr);
	int found = 0;

	zassert_true(n >= 2);
	for (int i = 0; i < n; i++) {
		found += &arr[i] == &heap || &arr[i] == &nocache_heap;
		zassert_true(arr[i].heap.init_bytes > 0);
	}
	zassert_equal(found, 2);
	void *p = k_heap_alloc(&nocache_heap, 100, K_NO_WAIT);
	zassert_true(p != NULL);
	k_heap_free(&nocache_heap, p);
}

ZTEST(kernel_heap, test_no_wait_fails_at_once)
{
	void *big = k_heap_alloc(&heap, HEAP_SIZE / 2, K_NO_WAIT);
	int64_t t0 = k_uptime_ticks();

	zassert_true(big != NULL);
	zassert_true(k_heap_alloc(&heap, HEAP_SIZE / 2 + 64, K_NO_WAIT) == NULL);
	zassert_true(k_heap_alloc(&heap, 0, K_NO_WAIT) == NULL);
	zassert_true(k_heap_alloc(&heap, SIZE_MAX, K_NO_WAIT) == NULL);
	zassert_equal(k_uptime_ticks(), t0);
	k_heap_free(&heap, big);
	zassert_equal(allocated_now(&heap), 0);
}

/* An alignment that is not a power of two is refused at once, whatever the timeout, even
 * when it is below the natural alignment (where a power of two is served by a plain alloc). */
ZTEST(kernel_heap, test_bad_alignment_refused_at_once)
{
	int64_t t0 = k_uptime_ticks();

	zassert_is_null(k_heap_aligned_alloc(&heap, 3, 64, K_MSEC(500)));
	zassert_is_null(k_heap_aligned_alloc(&heap, 24, 64, K_FOREVER));
	zassert_equal(k_uptime_ticks(), t0, "a bad alignment waited");
	zassert_equal(allocated_now(&heap), 0);

	void *p = k_heap_aligned_alloc(&heap, 4, 64, K_NO_WAIT);

	zassert_not_null(p, "a power of two below the natural alignment is served");
	k_heap_free(&heap, p);
}

ZTEST(kernel_heap, test_timeout_with_nothing_freed)
{
	void *big = k_heap_alloc(&heap, HEAP_SIZE / 2, K_NO_WAIT);
	int64_t t0 = k_uptime_get();

	zassert_true(k_heap_alloc(&heap, HEAP_SIZE / 2 + 64, K_MSEC(50)) == NULL);
	zassert_true(k_uptime_get() - t0 >= 50);
	k_heap_free(&heap, big);
}

/* Waiter threads: allocate `size` within `timeout`, record when and in which order. */
struct wait_req {
	size_t size;
	k_timeout_t timeout;
	void *got;
	int64_t done_at;
	bool done;
};
static struct wait_req reqs[3];
static int order[3];
static int order_n;

static void waiter(void *p1, void *p2, void *p3)
{
	int id = (int)(intptr_t)p1;
	struct wait_req *r = &reqs[id];

	(void)p2;
	(void)p3;
	r->got = k_heap_alloc(&heap, r->size, r->timeout);
	r->done_at = k_uptime_get();
	r->done = true;
	order[order_n++] = id;
}

static void spawn(int id, int prio, size_t size, k_timeout_t timeout)
{
	reqs[id] = (struct wait_req){.size = size, .timeout = timeout};
	k_thread_create(&threads[id], stacks[id], STACK_SIZE, waiter, (void *)(intptr_t)id, NULL,
			NULL, prio, 0, K_NO_WAIT);
}

ZTEST(kernel_heap, test_pending_alloc_served_by_free)
{
	void *big = k_heap_alloc(&heap, HEAP_SIZE * 3 / 4, K_NO_WAIT);

	zassert_true(big != NULL);
	order_n = 0;
	spawn(0, 5, HEAP_SIZE / 2, K_FOREVER);
	k_sleep(K_MSEC(10));
	zassert_true(!reqs[0].done);
	k_heap_free(&heap, big);
	k_sleep(K_MSEC(1));
	zassert_true(reqs[0].done);
	zassert_true(reqs[0].got != NULL);
	k_thread_join(&threads[0], K_FOREVER);
	k_heap_free(&heap, reqs[0].got);
	zassert_equal(allocated_now(&heap), 0);
	zassert_true(sys_heap_validate(&heap.heap));
}

ZTEST(kernel_heap, test_partial_free_not_enough)
{
	void *a = k_heap_alloc(&heap, HEAP_SIZE / 2, K_NO_WAIT);
	void *b = k_heap_alloc(&heap, HEAP_SIZE / 4, K_NO_WAIT);

	zassert_true(a != NULL && b != NULL);
	spawn(0, 5, HEAP_SIZE * 3 / 4, K_MSEC(100));
	int64_t t0 = k_uptime_get();

	k_sleep(K_MSEC(20));
	k_heap_free(&heap, b); /* wakes the waiter, which retries, fails and waits again */
	k_sleep(K_MSEC(20));
	zassert_true(!reqs[0].done);
	k_thread_join(&threads[0], K_FOREVER);
	zassert_true(reqs[0].done);
	zassert_true(reqs[0].got == NULL);
	zassert_true(reqs[0].done_at - t0 >= 100); /* it waited its whole timeout */
	k_heap_free(&heap, a);
	zassert_equal(allocated_now(&heap), 0);
}

ZTEST(kernel_heap, test_waiters_in_priority_order)
{
	void *big = k_heap_alloc(&heap, HEAP_SIZE * 3 / 4, K_NO_WAIT);

	order_n = 0;
	/* Each wants more than half the heap: only one can hold memory at a time. */
	spawn(0, 7, HEAP_SIZE * 5 / 8, K_FOREVER);
	k_sleep(K_MSEC(1));
	spawn(1, 3, HEAP_SIZE * 5 / 8, K_FOREVER);
	k_sleep(K_MSEC(1));
	spawn(2, 5, HEAP_SIZE * 5 / 8, K_FOREVER);
	k_sleep(K_MSEC(10));
	zassert_equal(order_n, 0);

	k_heap_free(&heap, big); /* wakes all three; prio 3 wins, the others wait again */
	k_sleep(K_MSEC(1));
	zassert_equal(order_n, 1);
	zassert_equal(order[0], 1);
	k_heap_free(&heap, reqs[1].got);
	k_sleep(K_MSEC(1));
	zassert_equal(order_n, 2);
	zassert_equal(order[1], 2);
	k_heap_free(&heap, reqs[2].got);
	k_sleep(K_MSEC(1));
	zassert_equal(order_n, 3);
	zassert_equal(order[2], 0);
	k_heap_free(&heap, reqs[0].got);
	for (int i = 0; i < 3; i++) {
		k_thread_join(&threads[i], K_FOREVER);
		zassert_true(reqs[i].got != NULL);
	}
	zassert_equal(allocated_now(&heap), 0);
	zassert_true(sys_heap_validate(&heap.heap));
}

/*
 * Three threads of different priorities make random calls on one small heap (fixed seed):
 * allocations that wait (K_FOREVER excepted) or not, reallocations that may wait, frees. A
 * shared model of every live block checks each block handed out (inside the heap, overlapping
 * no live block of any thread, its usable size) and its contents when it is freed or resized; a
 * timed allocation that fails has waited its whole timeout; the heap validates after every
 * call and is empty at the end. The waits make the threads wake each other through frees.
 */
#define RT_THREADS 3
#define RT_SLOTS   6
#define RT_OPS     1500

struct rt_block {
	unsigned char *p;
	size_t usable;
	unsigned char seed;
};

static struct rt_block rt_live[RT_THREADS][RT_SLOTS];
static K_HEAP_DEFINE(rt_heap, 1024);
static volatile int rt_timed_out;

static void rt_fill(struct rt_block *b)
{
	for (size_t i = 0; i < b->usable; i++) {
		b->p[i] = (unsigned char)(b->seed + 11U * (unsigned int)i);
	}
}

static void rt_check(const struct rt_block *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		zassert_equal(b->p[i], (unsigned char)(b->seed + 11U * (unsigned int)i),
			      "block %p changed at byte %zu", (void *)b->p, i);
	}
}

/* Block @p b of thread @p t, just handed out: inside the heap, overlapping no live block. */
static void rt_take(int t, int k, unsigned char *p)
{
	struct rt_block *b = &rt_live[t][k];
	uintptr_t lo = (uintptr_t)rt_heap.heap.init_mem;

	b->p = p;
	b->usable = sys_heap_usable_size(&rt_heap.heap, p);
	zassert_true(b->usable > 0);
	zassert_true((uintptr_t)p >= lo && (uintptr_t)p + b->usable <= lo + rt_heap.heap.init_bytes);
	for (int u = 0; u < RT_THREADS; u++) {
		for (int j = 0; j < RT_SLOTS; j++) {
			const struct rt_block *o = &rt_live[u][j];

			zassert_true(o == b || o->p == NULL || p + b->usable <= o->p ||
					     o->p + o->usable <= p,
				     "block %p handed out over %p", (void *)p, (void *)o->p);
		}
	}
	b->seed = (unsigned char)(b->seed + 1U);
	rt_fill(b);
}

static void rt_worker(void *p1, void *p2, void *p3)
{
	int t = (int)(uintptr_t)p1;
	uint32_t state = 2463534242U + (uint32_t)t * 977U;

	(void)p2;
	(void)p3;
	for (int op = 0; op < RT_OPS; op++) {
		int k = (int)(test_rand32(&state) % RT_SLOTS);
		struct rt_block *b = &rt_live[t][k];
		size_t req = 1 + test_rand32(&state) % 300;
		uint32_t ms = test_rand32(&state) % 4; /* 0: K_NO_WAIT */
		k_timeout_t wait = ms == 0 ? K_NO_WAIT : K_MSEC(ms);

		if (b->p == NULL) {
			int64_t t0 = k_uptime_get();
			unsigned char *p = k_heap_alloc(&rt_heap, req, wait);

			if (p == NULL) {
				zassert_true(k_uptime_get() - t0 >= (int64_t)ms);
				rt_timed_out++;
			} else {
				rt_take(t, k, p);
			}
		} else if (test_rand32(&state) % 4 == 0) {
			/*
			 * The block leaves the model before the call: a realloc that frees space
			 * wakes waiters, which run at once when of higher priority and may be given
			 * the old place.
			 */
			struct rt_block old = *b;
			size_t keep = old.usable < req ? old.usable : req;
			unsigned char *p;

			rt_check(b, b->usable);
			b->p = NULL;
			p = k_heap_realloc(&rt_heap, old.p, req, wait);
			if (p != NULL) {
				rt_check(&(struct rt_block){p, keep, old.seed}, keep);
				b->seed = old.seed;
				rt_take(t, k, p);
			} else {
				*b = old;
				rt_check(b, b->usable); /* kept as it was */
			}
		} else {
			/* Out of the model first: the free may run a waiter at once. */
			unsigned char *p = b->p;

			rt_check(b, b->usable);
			b->p = NULL;
			k_heap_free(&rt_heap, p);
		}
		zassert_true(sys_heap_validate(&rt_heap.heap));
	}
	for (int k = 0; k < RT_SLOTS; k++) {
		if (rt_live[t][k].p != NULL) {
			rt_check(&rt_live[t][k], rt_live[t][k].usable);
			k_heap_free(&rt_heap, rt_live[t][k].p);
			rt_live[t][k].p = NULL;
		}
	}
}

ZTEST(kernel_heap, test_threads_random_against_a_model)
{
	static const int prio[RT_THREADS] = {4, 6, 5};

	rt_timed_out = 0;
	for (int t = 0; t < RT_THREADS; t++) {
		k_thread_create(&threads[t], stacks[t], STACK_SIZE, rt_worker, (void *)(uintptr_t)t,
				NULL, NULL, prio[t], 0, K_NO_WAIT);
	}
	for (int t = 0; t < RT_THREADS; t++) {
		k_thread_join(&threads[t], K_FOREVER);
	}
	zassert_equal(allocated_now(&rt_heap), 0);
	zassert_true(sys_heap_validate(&rt_heap.heap));
	/* A 1 KiB heap for up to 18 blocks of up to 300 bytes: failures and waits happen. */
	zassert_true(rt_timed_out > 50, "%d timed-out or refused allocations", rt_timed_out);
}

ZTEST(kernel_heap, test_calloc)
{
	unsigned char *p = k_heap_alloc(&heap, 256, K_NO_WAIT);

	memset(p, 0xEE, 256);
	k_heap_free(&heap, p);
	unsigned char *z = k_heap_calloc(&heap, 16, 16, K_NO_WAIT);

	zassert_true(z != NULL);
	int zero = 1;
	for (int i = 0; z != NULL && i < 256; i++) {
		zero &= z[i] == 0;
	}
	zassert_true(zero);
	k_heap_free(&heap, z);
	zassert_true(k_heap_calloc(&heap, SIZE_MAX / 2, 3, K_NO_WAIT) == NULL); /* overflow */
	zassert_true(k_heap_calloc(&heap, (SIZE_MAX >> 4) + 1, 16, K_FOREVER) == NULL);
	zassert_equal(allocated_now(&heap), 0);
}

static int heap_errors;

static void count_heap_errors(struct sys_heap *h, void *mem, enum sys_heap_error err)
{
	(void)h;
	(void)mem;
	(void)err;
	heap_errors++;
}

ZTEST(kernel_heap, test_realloc)
{
	heap_errors = 0;
	sys_heap_error_hook_set(count_heap_errors);

	char *p = k_heap_realloc(&heap, NULL, 32, K_NO_WAIT); /* NULL: allocates */

	zassert_true(p != NULL);
	for (int i = 0; i < 32; i++) {
		p[i] = (char)i;
	}
	char *g = k_heap_realloc(&heap, p, 512, K_NO_WAIT); /* grow */
	zassert_true(g != NULL);
	int same = 1;
	for (int i = 0; g != NULL && i < 32; i++) {
		same &= g[i] == (char)i;
	}
	zassert_true(same);
	char *s = k_heap_realloc(&heap, g, 8, K_NO_WAIT); /* shrink: in place */
	zassert_true(s == g);
	zassert_true(s[7] == 7);
	zassert_true(k_heap_realloc(&heap, s, HEAP_SIZE * 2, K_NO_WAIT) == NULL); /* fails: kept */
	zassert_true(s[7] == 7);
	/* To 0 bytes with a timeout: freed exactly once, no retry on the freed pointer. */
	zassert_true(k_heap_realloc(&heap, s, 0, K_MSEC(100)) == NULL);
	zassert_equal(allocated_now(&heap), 0);
	zassert_equal(heap_errors, 0);
	zassert_true(sys_heap_validate(&heap.heap));
	sys_heap_error_hook_set(NULL);
}

ZTEST(kernel_heap, test_double_free_and_foreign)
{
	static char elsewhere[64];

	heap_errors = 0;
	sys_heap_error_hook_set(count_heap_errors);
	void *a = k_heap_alloc(&heap, 100, K_NO_WAIT);
	void *b = k_heap_alloc(&heap, 100, K_NO_WAIT);
	size_t before = allocated_now(&heap);

	k_heap_free(&heap, a);
	size_t after_one = allocated_now(&heap);

	zassert_true(after_one < before);
	k_heap_free(&heap, a); /* double free: reported, ignored */
	zassert_equal(heap_errors, 1);
	zassert_equal(allocated_now(&heap), after_one);
	k_heap_free(&heap, elsewhere + 8); /* foreign */
	zassert_equal(heap_errors, 2);
	zassert_equal(allocated_now(&heap), after_one);
	zassert_true(sys_heap_validate(&heap.heap));
	k_heap_free(&heap, b);
	k_heap_free(&heap, NULL);
	zassert_equal(heap_errors, 2);
	zassert_equal(allocated_now(&heap), 0);
	sys_heap_error_hook_set(NULL);
}

/* Listeners: every alloc and free, with sizes that balance. */
static int n_alloc, n_free;
static long long live_bytes;

static void on_alloc(uintptr_t id, void *mem, size_t bytes)
{
	zassert_true(id == HEAP_ID_FROM_POINTER(&heap.heap));
	zassert_true(mem != NULL && bytes > 0);
	n_alloc++;
	live_bytes += (long long)bytes;
}

static void on_free(uintptr_t id, void *mem, size_t bytes)
{
	zassert_true(id == HEAP_ID_FROM_POINTER(&heap.heap));
	zassert_true(mem != NULL);
	n_free++;
	live_bytes -= (long long)bytes;
}

HEAP_LISTENER_ALLOC_DEFINE(alloc_l, HEAP_ID_FROM_POINTER(&heap.heap), on_alloc);
HEAP_LISTENER_FREE_DEFINE(free_l, HEAP_ID_FROM_POINTER(&heap.heap), on_free);

ZTEST(kernel_heap, test_listeners)
{
	heap_listener_register(&alloc_l);
	heap_listener_register(&free_l);
	heap_errors = 0;
	sys_heap_error_hook_set(count_heap_errors);

	void *a = k_heap_alloc(&heap, 40, K_NO_WAIT);
	void *b = k_heap_aligned_alloc(&heap, 64, 40, K_NO_WAIT);
	void *c = k_heap_calloc(&heap, 4, 10, K_NO_WAIT);

	zassert_equal(n_alloc, 3);
	zassert_equal((uintptr_t)b % 64, 0);
	a = k_heap_realloc(&heap, a, 300, K_NO_WAIT); /* one free + one alloc */
	zassert_equal(n_alloc, 4);
	zassert_equal(n_free, 1);
	zassert_true(k_heap_alloc(&heap, HEAP_SIZE * 2, K_NO_WAIT) == NULL); /* failure: no event */
	zassert_equal(n_alloc, 4);
	k_heap_free(&heap, b);
	k_heap_free(&heap, b); /* rejected double free: no event */
	zassert_equal(n_free, 2);
	zassert_equal(heap_errors, 1);
	k_heap_free(&heap, c);
	zassert_true(k_heap_realloc(&heap, a, 0, K_NO_WAIT) == NULL);
	zassert_equal(n_free, 4);
	zassert_equal(live_bytes, 0);
	zassert_equal(allocated_now(&heap), 0);

	/* Another heap's events do not reach these listeners. */
	void *o = k_heap_alloc(&nocache_heap, 16, K_NO_WAIT);
	k_heap_free(&nocache_heap, o);
	zassert_equal(n_alloc, 4);
	zassert_equal(n_free, 4);

	heap_listener_unregister(&alloc_l);
	heap_listener_unregister(&free_l);
	void *d = k_heap_alloc(&heap, 16, K_NO_WAIT);
	k_heap_free(&heap, d);
	zassert_equal(n_alloc, 4);
	sys_heap_error_hook_set(NULL);
}

static void *isr_nowait;
static void *isr_wait = (void *)1;

static void isr_fn(const void *arg)
{
	(void)arg;
	isr_nowait = k_heap_alloc(&heap, 32, K_NO_WAIT);
	isr_wait = k_heap_alloc(&heap, 32, K_MSEC(10));
}

ZTEST(kernel_heap, test_isr)
{
	irq_offload(isr_fn, NULL);
	zassert_true(isr_nowait != NULL);
	zassert_true(isr_wait == NULL); /* refused: an ISR cannot wait */
	k_heap_free(&heap, isr_nowait);
	zassert_equal(allocated_now(&heap), 0);
}

/* The seed's samples. */
static uint8_t heap_memory[8192];
static struct k_heap custom_heap;

void initialize_custom_heap(void)
{
	k_heap_init(&custom_heap, heap_memory, sizeof(heap_memory));
}

K_HEAP_DEFINE(app_heap, 4096);
#define NUM_SENSORS 4
struct sensor_reading {
	uint32_t timestamp;
	int32_t value;
};

static int print_heap_statistics(struct k_heap *h)
{
	struct sys_memory_stats stats;

	if (k_heap_runtime_stats_get(h, &stats) == 0) {
		printk("Heap Statistics:\n");
		printk("  Total Size: %zu bytes\n", stats.allocated_bytes + stats.free_bytes);
		printk("  Allocated:  %zu bytes\n", stats.allocated_bytes);
		printk("  Free:       %zu bytes\n", stats.free_bytes);
		printk("  Max Usage:  %zu bytes\n", stats.max_allocated_bytes);
		return 0;
	}
	return -1;
}

ZTEST(kernel_heap, test_seed_samples)
{
	initialize_custom_heap();
	void *buffer = k_heap_alloc(&app_heap, 256, K_FOREVER);

	zassert_true(buffer != NULL);
	struct sensor_reading *readings =
	    k_heap_calloc(&app_heap, NUM_SENSORS, sizeof(struct sensor_reading), K_NO_WAIT);
	zassert_true(readings != NULL && readings[NUM_SENSORS - 1].value == 0);
	void *c = k_heap_alloc(&custom_heap, 4000, K_NO_WAIT);
	zassert_true(c != NULL);
	zassert_equal(print_heap_statistics(&app_heap), 0);
	k_heap_free(&app_heap, buffer);
	buffer = NULL;
	k_heap_free(&app_heap, readings);
	k_heap_free(&custom_heap, c);
	zassert_equal(allocated_now(&app_heap), 0);
	zassert_equal(allocated_now(&custom_heap), 0);
	zassert_equal(k_heap_runtime_stats_get(NULL, NULL), -EINVAL);
}

__attribute__((constructor)) static void after_heap_init(void)
{
	struct sys_memory_stats st;

	if (heap.heap.heap != NULL && sys_heap_runtime_stats_get(&heap.heap, &st) == 0) {
		free_at_boot = st.free_bytes;
	}
}

ZTEST_SUITE(kernel_heap, NULL, NULL, NULL, NULL, NULL);
