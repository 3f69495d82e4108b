/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * sys_mutex (<zephyr/sys/mutex.h>): k_mutex's answers, and Zephyr's rule for user threads: a
 * sys_mutex in a partition of the thread's domain is usable with no kernel object grant, while
 * a k_mutex the thread was never granted still ends it in a kernel oops; one outside its domain
 * is refused with -EACCES, and memory that is no sys_mutex with -EINVAL.
 */
#include <string.h>

#include <zephyr/app_memory/app_memdomain.h>
#include <zephyr/kernel.h>
#include <zephyr/sys/mutex.h>
#include <zephyr/ztest.h>
#include <zephyr/ztest_error_hook.h>

#define STACK_SIZE 4096

K_APPMEM_PARTITION_DEFINE(mutex_part);
K_APP_DMEM(mutex_part) SYS_MUTEX_DEFINE(shared_mutex);
K_APP_BMEM(mutex_part) volatile int user_results[4];

static K_MUTEX_DEFINE(kernel_mutex);
static K_SEM_DEFINE(started, 0, 1);
static struct k_mem_domain domain;
static K_THREAD_STACK_DEFINE(stack, STACK_SIZE);
static struct k_thread thread;
static volatile bool oops_seen;

void ztest_post_fatal_error_hook(unsigned int reason, const struct arch_esf *esf)
{
	(void)esf;
	oops_seen = reason == K_ERR_KERNEL_OOPS;
}

ZTEST(sys_mutex, test_answers)
{
	static struct sys_mutex m;

	sys_mutex_init(&m);
	zassert_equal(sys_mutex_unlock(&m), -EINVAL, "not locked");
	zassert_ok(sys_mutex_lock(&m, K_NO_WAIT));
	zassert_ok(sys_mutex_lock(&m, K_FOREVER), "recursive lock");
	zassert_equal(m.kernel_mutex.lock_count, 2U);
	zassert_ok(sys_mutex_unlock(&m));
	zassert_ok(sys_mutex_unlock(&m));
	zassert_is_null(m.kernel_mutex.owner);
	zassert_equal(sys_mutex_unlock(&m), -EINVAL);
}

static void contender(void *p1, void *p2, void *p3)
{
	struct sys_mutex *m = p1;

	(void)p2;
	(void)p3;
	user_results[0] = sys_mutex_lock(m, K_NO_WAIT);
	user_results[1] = sys_mutex_unlock(m);
	k_sem_give(&started);
	user_results[2] = sys_mutex_lock(m, K_MSEC(50));
	user_results[3] = sys_mutex_lock(m, K_FOREVER);
	sys_mutex_unlock(m);
}

/* A waiter gets the mutex on the last unlock; a locked one refuses others as k_mutex does. */
ZTEST(sys_mutex, test_contention)
{
	zassert_ok(sys_mutex_lock(&shared_mutex, K_NO_WAIT));
	k_thread_create(&thread, stack, STACK_SIZE, contender, &shared_mutex, NULL, NULL,
			K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	zassert_ok(k_sem_take(&started, K_FOREVER));
	zassert_equal(user_results[0], -EBUSY);
	zassert_equal(user_results[1], -EPERM, "not the owner");
	k_sleep(K_MSEC(100));
	zassert_equal(user_results[2], -EAGAIN, "timed out");
	zassert_ok(sys_mutex_unlock(&shared_mutex));
	zassert_ok(k_thread_join(&thread, K_FOREVER));
	zassert_equal(user_results[3], 0);
	zassert_is_null(shared_mutex.kernel_mutex.owner);
}

static void user_locker(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	user_results[0] = sys_mutex_lock(&shared_mutex, K_NO_WAIT);
	user_results[1] = sys_mutex_lock(&shared_mutex, K_NO_WAIT);
	user_results[2] = sys_mutex_unlock(&shared_mutex);
	user_results[3] = sys_mutex_unlock(&shared_mutex);
	/* The sys_mutex needed no grant; a k_mutex still does. */
	ztest_set_fault_valid(true);
	k_mutex_lock(&kernel_mutex, K_NO_WAIT);
	user_results[0] = 99;
}

ZTEST(sys_mutex, test_user_thread_needs_no_grant)
{
	struct k_mem_partition *parts[] = {&mutex_part, &ztest_mem_partition};

	for (int i = 0; i < 4; i++) {
		user_results[i] = -1;
	}
	oops_seen = false;
	zassert_ok(k_mem_domain_init(&domain, ARRAY_SIZE(parts), parts));
	k_thread_create(&thread, stack, STACK_SIZE, user_locker, NULL, NULL, NULL,
			K_PRIO_PREEMPT(1), K_USER, K_FOREVER);
	zassert_ok(k_mem_domain_add_thread(&domain, &thread));
	k_thread_start(&thread);
	zassert_ok(k_thread_join(&thread, K_FOREVER));
	zassert_equal(user_results[0], 0, "user lock of a sys_mutex: %d", user_results[0]);
	zassert_equal(user_results[1], 0);
	zassert_equal(user_results[2], 0);
	zassert_equal(user_results[3], 0);
	zassert_true(oops_seen, "k_mutex without a grant did not end the user thread");
	zassert_is_null(shared_mutex.kernel_mutex.owner);
}

/* NULL, and memory that is no initialized sys_mutex, are refused as Zephyr's system call does. */
ZTEST(sys_mutex, test_not_a_sys_mutex)
{
	static struct sys_mutex scribbled;

	zassert_equal(sys_mutex_lock(NULL, K_NO_WAIT), -EINVAL);
	zassert_equal(sys_mutex_unlock(NULL), -EINVAL);
	zassert_equal(sys_mutex_lock((struct sys_mutex *)k_current_get(), K_NO_WAIT), -EINVAL);
	zassert_equal(sys_mutex_unlock((struct sys_mutex *)k_current_get()), -EINVAL);
	memset(&scribbled, 0x5a, sizeof(scribbled));
	zassert_equal(sys_mutex_lock(&scribbled, K_NO_WAIT), -EINVAL, "never initialized");
	sys_mutex_init(&scribbled);
	zassert_ok(sys_mutex_lock(&scribbled, K_NO_WAIT));
	zassert_ok(sys_mutex_unlock(&scribbled));
}

/* Zero is an unlocked sys_mutex (one in a partition's bss starts so), in user mode too. */
K_APP_BMEM(mutex_part) SYS_MUTEX_DEFINE(bss_mutex);

static void user_bss(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	user_results[0] = sys_mutex_unlock(&bss_mutex);
	user_results[1] = sys_mutex_lock(&bss_mutex, K_NO_WAIT);
	user_results[2] = sys_mutex_lock(&bss_mutex, K_NO_WAIT);
	user_results[3] = sys_mutex_unlock(&bss_mutex);
	sys_mutex_unlock(&bss_mutex);
}

ZTEST(sys_mutex, test_zeroed_is_unlocked)
{
	struct k_mem_partition *parts[] = {&mutex_part, &ztest_mem_partition};
	static const struct sys_mutex zero;

	zassert_mem_equal(&bss_mutex, &zero, sizeof(zero), "K_APP_BMEM starts at zero");
	zassert_ok(k_mem_domain_init(&domain, ARRAY_SIZE(parts), parts));
	k_thread_create(&thread, stack, STACK_SIZE, user_bss, NULL, NULL, NULL, K_PRIO_PREEMPT(1),
			K_USER, K_FOREVER);
	zassert_ok(k_mem_domain_add_thread(&domain, &thread));
	k_thread_start(&thread);
	zassert_ok(k_thread_join(&thread, K_FOREVER));
	zassert_equal(user_results[0], -EINVAL, "not locked");
	zassert_equal(user_results[1], 0);
	zassert_equal(user_results[2], 0, "recursive");
	zassert_equal(user_results[3], 0);
	zassert_is_null(bss_mutex.kernel_mutex.owner);
}

/* A sys_mutex in no partition of its domain: -EACCES for a user thread (Zephyr's answer),
 * although the host would let the thread write that memory. */
static SYS_MUTEX_DEFINE(outside_mutex);

static void user_outside(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	user_results[0] = sys_mutex_lock(&outside_mutex, K_NO_WAIT);
	user_results[1] = sys_mutex_unlock(&outside_mutex);
}

ZTEST(sys_mutex, test_user_thread_outside_domain)
{
	struct k_mem_partition *parts[] = {&mutex_part, &ztest_mem_partition};

	zassert_ok(k_mem_domain_init(&domain, ARRAY_SIZE(parts), parts));
	k_thread_create(&thread, stack, STACK_SIZE, user_outside, NULL, NULL, NULL,
			K_PRIO_PREEMPT(1), K_USER, K_FOREVER);
	zassert_ok(k_mem_domain_add_thread(&domain, &thread));
	k_thread_start(&thread);
	zassert_ok(k_thread_join(&thread, K_FOREVER));
	zassert_equal(user_results[0], -EACCES);
	zassert_equal(user_results[1], -EACCES);
	zassert_is_null(outside_mutex.kernel_mutex.owner);
	/* A supervisor thread may use it. */
	zassert_ok(sys_mutex_lock(&outside_mutex, K_NO_WAIT));
	zassert_ok(sys_mutex_unlock(&outside_mutex));
}

ZTEST_SUITE(sys_mutex, NULL, NULL, NULL, NULL, NULL);
