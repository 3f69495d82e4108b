/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Kernel object permission calls as Zephyr code writes them (<zephyr/sys/kobject.h>): each form
 * compiles, evaluates its arguments once, and a user thread granted static objects uses them
 * (static_perms.c: what is refused). On objects allocated at run time they keep
 * Zephyr's permission sets: the allocating thread holds the object, grants and K_INHERIT_PERMS
 * add holders, and the object goes back to its pool with its last holder (thread end, release,
 * revoke; a msgq's ring too); a user thread may not grant or free (stacks) what it does not hold.
 */
#include <errno.h>

#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/ztest_error_hook.h>

#define STACK_SIZE 4096

static K_SEM_DEFINE(sem, 0, 1);
static K_MUTEX_DEFINE(mutex);
static K_THREAD_STACK_DEFINE(stack, STACK_SIZE);
static struct k_thread thread;
static struct k_msgq msgq;
static char msgq_buf[4 * sizeof(int)];


static int evaluations;

static struct k_thread *current_counted(void)
{
	evaluations++;
	return k_current_get();
}

ZTEST_SUITE(kernel_kobject, NULL, NULL, NULL, NULL, NULL);

ZTEST(kernel_kobject, test_grant_forms)
{
	evaluations = 0;
	/* One object, several objects of different kinds (a stack, a thread), as Zephyr's
	 * tests grant them in their setup.
	 */
	k_thread_access_grant(current_counted(), &sem);
	zassert_equal(evaluations, 1, "the thread argument is evaluated once");
	k_thread_access_grant(current_counted(), &sem, &mutex, &stack, &thread, &msgq);
	zassert_equal(evaluations, 2);

	k_object_access_grant(&sem, k_current_get());
	k_object_access_revoke(&sem, k_current_get());
	k_object_access_all_grant(&mutex);
	k_object_release(&mutex);
	/* A statement in an if without braces, as a macro call must allow. */
	if (evaluations == 2)
		k_thread_access_grant(k_current_get(), &sem);
	else
		ztest_test_fail();
}

static void user_entry(void *p1, void *p2, void *p3)
{
	int v = 7;

	(void)p1;
	(void)p2;
	(void)p3;
	zassert_ok(k_msgq_put(&msgq, &v, K_NO_WAIT));
	k_sem_give(&sem);
}

ZTEST(kernel_kobject, test_granted_user_thread_uses_objects)
{
	int v = 0;

	k_msgq_init(&msgq, msgq_buf, sizeof(int), 4);
	k_thread_create(&thread, stack, STACK_SIZE, user_entry, NULL, NULL, NULL, K_PRIO_PREEMPT(1),
			K_USER, K_FOREVER);
	k_thread_access_grant(&thread, &sem, &msgq);
	k_thread_start(&thread);
	zassert_ok(k_sem_take(&sem, K_SECONDS(1)));
	zassert_ok(k_msgq_get(&msgq, &v, K_NO_WAIT));
	zassert_equal(v, 7);
	zassert_ok(k_thread_join(&thread, K_FOREVER));
}

/* ---- Run-time objects: permission sets and release with the last holder ---- */

K_HEAP_DEFINE(obj_pool, 4096);
static K_THREAD_STACK_DEFINE(child_stack, STACK_SIZE);
static struct k_thread child;
static K_SEM_DEFINE(child_go, 0, 1);
static void *child_obj;

static size_t pool_used(void)
{
	struct sys_memory_stats st;

	zassert_ok(k_heap_runtime_stats_get(&obj_pool, &st));
	return st.allocated_bytes;
}

static void alloc_entry(void *p1, void *p2, void *p3)
{
	struct k_thread *grantee = p1;

	(void)p2;
	(void)p3;
	child_obj = k_object_alloc(K_OBJ_QUEUE);
	zassert_not_null(child_obj);
	k_queue_init(child_obj);
	if (grantee != NULL) {
		k_object_access_grant(child_obj, grantee);
	}
}

static void run_child(k_thread_entry_t entry, void *p1, uint32_t options)
{
	k_thread_create(&child, child_stack, STACK_SIZE, entry, p1, NULL, NULL, K_PRIO_PREEMPT(1),
			options, K_NO_WAIT);
	zassert_ok(k_thread_join(&child, K_FOREVER));
}

static void before_dynamic(void)
{
	k_thread_heap_assign(k_current_get(), &obj_pool);
}

/* The only holder ends: the object goes back to the pool it came from. */
ZTEST(kernel_kobject, test_object_freed_with_its_last_holder)
{
	size_t start;

	before_dynamic();
	start = pool_used();
	run_child(alloc_entry, NULL, 0);
	zassert_not_null(child_obj);
	zassert_equal(pool_used(), start, "the allocating thread ended: the queue is freed");
}

/* A granted holder keeps it; its k_object_release() frees it. */
ZTEST(kernel_kobject, test_grant_keeps_and_release_frees)
{
	size_t start;

	before_dynamic();
	start = pool_used();
	run_child(alloc_entry, k_current_get(), 0);
	zassert_true(pool_used() > start, "granted to this thread: still allocated");
	k_queue_append(child_obj, &child_go); /* still a live queue */
	zassert_equal_ptr(k_queue_get(child_obj, K_NO_WAIT), &child_go);
	k_object_release(child_obj);
	zassert_equal(pool_used(), start);
	k_object_release(child_obj); /* no longer tracked: nothing happens */
}

static void wait_entry(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	k_sem_take(&child_go, K_FOREVER);
}

/* K_INHERIT_PERMS: the child holds what its creator holds, and keeps it after the creator lets go. */
ZTEST(kernel_kobject, test_inherited_access_keeps_the_object)
{
	size_t start;
	void *obj;

	before_dynamic();
	start = pool_used();
	obj = k_object_alloc(K_OBJ_SEM);
	zassert_not_null(obj);
	k_thread_create(&child, child_stack, STACK_SIZE, wait_entry, NULL, NULL, NULL,
			K_PRIO_PREEMPT(1), K_INHERIT_PERMS, K_NO_WAIT);
	k_object_release(obj);
	zassert_true(pool_used() > start, "the child inherited access");
	k_sem_give(&child_go);
	zassert_ok(k_thread_join(&child, K_FOREVER));
	zassert_equal(pool_used(), start, "its last holder ended");

	/* Without K_INHERIT_PERMS the child holds nothing: revoking ours frees it at once. */
	obj = k_object_alloc(K_OBJ_SEM);
	k_thread_create(&child, child_stack, STACK_SIZE, wait_entry, NULL, NULL, NULL,
			K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	k_object_access_revoke(obj, k_current_get());
	zassert_equal(pool_used(), start);
	k_sem_give(&child_go);
	zassert_ok(k_thread_join(&child, K_FOREVER));
}

/* A released message queue takes its allocated ring with it, as on Zephyr. */
ZTEST(kernel_kobject, test_release_frees_a_msgq_ring)
{
	size_t start;
	struct k_msgq *q;

	before_dynamic();
	start = pool_used();
	q = k_object_alloc(K_OBJ_MSGQ);
	zassert_not_null(q);
	zassert_ok(k_msgq_alloc_init(q, 16, 8));
	zassert_true(pool_used() >= start + 16 * 8);
	k_object_release(q);
	zassert_equal(pool_used(), start);
}

/* k_object_free() frees at once; a pointer that is not such an object is refused. */
ZTEST(kernel_kobject, test_object_free)
{
	size_t start;
	void *obj;

	before_dynamic();
	start = pool_used();
	obj = k_object_alloc(K_OBJ_MUTEX);
	zassert_not_null(obj);
	k_object_free(obj);
	zassert_equal(pool_used(), start);
	obj = k_object_alloc(K_OBJ_MUTEX);
	k_object_free((char *)obj + 8); /* not an object: reported, nothing freed */
	zassert_true(pool_used() > start);
	k_object_free(obj);
	zassert_equal(pool_used(), start);
}

static void user_grant_entry(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	ztest_set_fault_valid(true);
	/* This user thread was never given the object: granting it is refused with an oops. */
	k_object_access_grant(p1, k_current_get());
	zassert_unreachable("the grant of an object the caller has no access to returned");
}

static void user_free_stack_entry(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	ztest_set_fault_valid(true);
	(void)k_thread_stack_free(p1);
	zassert_unreachable("a user thread freed a stack it has no access to");
}

static void user_own_stack_entry(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	/* Granted: the user thread may free it (so the refused free had left it allocated). */
	zassert_ok(k_thread_stack_free(p1));
}

/* What a user thread may do with run-time objects is checked, as Zephyr's system calls do. */
ZTEST(kernel_kobject, test_user_thread_checks)
{
	void *obj;
	k_thread_stack_t *st;

	before_dynamic();
	obj = k_object_alloc(K_OBJ_SEM);
	zassert_not_null(obj);
	run_child(user_grant_entry, obj, K_USER);
	k_object_free(obj);

	st = k_thread_stack_alloc(4096, K_USER);
	zassert_not_null(st);
	run_child(user_free_stack_entry, st, K_USER);

	k_thread_create(&child, child_stack, STACK_SIZE, user_own_stack_entry, st, NULL, NULL,
			K_PRIO_PREEMPT(1), K_USER, K_FOREVER);
	k_object_access_grant(st, &child);
	k_thread_start(&child);
	zassert_ok(k_thread_join(&child, K_FOREVER));
	zassert_equal(k_thread_stack_free(st), -EINVAL, "the granted user thread freed it");
}
