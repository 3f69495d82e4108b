/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_queue, k_fifo, k_lifo: every call, every timeout kind, hand-over to waiters in priority
 * then arrival order, cancellation, ISR use, the alloc forms against the resource pool
 * (figures back to the start on every path, -ENOMEM when exhausted or absent), user mode,
 * and producers and consumers making random calls against a model of the items. Runs under
 * virtual time (--no-rt).
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <zephyr/irq_offload.h>
#include <zephyr/kernel.h>

#include <zephyr/ztest.h>

#include "../common/kobj_ztest.h"
#include "../../common/test_rand.h"

struct item {
	void *reserved; /* the kernel's link word */
	int value;
};

static struct item items[8];

static K_QUEUE_DEFINE(q); /* static prefix accepted */
static K_FIFO_DEFINE(fifo);
static K_LIFO_DEFINE(lifo);
K_HEAP_DEFINE(pool, 2048);
K_HEAP_DEFINE(tiny_pool, 512);

static void reset_items(void)
{
	for (int i = 0; i < (int)ARRAY_SIZE(items); i++) {
		items[i].value = i;
	}
}

static int value_of(void *p)
{
	return p == NULL ? -1 : ((struct item *)p)->value;
}

static void drain(struct k_queue *queue)
{
	while (k_queue_get(queue, K_NO_WAIT) != NULL) {
	}
}

ZTEST(kernel_queue, test_basic_order)
{
	struct k_queue lq;

	reset_items();
	k_queue_init(&lq);
	zexpect_true(k_queue_is_empty(&lq));
	zexpect_true(k_queue_peek_head(&lq) == NULL);
	zexpect_true(k_queue_peek_tail(&lq) == NULL);
	zexpect_true(k_queue_get(&lq, K_NO_WAIT) == NULL);

	k_queue_append(&lq, &items[1]);
	k_queue_append(&lq, &items[2]);
	k_queue_prepend(&lq, &items[0]);
	k_queue_insert(&lq, &items[2], &items[4]); /* after the tail */
	k_queue_insert(&lq, &items[2], &items[3]); /* in the middle */
	k_queue_insert(&lq, NULL, &items[5]);      /* NULL prev: at the front */
	zexpect_true(!k_queue_is_empty(&lq));
	zexpect_equal(value_of(k_queue_peek_head(&lq)), 5);
	zexpect_equal(value_of(k_queue_peek_tail(&lq)), 4);

	int expect[] = {5, 0, 1, 2, 3, 4};

	for (int i = 0; i < 6; i++) {
		zexpect_equal(value_of(k_queue_get(&lq, K_NO_WAIT)), expect[i]);
	}
	zexpect_true(k_queue_is_empty(&lq));
}

ZTEST(kernel_queue, test_remove_unique)
{
	struct k_queue lq;

	reset_items();
	k_queue_init(&lq);
	zexpect_true(k_queue_unique_append(&lq, &items[0]));
	zexpect_true(k_queue_unique_append(&lq, &items[1]));
	zexpect_true(!k_queue_unique_append(&lq, &items[0])); /* already there */
	zexpect_true(k_queue_unique_append(&lq, &items[2]));
	zexpect_true(k_queue_remove(&lq, &items[1]));  /* middle */
	zexpect_true(!k_queue_remove(&lq, &items[1])); /* gone */
	zexpect_true(k_queue_remove(&lq, &items[2]));  /* tail: the tail moves back */
	zexpect_equal(value_of(k_queue_peek_tail(&lq)), 0);
	k_queue_append(&lq, &items[3]);
	zexpect_equal(value_of(k_queue_get(&lq, K_NO_WAIT)), 0);
	zexpect_equal(value_of(k_queue_get(&lq, K_NO_WAIT)), 3);
	zexpect_true(k_queue_remove(&lq, &items[3]) == false);
	zexpect_true(k_queue_is_empty(&lq));
}

ZTEST(kernel_queue, test_lists)
{
	struct k_queue lq;
	sys_slist_t list;

	reset_items();
	k_queue_init(&lq);
	zexpect_equal(k_queue_append_list(&lq, NULL, &items[0]), -EINVAL);
	zexpect_equal(k_queue_append_list(&lq, &items[0], NULL), -EINVAL);

	/* A chain linked through the first words. */
	items[0].reserved = &items[1];
	items[1].reserved = &items[2];
	items[2].reserved = (void *)0x1234; /* the tail's link is not trusted */
	k_queue_append(&lq, &items[7]);
	zexpect_equal(k_queue_append_list(&lq, &items[0], &items[2]), 0);
	zexpect_equal(value_of(k_queue_peek_tail(&lq)), 2);

	sys_slist_init(&list);
	zexpect_equal(k_queue_merge_slist(&lq, &list), -EINVAL); /* empty list */
	sys_slist_append(&list, (sys_snode_t *)&items[3]);
	sys_slist_append(&list, (sys_snode_t *)&items[4]);
	zexpect_equal(k_queue_merge_slist(&lq, &list), 0);
	zexpect_true(sys_slist_is_empty(&list));

	int expect[] = {7, 0, 1, 2, 3, 4};

	for (int i = 0; i < 6; i++) {
		zexpect_equal(value_of(k_queue_get(&lq, K_NO_WAIT)), expect[i]);
	}
	zexpect_true(k_queue_is_empty(&lq));
}

ZTEST(kernel_queue, test_timeouts)
{
	int64_t t0 = k_uptime_ticks();

	zexpect_true(k_queue_get(&q, K_NO_WAIT) == NULL);
	zexpect_equal(k_uptime_ticks(), t0); /* K_NO_WAIT does not wait */

	t0 = k_uptime_ticks();
	zexpect_true(k_queue_get(&q, K_MSEC(20)) == NULL);
	zexpect_true(k_uptime_ticks() - t0 >= K_MSEC(20).ticks); /* not before the timeout */
	zexpect_true(k_uptime_ticks() - t0 <= K_MSEC(20).ticks + 1);
}

/* Waiter: takes one item (p2 = timeout in ms, -1 forever) and records its value at p3. */
static int got[KZ_THREADS];
static int got_order[KZ_THREADS];
static int got_count;

static void getter(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p3;
	void *data = k_queue_get(p1, kz_timeout_ms(p2));

	got[idx] = value_of(data);
	got_order[got_count++] = idx;
}

ZTEST(kernel_queue, test_forever_and_handover)
{
	reset_items();
	got_count = 0;
	kz_spawn(0, getter, &q, (void *)(intptr_t)-1, (void *)0, 3, 0);
	k_msleep(5); /* it waits */
	zexpect_equal(got_count, 0);
	k_queue_append(&q, &items[6]);
	kz_join(1);
	zexpect_equal(got[0], 6);
	zexpect_true(k_queue_is_empty(&q)); /* handed over, never queued */
}

ZTEST(kernel_queue, test_wake_order)
{
	/* Priorities 5, 3, 3, 4 arriving in that order: served 3 (first), 3, 4, 5. */
	reset_items();
	got_count = 0;
	kz_spawn_waiters(getter, &q);
	for (int i = 0; i < KZ_THREADS; i++) {
		k_queue_append(&q, &items[i]);
	}
	kz_join(KZ_THREADS);
	zexpect_equal(got[1], 0);
	zexpect_equal(got[2], 1);
	zexpect_equal(got[3], 2);
	zexpect_equal(got[0], 3);
	zexpect_equal(got_order[0], 1);
	zexpect_equal(got_order[3], 0);
}

ZTEST(kernel_queue, test_list_to_waiters)
{
	reset_items();
	got_count = 0;
	kz_spawn(0, getter, &q, (void *)(intptr_t)-1, (void *)0, 3, 0);
	kz_spawn(1, getter, &q, (void *)(intptr_t)-1, (void *)1, 3, 0);
	k_msleep(1);
	items[0].reserved = &items[1];
	items[1].reserved = &items[2];
	zexpect_equal(k_queue_append_list(&q, &items[0], &items[2]), 0);
	kz_join(2);
	zexpect_equal(got[0], 0);
	zexpect_equal(got[1], 1);
	zexpect_equal(value_of(k_queue_get(&q, K_NO_WAIT)), 2); /* the rest stayed queued */
	zexpect_true(k_queue_is_empty(&q));
}

ZTEST(kernel_queue, test_timeout_in_thread)
{
	got_count = 0;
	kz_wait_out(getter, &q, &got_count);
	zexpect_equal(got[0], -1);
	/* An item put after the waiter gave up stays queued. */
	k_queue_append(&q, &items[0]);
	zexpect_equal(value_of(k_queue_peek_head(&q)), 0);
	drain(&q);
}

ZTEST(kernel_queue, test_cancel_wait)
{
	got_count = 0;
	kz_spawn(0, getter, &q, (void *)(intptr_t)-1, (void *)0, 3, 0);
	kz_spawn(1, getter, &q, (void *)(intptr_t)-1, (void *)1, 4, 0);
	k_msleep(1);
	k_queue_cancel_wait(&q); /* the first waiter (priority 3) returns NULL */
	k_msleep(1);
	zexpect_equal(got_count, 1);
	zexpect_equal(got_order[0], 0);
	zexpect_equal(got[0], -1);
	k_fifo_cancel_wait((struct k_fifo *)&q);
	kz_join(2);
	zexpect_equal(got[1], -1);
	k_queue_cancel_wait(&q); /* nobody waits: nothing happens */
	zexpect_true(k_queue_is_empty(&q));
}

/* ---- ISR ---- */

static int isr_result;

static void isr_put(const void *arg)
{
	k_queue_append(&q, (void *)arg);
}

static void isr_get(const void *arg)
{
	(void)arg;
	isr_result = value_of(k_queue_get(&q, K_NO_WAIT));
}

static void isr_get_wait(const void *arg)
{
	(void)arg;
	isr_result = value_of(k_queue_get(&q, K_MSEC(10))); /* refused: NULL at once */
}

static void isr_alloc_put(const void *arg)
{
	isr_result = k_queue_alloc_append(&q, (void *)arg);
}

ZTEST(kernel_queue, test_isr)
{
	int64_t t0;

	reset_items();
	irq_offload(isr_put, &items[3]);
	zexpect_equal(value_of(k_queue_peek_head(&q)), 3);
	irq_offload(isr_get, NULL);
	zexpect_equal(isr_result, 3);
	irq_offload(isr_get, NULL);
	zexpect_equal(isr_result, -1);
	t0 = k_uptime_ticks();
	irq_offload(isr_get_wait, NULL);
	zexpect_equal(isr_result, -1);
	zexpect_equal(k_uptime_ticks(), t0);

	/* An ISR's allocation comes from the system heap. */
	size_t sys_before = kz_allocated(k_system_heap_get());

	irq_offload(isr_alloc_put, &items[4]);
	zexpect_equal(isr_result, 0);
	zexpect_true(kz_allocated(k_system_heap_get()) > sys_before);
	zexpect_equal(value_of(k_queue_get(&q, K_NO_WAIT)), 4);
	zexpect_equal(kz_allocated(k_system_heap_get()), sys_before);

	/* An ISR handing an item to a waiting thread: it runs when the ISR returns. */
	got_count = 0;
	kz_spawn(0, getter, &q, (void *)(intptr_t)-1, (void *)0, -1, 0);
	k_msleep(1);
	irq_offload(isr_put, &items[5]);
	zexpect_equal(got_count, 1); /* cooperative waiter ran at once */
	zexpect_equal(got[0], 5);
	kz_join(1);
}

/* ---- The alloc forms and the resource pool ---- */

ZTEST(kernel_queue, test_alloc_forms)
{
	struct k_thread *self = k_current_get();
	struct k_heap *saved = self->resource_pool;
	size_t start;

	reset_items();
	k_thread_heap_assign(self, NULL);
	zexpect_equal(k_queue_alloc_append(&q, &items[0]), -ENOMEM); /* no pool */
	zexpect_true(k_queue_is_empty(&q));

	k_thread_heap_assign(self, &pool);
	start = kz_allocated(&pool);
	items[0].reserved = (void *)0x5A5A; /* the alloc forms never write the item */
	zexpect_equal(k_queue_alloc_append(&q, &items[0]), 0);
	zexpect_equal(k_queue_alloc_append(&q, &items[1]), 0);
	zexpect_equal(k_queue_alloc_prepend(&q, &items[2]), 0);
	k_queue_append(&q, &items[3]); /* mixed with a plain item */
	zexpect_true(items[0].reserved == (void *)0x5A5A);
	zexpect_true(kz_allocated(&pool) > start);
	zexpect_equal(value_of(k_queue_peek_head(&q)), 2);
	zexpect_equal(value_of(k_queue_peek_tail(&q)), 3);
	zexpect_equal(value_of(k_queue_get(&q, K_NO_WAIT)), 2);
	zexpect_equal(value_of(k_queue_get(&q, K_NO_WAIT)), 0);
	zexpect_equal(value_of(k_queue_get(&q, K_NO_WAIT)), 1);
	zexpect_equal(value_of(k_queue_get(&q, K_NO_WAIT)), 3);
	zexpect_equal(kz_allocated(&pool), start); /* every node given back */

	/* A waiting thread takes the item directly: no node is allocated. */
	got_count = 0;
	kz_spawn(0, getter, &q, (void *)(intptr_t)-1, (void *)0, 3, 0);
	k_msleep(1);
	size_t before = kz_allocated(&pool);

	k_thread_heap_assign(self, &tiny_pool);
	zexpect_equal(k_queue_alloc_append(&q, &items[4]), 0);
	zexpect_equal(kz_allocated(&pool), before);
	kz_join(1);
	zexpect_equal(got[0], 4);

	/* Exhaustion: -ENOMEM, nothing queued, figures unchanged; all back after the gets. */
	size_t tiny_start = kz_allocated(&tiny_pool);
	int n = 0;

	while (k_queue_alloc_append(&q, &items[n % 8]) == 0) {
		n++;
		if (n > 100) {
			break;
		}
	}
	TC_PRINT("tiny pool held %d nodes\n", n);
	zexpect_true(n > 0 && n < 100);
	size_t full = kz_allocated(&tiny_pool);

	zexpect_equal(k_queue_alloc_append(&q, &items[0]), -ENOMEM);
	zexpect_equal(kz_allocated(&tiny_pool), full);
	for (int i = 0; i < n; i++) {
		zexpect_true(k_queue_get(&q, K_NO_WAIT) != NULL);
	}
	zexpect_true(k_queue_is_empty(&q));
	zexpect_equal(kz_allocated(&tiny_pool), tiny_start);

	/* A node allocated by one thread is freed by the getter, into the pool it came from. */
	k_thread_heap_assign(self, &pool);
	start = kz_allocated(&pool);
	zexpect_equal(k_fifo_alloc_put(&fifo, &items[5]), 0);
	kz_spawn(0, getter, &fifo, (void *)(intptr_t)0, (void *)0, 3, 0);
	kz_join(1);
	zexpect_equal(got[0], 5);
	zexpect_equal(kz_allocated(&pool), start);

	k_thread_heap_assign(self, saved);
}

/*
 * remove and unique_append go by the item, so an item of the alloc forms is found; remove gives
 * its node back to the pool it came from. A node costs a 32-byte block on a 64-bit host (no
 * k_free header), so a pool of Zephyr's queue test size holds Zephyr's count of nodes.
 */
ZTEST(kernel_queue, test_alloc_forms_remove)
{
	struct k_thread *self = k_current_get();
	struct k_heap *saved = self->resource_pool;
	size_t start;

	reset_items();
	drain(&q);
	k_thread_heap_assign(self, &pool);
	start = kz_allocated(&pool);
	zexpect_equal(k_queue_alloc_append(&q, &items[0]), 0);
	k_queue_append(&q, &items[1]);
	zexpect_equal(k_queue_alloc_prepend(&q, &items[2]), 0);
	zexpect_false(k_queue_unique_append(&q, &items[0])); /* already queued, through a node */
	zexpect_true(k_queue_remove(&q, &items[0]));         /* a node in the middle */
	zexpect_false(k_queue_remove(&q, &items[0]));        /* gone */
	zexpect_true(k_queue_remove(&q, &items[2]));         /* a node at the head */
	zexpect_equal(kz_allocated(&pool), start);           /* both nodes given back */
	zexpect_equal(value_of(k_queue_get(&q, K_NO_WAIT)), 1);
	zexpect_true(k_queue_is_empty(&q));

	if (sizeof(void *) == 8U) {
		zexpect_equal(k_queue_alloc_append(&q, &items[3]), 0);
		zexpect_true(kz_allocated(&pool) - start <= 32U);
		zexpect_true(k_queue_remove(&q, &items[3]));
		zexpect_equal(kz_allocated(&pool), start);
	}
	k_thread_heap_assign(self, saved);
}

/*
 * Two producers and two consumers of different priorities on one queue (fixed seed). The
 * producers put their own items with the alloc forms (nodes from a small resource pool, so some
 * puts are refused with -ENOMEM) or the plain ones, and take back queued items with
 * k_queue_remove(); the consumers get with short timeouts. A model of each item's state checks
 * that every item is delivered or removed exactly once per put, never while idle; at the end
 * the queue is empty and every node is back in the pool.
 */
#define RQ_ITEMS_EACH 12
#define RQ_OPS        1500

enum rq_state { RQ_IDLE, RQ_QUEUED, RQ_TAKEN };

static struct item rq_items[2 * RQ_ITEMS_EACH];
static enum rq_state rq_state[2 * RQ_ITEMS_EACH];
static K_QUEUE_DEFINE(rq);
K_HEAP_DEFINE(rq_pool, 40 * sizeof(void *)); /* room for about 10 nodes, 32- or 64-bit */
static int rq_put, rq_delivered, rq_removed, rq_nomem, rq_producers_done;

static void rq_producer(void *p1, void *p2, void *p3)
{
	int who = (int)(intptr_t)p1;
	uint32_t state = 0x9E3779B9U + (uint32_t)who * 31337U;

	(void)p2;
	(void)p3;
	k_thread_heap_assign(k_current_get(), &rq_pool);
	for (int op = 0; op < RQ_OPS; op++) {
		int i = who * RQ_ITEMS_EACH + (int)(test_rand32(&state) % RQ_ITEMS_EACH);
		uint32_t how = test_rand32(&state) % 4;

		if (rq_state[i] == RQ_IDLE) {
			int ret = 0;

			/* Queued in the model first: a waiting consumer may run inside the put. */
			rq_state[i] = RQ_QUEUED;
			if (how == 0) {
				ret = k_queue_alloc_append(&rq, &rq_items[i]);
			} else if (how == 1) {
				ret = k_queue_alloc_prepend(&rq, &rq_items[i]);
			} else if (how == 2) {
				k_queue_append(&rq, &rq_items[i]);
			} else {
				k_queue_prepend(&rq, &rq_items[i]);
			}
			if (ret != 0) {
				zassert_equal(ret, -ENOMEM);
				rq_state[i] = RQ_IDLE;
				rq_nomem++;
			} else {
				rq_put++;
			}
		} else if (rq_state[i] == RQ_QUEUED && how < 2) {
			if (k_queue_remove(&rq, &rq_items[i])) {
				rq_state[i] = RQ_IDLE;
				rq_removed++;
			} else {
				/* Handed to a consumer that has not run yet. */
				rq_state[i] = RQ_TAKEN;
			}
		} else if (how == 3) {
			k_msleep(1); /* the lower-priority consumer runs meanwhile */
		}
	}
	rq_producers_done++;
}

static void rq_consumer(void *p1, void *p2, void *p3)
{
	uint32_t state = 0x85EBCA6BU + (uint32_t)(intptr_t)p1;

	(void)p2;
	(void)p3;
	for (;;) {
		struct item *it = k_queue_get(&rq, K_MSEC(1 + test_rand32(&state) % 3));

		if (it == NULL) {
			if (rq_producers_done == 2 && k_queue_is_empty(&rq)) {
				return;
			}
			continue;
		}
		int i = (int)(it - rq_items);

		zassert_true(i >= 0 && i < 2 * RQ_ITEMS_EACH, "foreign item %p", (void *)it);
		zassert_true(rq_state[i] == RQ_QUEUED || rq_state[i] == RQ_TAKEN,
			     "item %d delivered while idle", i);
		rq_state[i] = RQ_IDLE;
		rq_delivered++;
		if (test_rand32(&state) % 2 == 0) {
			k_msleep(1 + test_rand32(&state) % 2); /* items pile up meanwhile */
		}
	}
}

ZTEST(kernel_queue, test_threads_random_against_a_model)
{
	size_t start = kz_allocated(&rq_pool);

	rq_put = rq_delivered = rq_removed = rq_nomem = rq_producers_done = 0;
	memset(rq_state, 0, sizeof(rq_state));
	kz_spawn(0, rq_producer, (void *)0, NULL, NULL, 5, 0);
	kz_spawn(1, rq_producer, (void *)1, NULL, NULL, 6, 0);
	kz_spawn(2, rq_consumer, (void *)2, NULL, NULL, 4, 0);
	kz_spawn(3, rq_consumer, (void *)3, NULL, NULL, 7, 0);
	kz_join(4);
	zassert_true(k_queue_is_empty(&rq));
	zassert_equal(rq_put, rq_delivered + rq_removed, "%d put, %d delivered, %d removed",
		      rq_put, rq_delivered, rq_removed);
	zassert_equal(kz_allocated(&rq_pool), start); /* every node given back */
	/* Each path was taken often. */
	zassert_true(rq_delivered > 100 && rq_removed > 100 && rq_nomem > 10,
		     "%d delivered, %d removed, %d refused", rq_delivered, rq_removed, rq_nomem);
}

ZTEST(kernel_queue, test_fifo_lifo)
{
	struct k_fifo lf;
	struct k_lifo ll;
	sys_slist_t list;

	reset_items();
	k_fifo_init(&lf);
	k_lifo_init(&ll);
	zexpect_true(k_fifo_is_empty(&lf));
	k_fifo_put(&lf, &items[0]);
	k_fifo_put(&lf, &items[1]);
	items[2].reserved = &items[3];
	zexpect_equal(k_fifo_put_list(&lf, &items[2], &items[3]), 0);
	sys_slist_init(&list);
	sys_slist_append(&list, (sys_snode_t *)&items[4]);
	zexpect_equal(k_fifo_put_slist(&lf, &list), 0);
	zexpect_equal(value_of(k_fifo_peek_head(&lf)), 0);
	zexpect_equal(value_of(k_fifo_peek_tail(&lf)), 4);
	for (int i = 0; i < 5; i++) {
		zexpect_equal(value_of(k_fifo_get(&lf, K_NO_WAIT)), i);
	}
	zexpect_true(k_fifo_get(&lf, K_NO_WAIT) == NULL);

	k_lifo_put(&ll, &items[0]);
	k_lifo_put(&ll, &items[1]);
	k_lifo_put(&ll, &items[2]);
	zexpect_equal(value_of(k_lifo_get(&ll, K_NO_WAIT)), 2);
	zexpect_equal(value_of(k_lifo_get(&ll, K_NO_WAIT)), 1);
	zexpect_equal(value_of(k_lifo_get(&ll, K_NO_WAIT)), 0);
	zexpect_true(k_lifo_get(&ll, K_NO_WAIT) == NULL);

	/* The static definitions, and the alloc forms through the macros. */
	k_thread_heap_assign(k_current_get(), &pool);
	size_t start = kz_allocated(&pool);

	zexpect_equal(k_lifo_alloc_put(&lifo, &items[6]), 0);
	zexpect_equal(k_lifo_alloc_put(&lifo, &items[7]), 0);
	zexpect_equal(value_of(k_lifo_get(&lifo, K_NO_WAIT)), 7);
	zexpect_equal(value_of(k_lifo_get(&lifo, K_MSEC(1))), 6);
	zexpect_true(k_lifo_get(&lifo, K_MSEC(1)) == NULL);
	zexpect_equal(k_fifo_alloc_put(&fifo, &items[6]), 0);
	zexpect_equal(value_of(k_fifo_get(&fifo, K_FOREVER)), 6);
	zexpect_equal(kz_allocated(&pool), start);
	k_thread_heap_assign(k_current_get(), NULL);
}

/* ---- User mode ---- */

static int user_step;

static void user_fn(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	/* System calls on Zephyr: allowed. */
	zexpect_equal(k_fifo_alloc_put(&fifo, p1), 0);
	zexpect_true(!k_fifo_is_empty(&fifo));
	zexpect_true(k_fifo_peek_head(&fifo) == p1);
	zexpect_true(k_fifo_get(&fifo, K_NO_WAIT) == p1);
	zexpect_true(k_fifo_get(&fifo, K_MSEC(2)) == NULL);
	user_step = 1;
	ztest_set_fault_valid(true);
	/* Not a system call on Zephyr: the thread takes a kernel oops. */
	k_fifo_put(&fifo, p1);
	user_step = 2;
}

ZTEST(kernel_queue, test_user_mode)
{
	k_thread_heap_assign(k_current_get(), &pool);
	size_t start = kz_allocated(&pool);

	reset_items();
	user_step = 0;
	kz_faults = 0;
	/* As on Zephyr, a user thread uses only objects it was granted. */
	k_object_access_grant(&fifo, k_current_get());
	kz_spawn(0, user_fn, &items[1], NULL, NULL, 3, K_USER | K_INHERIT_PERMS);
	kz_join(1);
	zexpect_equal(user_step, 1);
	zexpect_equal(kz_faults, 1);
	zexpect_equal(kz_fault_reason, K_ERR_KERNEL_OOPS);
	zexpect_true(k_fifo_is_empty(&fifo));
	zexpect_equal(kz_allocated(&pool), start);
	k_thread_heap_assign(k_current_get(), NULL);
}

ZTEST_SUITE(kernel_queue, NULL, NULL, NULL, NULL, NULL);
