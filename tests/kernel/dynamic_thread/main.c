/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Dynamic thread stacks and kernel objects as Zephyr's configuration describes them: a pool of
 * CONFIG_DYNAMIC_THREAD_POOL_SIZE stacks of CONFIG_DYNAMIC_THREAD_STACK_SIZE bytes, allocated
 * stacks with CONFIG_DYNAMIC_THREAD_ALLOC, CONFIG_DYNAMIC_THREAD_PREFER_* choosing the order;
 * k_object_alloc() from the caller's resource pool. Built three times (prj.conf: pool only;
 * overlay_alloc.conf: pool first, then allocation; overlay_prefer_alloc.conf).
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define POOL  CONFIG_DYNAMIC_THREAD_POOL_SIZE
#define SIZE  CONFIG_DYNAMIC_THREAD_STACK_SIZE
#define ALLOC IS_ENABLED(CONFIG_DYNAMIC_THREAD_ALLOC)

BUILD_ASSERT(POOL == 2, "the tests below assume a pool of two stacks");

static struct k_thread threads[4];
static volatile int ran[4];
static K_SEM_DEFINE(release, 0, 4);

K_HEAP_DEFINE(objects_heap, 16384);

static void worker(void *p1, void *p2, void *p3)
{
	int i = (int)(intptr_t)p1;
	volatile char buf[1024]; /* the stack really holds this much */

	(void)p2;
	(void)p3;
	buf[0] = (char)i;
	buf[sizeof(buf) - 1] = (char)i;
	ran[i] = buf[0] + buf[sizeof(buf) - 1] + 1;
	k_sem_take(&release, K_FOREVER);
}

static void give(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	k_sem_give(p1);
}

static k_tid_t start(int i, k_thread_stack_t *stack, size_t size)
{
	ran[i] = 0;
	return k_thread_create(&threads[i], stack, size, worker, (void *)(intptr_t)i, NULL, NULL,
			       K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
}

static void before(void *f)
{
	(void)f;
	k_sem_reset(&release);
}

ZTEST_SUITE(kernel_dynamic_thread, NULL, NULL, before, NULL, NULL);

ZTEST(kernel_dynamic_thread, test_pool_stacks_run_threads_and_free)
{
	if (IS_ENABLED(CONFIG_DYNAMIC_THREAD_PREFER_ALLOC)) {
		ztest_test_skip();
	}
	k_thread_stack_t *a = k_thread_stack_alloc(SIZE, 0);
	k_thread_stack_t *b = k_thread_stack_alloc(SIZE / 2, K_USER);

	zassert_not_null(a);
	zassert_not_null(b);
	zassert_not_equal(a, b);
	/* The pool's stacks are one array: neighbours, one stack object apart. */
	zassert_equal((uintptr_t)b - (uintptr_t)a, K_THREAD_STACK_LEN(SIZE));

	start(0, a, SIZE);
	start(1, b, SIZE);
	k_msleep(1);
	zassert_equal(ran[0], 1);
	zassert_equal(ran[1], 3);
	zassert_equal(k_thread_stack_free(a), -EBUSY, "a live thread runs on it");
	k_sem_give(&release);
	k_sem_give(&release);
	zassert_ok(k_thread_join(&threads[0], K_SECONDS(1)));
	zassert_ok(k_thread_join(&threads[1], K_SECONDS(1)));

	zassert_ok(k_thread_stack_free(a));
	zassert_equal(k_thread_stack_free(a), -EINVAL, "a pool stack freed twice");
	/* The freed stack is handed out again. */
	zassert_equal_ptr(k_thread_stack_alloc(SIZE, 0), a);
	zassert_ok(k_thread_stack_free(a));
	zassert_ok(k_thread_stack_free(b));
}

ZTEST(kernel_dynamic_thread, test_pool_exhausted_and_large_sizes)
{
	if (IS_ENABLED(CONFIG_DYNAMIC_THREAD_PREFER_ALLOC)) {
		ztest_test_skip();
	}
	k_thread_stack_t *s[3];

	s[0] = k_thread_stack_alloc(SIZE, 0);
	s[1] = k_thread_stack_alloc(SIZE, 0);
	zassert_not_null(s[0]);
	zassert_not_null(s[1]);
	/* The pool is empty: only allocation can serve, if enabled. */
	s[2] = k_thread_stack_alloc(SIZE, 0);
	zassert_equal(s[2] != NULL, ALLOC, "third stack with the pool exhausted");
	if (s[2] != NULL) {
		start(2, s[2], SIZE);
		k_msleep(1);
		zassert_equal(ran[2], 5);
		k_sem_give(&release);
		zassert_ok(k_thread_join(&threads[2], K_SECONDS(1)));
		zassert_ok(k_thread_stack_free(s[2]));
	}
	zassert_ok(k_thread_stack_free(s[1]));

	/* Larger than a pool stack: never from the pool, even with one free. */
	k_thread_stack_t *big = k_thread_stack_alloc(SIZE + 1, 0);

	zassert_equal(big != NULL, ALLOC, "a stack larger than the pool's");
	if (big != NULL) {
		zassert_not_equal(big, s[1]);
		start(3, big, SIZE + 1);
		k_msleep(1);
		zassert_equal(ran[3], 7);
		k_sem_give(&release);
		zassert_ok(k_thread_join(&threads[3], K_SECONDS(1)));
		zassert_ok(k_thread_stack_free(big));
	}
	zassert_ok(k_thread_stack_free(s[0]));
	zassert_equal(k_thread_stack_free(s[0]), -EINVAL);
}

ZTEST(kernel_dynamic_thread, test_prefer_alloc_then_pool)
{
	if (!IS_ENABLED(CONFIG_DYNAMIC_THREAD_PREFER_ALLOC)) {
		ztest_test_skip();
	}
	k_thread_stack_t *s[POOL + 2];

	/* Allocation first: more stacks than the pool holds, of any size. */
	for (int i = 0; i < POOL + 2; i++) {
		s[i] = k_thread_stack_alloc(i == 0 ? 4 * SIZE : SIZE, 0);
		zassert_not_null(s[i]);
	}
	start(0, s[0], 4 * SIZE);
	k_msleep(1);
	zassert_equal(ran[0], 1);
	k_sem_give(&release);
	zassert_ok(k_thread_join(&threads[0], K_SECONDS(1)));
	for (int i = 0; i < POOL + 2; i++) {
		zassert_ok(k_thread_stack_free(s[i]));
	}
}

ZTEST(kernel_dynamic_thread, test_object_alloc)
{
	struct sys_memory_stats st0, st1;
	struct k_heap *saved = k_current_get()->resource_pool;

	if (!IS_ENABLED(CONFIG_DYNAMIC_OBJECTS)) {
		zassert_is_null(k_object_alloc(K_OBJ_SEM), "NULL without CONFIG_DYNAMIC_OBJECTS");
		return;
	}
	/* From the caller's resource pool: none, no object. */
	k_current_get()->resource_pool = NULL;
	zassert_is_null(k_object_alloc(K_OBJ_SEM));
	k_thread_heap_assign(k_current_get(), &objects_heap);
	zassert_ok(sys_heap_runtime_stats_get(&objects_heap.heap, &st0));

	zassert_is_null(k_object_alloc(K_OBJ_ANY));
	zassert_is_null(k_object_alloc(K_OBJ_LAST));
	zassert_is_null(k_object_alloc((enum k_objects)1000));

	struct k_sem *sem = k_object_alloc(K_OBJ_SEM);
	struct k_thread *th = k_object_alloc(K_OBJ_THREAD);
	struct k_msgq *q = k_object_alloc_size(K_OBJ_MSGQ, 1);
	k_thread_stack_t *stack = k_object_alloc_size(K_OBJ_THREAD_STACK_ELEMENT, 4096);

	zassert_not_null(sem);
	zassert_not_null(th);
	zassert_not_null(q);
	zassert_not_null(stack);
	zassert_equal((uintptr_t)th % sizeof(void *), 0);
	zassert_ok(sys_heap_runtime_stats_get(&objects_heap.heap, &st1));
	zassert_true(st1.allocated_bytes >=
			 st0.allocated_bytes + sizeof(*sem) + sizeof(*th) + sizeof(*q),
		     "the objects come from the resource pool");

	/* The objects work: a thread on the allocated stack gives the allocated semaphore. */
	k_sem_init(sem, 0, 1);
	k_thread_create(th, stack, 4096, give, sem, NULL, NULL, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	zassert_ok(k_sem_take(sem, K_SECONDS(1)));
	zassert_ok(k_thread_join(th, K_SECONDS(1)));

	k_object_free(stack);
	zassert_equal(k_thread_stack_free(stack), -EINVAL, "k_object_free freed the stack");
	k_object_free(th);
	k_object_free(sem);
	k_object_free(q);
	k_object_free(NULL);
	zassert_ok(sys_heap_runtime_stats_get(&objects_heap.heap, &st1));
	zassert_equal(st1.allocated_bytes, st0.allocated_bytes, "every object went back");
	k_current_get()->resource_pool = saved;
}
