/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_object_access_check() tells kernel objects from other memory, as Zephyr's does from its
 * generated table: -EBADF for memory that is no kernel object (a plain variable, a stack or heap
 * buffer, an address inside an object), -EPERM for an object the caller was not granted (each
 * defining macro's object, a K_THREAD_STACK_DEFINE stack, an object in static memory set up by
 * its init call or k_thread_create()), 0 once granted, and for the caller itself. With
 * CONFIG_ZMEM_KOBJ_INIT_RECORDS small (scenario kernel.kobject.small_registry), a full table of
 * run-time objects makes static memory (outside stacks and heaps) count as objects: -EPERM,
 * never a wrong -EBADF.
 */
#include <errno.h>
#include <stdlib.h>

#include <zephyr/kernel.h>
#include <zephyr/sys/kobject.h>
#include <zephyr/sys/mutex.h>
#include <zephyr/ztest.h>

#define ACC_STACK_SIZE 4096

static void timer_fn(struct k_timer *t)
{
	(void)t;
}

/* One object of each defining macro; none is ever granted to anybody but where a case says. */
K_SEM_DEFINE(acc_sem, 0, 1);
static K_SEM_DEFINE(acc_granted, 0, 1);
static K_MUTEX_DEFINE(acc_mutex);
static K_CONDVAR_DEFINE(acc_condvar);
static K_EVENT_DEFINE(acc_event);
static K_QUEUE_DEFINE(acc_queue);
static K_FIFO_DEFINE(acc_fifo);
static K_LIFO_DEFINE(acc_lifo);
static K_STACK_DEFINE(acc_stack, 4);
static K_MSGQ_DEFINE(acc_msgq, sizeof(int), 2, 4);
K_MEM_SLAB_DEFINE(acc_slab, 16, 2, 4);
K_MEM_SLAB_DEFINE_STATIC(acc_slab_static, 16, 2, 4);
static K_PIPE_DEFINE(acc_pipe, 16, 4);
static K_TIMER_DEFINE(acc_timer, timer_fn, NULL);
static SYS_MUTEX_DEFINE(acc_sys_mutex);
static K_THREAD_STACK_DEFINE(acc_thread_stack, ACC_STACK_SIZE);
static K_THREAD_STACK_ARRAY_DEFINE(acc_stacks, 2, ACC_STACK_SIZE);

static void acc_never_started(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
}

/* Created at boot, never started: its thread object counts as one. */
K_THREAD_DEFINE(acc_defined_thread, ACC_STACK_SIZE, acc_never_started, NULL, NULL, NULL, 5, 0,
		K_TICKS_FOREVER);

/* Static memory that holds no kernel object. */
static int acc_plain;

ZTEST_SUITE(kobject_access_check, NULL, NULL, NULL, NULL, NULL);

#if CONFIG_ZMEM_KOBJ_INIT_RECORDS > 8
/* Objects set up at run time. */
static struct k_sem acc_runtime_sem;
static struct k_queue acc_runtime_queue;
static struct k_thread acc_thread;

ZTEST(kobject_access_check, test_defined_objects_are_objects)
{
	const void *const objs[] = {
	    &acc_sem,         &acc_mutex,    &acc_condvar,       &acc_event,     &acc_queue,
	    &acc_fifo,        &acc_lifo,     &acc_stack,         &acc_msgq,      &acc_slab,
	    &acc_slab_static, &acc_pipe,     &acc_timer,         &acc_sys_mutex, acc_thread_stack,
	    acc_stacks[0],    acc_stacks[1], acc_defined_thread,
	};

	for (size_t i = 0; i < ARRAY_SIZE(objs); i++) {
		zassert_equal(k_object_access_check(objs[i]), -EPERM, "object %zu (%p)", i,
			      objs[i]);
	}
	/* Still one after it ended (its object stays in static memory). */
	k_thread_abort(acc_defined_thread);
	zassert_equal(k_object_access_check(acc_defined_thread), -EPERM);
}

ZTEST(kobject_access_check, test_other_memory_is_no_object)
{
	int on_stack = 0;
	void *block = k_malloc(64);

	zassert_not_null(block);
	zassert_equal(k_object_access_check(NULL), -EBADF);
	zassert_equal(k_object_access_check(&acc_plain), -EBADF);
	zassert_equal(k_object_access_check(&on_stack), -EBADF);
	zassert_equal(k_object_access_check(block), -EBADF);
	/* Inside an object, or inside a stack object past its start. */
	zassert_equal(k_object_access_check((char *)&acc_sem + 1), -EBADF);
	zassert_equal(k_object_access_check((char *)acc_thread_stack + 64), -EBADF);
	/* Code is no object either. */
	zassert_equal(k_object_access_check((const void *)(uintptr_t)timer_fn), -EBADF);
	k_free(block);
}

ZTEST(kobject_access_check, test_run_time_objects_in_static_memory)
{
	struct k_sem local;
	struct k_sem *in_heap;

	k_sem_init(&acc_runtime_sem, 0, 1);
	k_queue_init(&acc_runtime_queue);
	zassert_equal(k_object_access_check(&acc_runtime_sem), -EPERM);
	zassert_equal(k_object_access_check(&acc_runtime_queue), -EPERM);
	/* Set up again: still one object. */
	k_sem_init(&acc_runtime_sem, 1, 1);
	zassert_equal(k_object_access_check(&acc_runtime_sem), -EPERM);

	/*
	 * On a thread's stack or in a heap block, as on Zephyr (its table holds variables only):
	 * no object, though this thread's stack and the system heap lie in static memory.
	 */
	k_sem_init(&local, 0, 1);
	zassert_equal(k_object_access_check(&local), -EBADF);
	in_heap = k_malloc(sizeof(*in_heap));
	zassert_not_null(in_heap);
	k_sem_init(in_heap, 0, 1);
	zassert_equal(k_object_access_check(in_heap), -EBADF);
	k_free(in_heap);
}

/*
 * Many semaphores in static memory, some set up in a random order (some twice): each answers as
 * a model of the set says, -EPERM once set up, -EBADF before. 500 distinct ones at most, below
 * the default table's three quarters (768) with the kernel's and ztest's own objects.
 */
#define MANY 1500
static struct k_sem acc_many_sems[MANY];

ZTEST(kobject_access_check, test_many_objects_against_a_model)
{
	static bool set_up[MANY];
	uint32_t x = 2463534242u; /* xorshift32, fixed seed */
	unsigned int distinct = 0;

	for (int round = 0; round < 700 && distinct < 500; round++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		unsigned int i = x % MANY;

		k_sem_init(&acc_many_sems[i], 0, 1);
		distinct += set_up[i] ? 0U : 1U;
		set_up[i] = true;
		if (round % 50 == 0) {
			for (unsigned int j = 0; j < MANY; j++) {
				zassert_equal(k_object_access_check(&acc_many_sems[j]),
					      set_up[j] ? -EPERM : -EBADF, "round %d, sem %u",
					      round, j);
			}
		}
	}
	zassert_true(distinct > 300, "%u distinct", distinct);
	for (unsigned int j = 0; j < MANY; j++) {
		zassert_equal(k_object_access_check(&acc_many_sems[j]), set_up[j] ? -EPERM : -EBADF,
			      "sem %u", j);
	}
}

static void acc_entry(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
}

ZTEST(kobject_access_check, test_threads)
{
	k_tid_t tid = k_thread_create(&acc_thread, acc_thread_stack, ACC_STACK_SIZE, acc_entry,
				      NULL, NULL, NULL, K_PRIO_PREEMPT(1), 0, K_FOREVER);

	zassert_equal(k_object_access_check(tid), -EPERM, "a thread that is not the caller");
	zassert_equal(k_object_access_check(k_current_get()), 0, "the caller itself");
	k_object_access_grant(tid, k_current_get());
	zassert_equal(k_object_access_check(tid), 0);
	k_object_access_revoke(tid, k_current_get());
	zassert_equal(k_object_access_check(tid), -EPERM);
	k_thread_abort(tid);
}

K_HEAP_DEFINE(acc_pool, 2048);

ZTEST(kobject_access_check, test_grants_and_allocated_objects)
{
	struct k_sem *obj;

	k_thread_heap_assign(k_current_get(), &acc_pool);
	obj = k_object_alloc(K_OBJ_SEM);

	k_object_access_grant(&acc_granted, k_current_get());
	zassert_equal(k_object_access_check(&acc_granted), 0);
	k_object_release(&acc_granted);
	zassert_equal(k_object_access_check(&acc_granted), -EPERM, "released: an object still");

	zassert_not_null(obj, "no object pool (CONFIG_DYNAMIC_OBJECTS)");
	zassert_equal(k_object_access_check(obj), 0, "the allocating thread holds it");
	k_object_free(obj);
}

/* Zephyr's own case (tests/kernel/mem_protect, userspace_access_check), in user mode. */
static void *user_setup(void)
{
	k_object_access_grant(&acc_granted, k_current_get());
	return NULL;
}

ZTEST_SUITE(kobject_access_check_user, NULL, user_setup, NULL, NULL, NULL);

ZTEST_USER(kobject_access_check_user, test_user_caller)
{
	zassert_true(k_is_user_context());
	zassert_equal(k_object_access_check(&acc_granted), 0);
	zassert_equal(k_object_access_check(&acc_sem), -EPERM);
	zassert_equal(k_object_access_check(&acc_plain), -EBADF);
	zassert_equal(k_object_access_check(k_current_get()), 0);
}

#else
/*
 * A table of 8 slots (6 usable): the kernel's and ztest's own objects may fill it before main(),
 * so this scenario runs only this case.
 */
static struct k_sem acc_many[8];

ZTEST(kobject_access_check, test_full_table_says_eperm)
{
	for (size_t i = 0; i < ARRAY_SIZE(acc_many); i++) {
		k_sem_init(&acc_many[i], 0, 1);
	}
	for (size_t i = 0; i < ARRAY_SIZE(acc_many); i++) {
		zassert_equal(k_object_access_check(&acc_many[i]), -EPERM, "object %zu", i);
	}
	/*
	 * Any static memory now counts as an object (thread stacks defined statically too);
	 * a heap block still does not.
	 */
	void *block = k_malloc(16);

	zassert_not_null(block);
	zassert_equal(k_object_access_check(&acc_plain), -EPERM);
	zassert_equal(k_object_access_check(block), -EBADF);
	zassert_equal(k_object_access_check(NULL), -EBADF);
	k_free(block);
}
#endif
