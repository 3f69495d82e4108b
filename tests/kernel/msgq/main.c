/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_msgq: ring order with wrap-around, put_front, peek/peek_at, purge, attributes; every
 * timeout kind on both sides; waiting senders and receivers served by priority then arrival;
 * ISR use; k_msgq_alloc_init from the resource pool (cleanup, -ENOMEM, -EINVAL, -EBUSY, a thread
 * aborted after allocating: the pool returns to its starting figures); user mode.
 * Runs under virtual time (--no-rt).
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <zephyr/irq_offload.h>
#include <zephyr/kernel.h>

#include <zephyr/ztest.h>

#include "../common/kobj_ztest.h"

struct msg {
	uint32_t a;
	uint16_t b;
	uint8_t c;
}; /* 8 bytes: size not a power of the alignment of the ring */

#define MAX_MSGS 4

static K_MSGQ_DEFINE(mq, sizeof(struct msg), MAX_MSGS, 4); /* static prefix accepted */
K_MSGQ_DEFINE(mq_big_align, 3, 5, 64);
K_HEAP_DEFINE(pool, 2048);

static struct msg mk(uint32_t v)
{
	struct msg m = {.a = v, .b = (uint16_t)(v * 3), .c = (uint8_t)(v + 1)};

	return m;
}

static bool is(const struct msg *m, uint32_t v)
{
	struct msg e = mk(v);

	return m->a == e.a && m->b == e.b && m->c == e.c;
}

/* Put the messages of values @p first .. @p first + @p n - 1 into mq; each must fit at once. */
static void put_seq(uint32_t first, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		struct msg m = mk(first + i);

		zexpect_equal(k_msgq_put(&mq, &m, K_NO_WAIT), 0);
	}
}

ZTEST(kernel_msgq, test_static_define)
{
	struct k_msgq_attrs at;

	zexpect_true(((uintptr_t)mq_big_align.buffer_start % 64) == 0);
	zexpect_equal(mq_big_align.buffer_end - mq_big_align.buffer_start, 15);
	k_msgq_get_attrs(&mq, &at);
	zexpect_equal(at.msg_size, sizeof(struct msg));
	zexpect_equal(at.max_msgs, MAX_MSGS);
	zexpect_equal(at.used_msgs, 0);
	zexpect_equal(k_msgq_num_free_get(&mq), MAX_MSGS);
	zexpect_equal(k_msgq_num_used_get(&mq), 0);
}

ZTEST(kernel_msgq, test_ring)
{
	struct msg m;
	struct k_msgq_attrs at;

	/* Several rounds, so that the pointers wrap around the end of the ring. */
	for (uint32_t round = 0; round < 3; round++) {
		put_seq(round * 10, MAX_MSGS - 1);
		zexpect_equal(k_msgq_num_used_get(&mq), MAX_MSGS - 1);
		for (uint32_t i = 0; i < MAX_MSGS - 1; i++) {
			zexpect_equal(k_msgq_get(&mq, &m, K_NO_WAIT), 0);
			zexpect_true(is(&m, round * 10 + i));
		}
	}
	/* Full: K_NO_WAIT gives -ENOMSG and changes nothing. */
	put_seq(100, MAX_MSGS);
	m = mk(999);
	zexpect_equal(k_msgq_put(&mq, &m, K_NO_WAIT), -ENOMSG);
	zexpect_equal(k_msgq_put_front(&mq, &m), -ENOMSG);
	k_msgq_get_attrs(&mq, &at);
	zexpect_equal(at.used_msgs, MAX_MSGS);
	zexpect_equal(k_msgq_num_free_get(&mq), 0);

	/* peek / peek_at across the wrap. */
	for (uint32_t i = 0; i < MAX_MSGS; i++) {
		zexpect_equal(k_msgq_peek_at(&mq, &m, i), 0);
		zexpect_true(is(&m, 100 + i));
	}
	zexpect_equal(k_msgq_peek_at(&mq, &m, MAX_MSGS), -ENOMSG);
	zexpect_equal(k_msgq_peek(&mq, &m), 0);
	zexpect_true(is(&m, 100));

	k_msgq_purge(&mq);
	zexpect_equal(k_msgq_num_used_get(&mq), 0);
	zexpect_equal(k_msgq_get(&mq, &m, K_NO_WAIT), -ENOMSG);
	zexpect_equal(k_msgq_peek(&mq, &m), -ENOMSG);
}

ZTEST(kernel_msgq, test_put_front)
{
	struct msg m;

	for (uint32_t i = 0; i < 2; i++) {
		m = mk(i);
		zexpect_equal(k_msgq_put(&mq, &m, K_NO_WAIT), 0);
	}
	m = mk(7);
	zexpect_equal(k_msgq_put_front(&mq, &m), 0); /* read pointer wraps backwards */
	m = mk(8);
	zexpect_equal(k_msgq_put_front(&mq, &m), 0);
	uint32_t expect[] = {8, 7, 0, 1};

	for (int i = 0; i < 4; i++) {
		zexpect_equal(k_msgq_get(&mq, &m, K_NO_WAIT), 0);
		zexpect_true(is(&m, expect[i]));
	}
	zexpect_equal(k_msgq_num_used_get(&mq), 0);
}

ZTEST(kernel_msgq, test_timeouts)
{
	struct msg m = mk(1);
	int64_t t0 = k_uptime_ticks();

	zexpect_equal(k_msgq_get(&mq, &m, K_NO_WAIT), -ENOMSG);
	zexpect_equal(k_uptime_ticks(), t0);
	zexpect_equal(k_msgq_get(&mq, &m, K_MSEC(15)), -EAGAIN);
	zexpect_true(k_uptime_ticks() - t0 >= K_MSEC(15).ticks);
	put_seq(0, MAX_MSGS);
	t0 = k_uptime_ticks();
	zexpect_equal(k_msgq_put(&mq, &m, K_MSEC(15)), -EAGAIN);
	zexpect_true(k_uptime_ticks() - t0 >= K_MSEC(15).ticks);
	zexpect_equal(k_msgq_num_used_get(&mq), MAX_MSGS);
	k_msgq_purge(&mq);
}

/* Threads: receiver (p2 = timeout ms, -1 forever) or sender of value p2. */
static int result[KZ_THREADS];
static struct msg received[KZ_THREADS];
static int order[KZ_THREADS];
static int done;

static void receiver(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p3;

	result[idx] = k_msgq_get(p1, &received[idx], kz_timeout_ms(p2));
	order[done++] = idx;
}

static void sender(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p3;
	struct msg m = mk((uint32_t)(uintptr_t)p2);

	result[idx] = k_msgq_put(p1, &m, K_FOREVER);
	order[done++] = idx;
}

static void front_sender(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p3;
	struct msg m = mk((uint32_t)(uintptr_t)p2);

	result[idx] = k_msgq_put_front(p1, &m);
	order[done++] = idx;
}

/* k_msgq_put_front with a timeout (Zephyr's later signature): waits for room. */
static void front_sender_waits(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p3;
	struct msg m = mk((uint32_t)(uintptr_t)p2);

	result[idx] = k_msgq_put_front(p1, &m, K_FOREVER);
	order[done++] = idx;
}

ZTEST(kernel_msgq, test_receivers_wait)
{
	struct msg m;

	done = 0;
	kz_spawn_waiters(receiver, &mq);
	for (uint32_t i = 0; i < KZ_THREADS; i++) {
		m = mk(i);
		zexpect_equal(k_msgq_put(&mq, &m, K_NO_WAIT), 0);
		zexpect_equal(k_msgq_num_used_get(&mq), 0); /* copied straight to a waiter */
	}
	kz_join(KZ_THREADS);
	zexpect_true(is(&received[1], 0));
	zexpect_true(is(&received[2], 1));
	zexpect_true(is(&received[3], 2));
	zexpect_true(is(&received[0], 3));
	for (int i = 0; i < KZ_THREADS; i++) {
		zexpect_equal(result[i], 0);
	}
}

ZTEST(kernel_msgq, test_put_front_to_waiting_receiver)
{
	struct msg m = mk(77);

	done = 0;
	kz_spawn(0, receiver, &mq, (void *)(intptr_t)-1, (void *)0, 3, 0);
	k_msleep(1);
	zexpect_equal(done, 0);
	/* The message goes straight to the waiting receiver; the ring stays empty. */
	zexpect_equal(k_msgq_put_front(&mq, &m), 0);
	zexpect_equal(k_msgq_num_used_get(&mq), 0);
	kz_join(1);
	zexpect_equal(result[0], 0);
	zexpect_true(is(&received[0], 77));
}

ZTEST(kernel_msgq, test_senders_wait)
{
	struct msg m;

	put_seq(0, MAX_MSGS);
	done = 0;
	kz_spawn(0, sender, &mq, (void *)(uintptr_t)50, (void *)0, 5, 0);
	k_msleep(1);
	kz_spawn(1, sender, &mq, (void *)(uintptr_t)51, (void *)1, 3, 0);
	k_msleep(1);
	/* put_front(msgq, data) never waits, as on Zephyr 4.1: a full queue answers -ENOMSG. */
	kz_spawn(2, front_sender, &mq, (void *)(uintptr_t)52, (void *)2, 4, 0);
	k_msleep(1);
	zexpect_equal(done, 1);
	zexpect_equal(order[0], 2);
	zexpect_equal(result[2], -ENOMSG);
	/* Each get frees a slot that the first waiting sender (by priority) fills at once. */
	uint32_t expect[] = {0, 1, 2, 3, 51, 50};

	for (int i = 0; i < 6; i++) {
		zexpect_equal(k_msgq_get(&mq, &m, K_NO_WAIT), 0);
		zexpect_true(is(&m, expect[i]));
	}
	kz_join(3);
	zexpect_equal(order[1], 1);
	zexpect_equal(order[2], 0);
	zexpect_equal(result[0], 0);
	zexpect_equal(result[1], 0);
	zexpect_equal(k_msgq_num_used_get(&mq), 0);
}

/*
 * Both of Zephyr's put_front forms: (msgq, data) never waits; (msgq, data, timeout) waits for
 * room, and its message, let in by a get, goes to the front, before messages already queued.
 */
ZTEST(kernel_msgq, test_put_front_timeout_forms)
{
	struct msg m = mk(90);

	put_seq(0, MAX_MSGS);
	zexpect_equal(k_msgq_put_front(&mq, &m), -ENOMSG);
	zexpect_equal(k_msgq_put_front(&mq, &m, K_NO_WAIT), -ENOMSG);
	zexpect_equal(k_msgq_put_front(&mq, &m, K_MSEC(5)), -EAGAIN);
	done = 0;
	kz_spawn(0, front_sender_waits, &mq, (void *)(uintptr_t)91, (void *)0, 3, 0);
	k_msleep(1);
	zexpect_equal(done, 0, "a full queue keeps the front sender waiting");
	zexpect_equal(k_msgq_get(&mq, &m, K_NO_WAIT), 0);
	zexpect_true(is(&m, 0));
	kz_join(1);
	zexpect_equal(result[0], 0);
	/* 91 was let in at the front: it comes before 1, 2, 3. */
	uint32_t expect[] = {91, 1, 2, 3};

	for (int i = 0; i < 4; i++) {
		zexpect_equal(k_msgq_get(&mq, &m, K_NO_WAIT), 0);
		zexpect_true(is(&m, expect[i]));
	}
	zexpect_equal(k_msgq_num_used_get(&mq), 0);
}

ZTEST(kernel_msgq, test_purge_wakes_senders)
{
	put_seq(0, MAX_MSGS);
	done = 0;
	kz_spawn(0, sender, &mq, (void *)(uintptr_t)60, (void *)0, 3, 0);
	kz_spawn(1, sender, &mq, (void *)(uintptr_t)61, (void *)1, 3, 0);
	k_msleep(1);
	zexpect_equal(done, 0);
	k_msgq_purge(&mq);
	kz_join(2);
	zexpect_equal(result[0], -ENOMSG);
	zexpect_equal(result[1], -ENOMSG);
	zexpect_equal(k_msgq_num_used_get(&mq), 0);
}

ZTEST(kernel_msgq, test_receiver_timeout)
{
	struct msg m = mk(9);

	done = 0;
	kz_wait_out(receiver, &mq, &done);
	zexpect_equal(result[0], -EAGAIN);
	zexpect_equal(k_msgq_put(&mq, &m, K_NO_WAIT), 0); /* nobody waits any more: queued */
	zexpect_equal(k_msgq_num_used_get(&mq), 1);
	k_msgq_purge(&mq);
}

/* ---- ISR ---- */

static int isr_ret;
static struct msg isr_msg;

static void isr_put(const void *arg)
{
	isr_msg = mk((uint32_t)(uintptr_t)arg);
	isr_ret = k_msgq_put(&mq, &isr_msg, K_NO_WAIT);
}

static void isr_get(const void *arg)
{
	(void)arg;
	isr_ret = k_msgq_get(&mq, &isr_msg, K_NO_WAIT);
}

static void isr_get_wait(const void *arg)
{
	(void)arg;
	isr_ret = k_msgq_get(&mq, &isr_msg, K_FOREVER);
}

ZTEST(kernel_msgq, test_isr)
{
	irq_offload(isr_put, (void *)(uintptr_t)33);
	zexpect_equal(isr_ret, 0);
	irq_offload(isr_get, NULL);
	zexpect_equal(isr_ret, 0);
	zexpect_true(is(&isr_msg, 33));
	irq_offload(isr_get, NULL);
	zexpect_equal(isr_ret, -ENOMSG);
	irq_offload(isr_get_wait, NULL); /* refused, does not block */
	zexpect_equal(isr_ret, -EAGAIN);

	done = 0;
	kz_spawn(0, receiver, &mq, (void *)(intptr_t)-1, (void *)0, -2, 0);
	k_msleep(1);
	irq_offload(isr_put, (void *)(uintptr_t)34);
	zexpect_equal(done, 1); /* the cooperative receiver ran as the ISR returned */
	zexpect_true(is(&received[0], 34));
	kz_join(1);
}

/* ---- Allocation from the resource pool ---- */

static struct k_msgq amq;

static void alloc_then_block(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	zexpect_equal(k_msgq_alloc_init(&amq, 16, 8), 0);
	*(int *)p1 = 1;
	k_sleep(K_FOREVER);
}

ZTEST(kernel_msgq, test_alloc_init)
{
	struct k_thread *self = k_current_get();
	size_t start;
	struct msg m;

	k_thread_heap_assign(self, NULL);
	zexpect_equal(k_msgq_alloc_init(&amq, 8, 4), -ENOMEM);

	k_thread_heap_assign(self, &pool);
	start = kz_allocated(&pool);
	zexpect_equal(k_msgq_alloc_init(&amq, SIZE_MAX / 2, 4), -EINVAL); /* overflow */
	zexpect_equal(k_msgq_alloc_init(&amq, 1024, 4), -ENOMEM);         /* pool too small */
	zexpect_equal(kz_allocated(&pool), start);

	zexpect_equal(k_msgq_alloc_init(&amq, sizeof(struct msg), 16), 0);
	zexpect_true(kz_allocated(&pool) >= start + 16 * sizeof(struct msg));
	for (uint32_t i = 0; i < 16; i++) {
		m = mk(i);
		zexpect_equal(k_msgq_put(&amq, &m, K_NO_WAIT), 0);
	}
	zexpect_equal(k_msgq_put(&amq, &m, K_NO_WAIT), -ENOMSG);
	zexpect_equal(k_msgq_get(&amq, &m, K_NO_WAIT), 0);
	zexpect_true(is(&m, 0));

	/* -EBUSY while a thread waits (a sender here), then fine. */
	done = 0;
	kz_spawn(0, sender, &amq, (void *)(uintptr_t)70, (void *)0, 3, 0);
	kz_spawn(1, sender, &amq, (void *)(uintptr_t)71, (void *)1, 3, 0);
	k_msleep(1);
	zexpect_equal(k_msgq_cleanup(&amq), -EBUSY);
	k_msgq_purge(&amq);
	kz_join(2);
	zexpect_equal(k_msgq_cleanup(&amq), 0);
	zexpect_equal(kz_allocated(&pool), start);
	zexpect_equal(k_msgq_cleanup(&amq), 0); /* twice: nothing more to free */
	zexpect_equal(kz_allocated(&pool), start);

	/* A static queue's cleanup frees nothing. */
	zexpect_equal(k_msgq_cleanup(&mq), 0);
	zexpect_equal(k_msgq_num_free_get(&mq), MAX_MSGS);

	/* A thread allocates with its (inherited) pool and is aborted: cleanup returns it all. */
	int flag = 0;

	kz_spawn(0, alloc_then_block, &flag, NULL, NULL, 3, 0);
	k_msleep(1);
	zexpect_equal(flag, 1);
	zexpect_true(kz_allocated(&pool) > start);
	k_thread_abort(&kz_threads[0]);
	zexpect_equal(k_msgq_cleanup(&amq), 0);
	zexpect_equal(kz_allocated(&pool), start);

	k_thread_heap_assign(self, NULL);
}

/* ---- User mode ---- */

static int user_step;

static void user_fn(void *p1, void *p2, void *p3)
{
	struct msg m = mk(5);

	(void)p1;
	(void)p2;
	(void)p3;
	zexpect_equal(k_msgq_alloc_init(&amq, sizeof(struct msg), 2), 0);
	zexpect_equal(k_msgq_put(&amq, &m, K_NO_WAIT), 0);
	zexpect_equal(k_msgq_put_front(&amq, &m), 0);
	zexpect_equal(k_msgq_put(&amq, &m, K_MSEC(1)), -EAGAIN);
	zexpect_equal(k_msgq_peek(&amq, &m), 0);
	zexpect_equal(k_msgq_get(&amq, &m, K_NO_WAIT), 0);
	zexpect_true(is(&m, 5));
	k_msgq_purge(&amq);
	zexpect_equal(k_msgq_num_used_get(&amq), 0);
	zexpect_equal(k_msgq_cleanup(&amq), 0);
	user_step = 1;
	ztest_set_fault_valid(true);
	k_msgq_init(&amq, NULL, 4, 0); /* not a system call on Zephyr: oops */
	user_step = 2;
}

ZTEST(kernel_msgq, test_user_mode)
{
	k_thread_heap_assign(k_current_get(), &pool);
	size_t start = kz_allocated(&pool);

	user_step = 0;
	kz_faults = 0;
	/* As on Zephyr, a user thread uses only objects it was granted. */
	k_object_access_grant(&amq, k_current_get());
	kz_spawn(0, user_fn, NULL, NULL, NULL, 3, K_USER | K_INHERIT_PERMS);
	kz_join(1);
	zexpect_equal(user_step, 1);
	zexpect_equal(kz_faults, 1);
	zexpect_equal(kz_fault_reason, K_ERR_KERNEL_OOPS);
	zexpect_equal(kz_allocated(&pool), start);
	k_thread_heap_assign(k_current_get(), NULL);
}

/*
 * ---- A user thread and a waiting thread's stack ----
 * A waiting sender's message and wait record, or a waiting receiver's buffer, lie on that
 * thread's stack, which a user thread's view closes. The kernel copies between them as Zephyr's
 * does in supervisor mode; the user thread's own buffer is still checked with its own view.
 */

static struct msg got[MAX_MSGS + 1];
static K_MSGQ_DEFINE(zq, sizeof(struct msg), 0, 4); /* no ring: senders meet receivers */

/* Supervisor sender of value p2 whose message is on its own stack. */
static void stack_sender(void *p1, void *p2, void *p3)
{
	struct msg m = mk((uint32_t)(uintptr_t)p2);

	(void)p3;
	result[0] = k_msgq_put(p1, &m, K_FOREVER);
}

/* Supervisor receiver into a buffer on its own stack. */
static void stack_receiver(void *p1, void *p2, void *p3)
{
	struct msg m;

	(void)p2;
	(void)p3;
	result[0] = k_msgq_get(p1, &m, K_FOREVER);
	received[0] = m;
}

/* User thread: get p2 messages without waiting into got[]. */
static void user_getter(void *p1, void *p2, void *p3)
{
	(void)p3;
	for (uintptr_t i = 0; i < (uintptr_t)p2; i++) {
		result[1 + i % 2] = k_msgq_get(p1, &got[i], K_NO_WAIT);
	}
}

/* User thread: put the message at p2 (value 42 when NULL) without waiting. */
static void user_putter(void *p1, void *p2, void *p3)
{
	struct msg m = mk(42);

	(void)p3;
	if (p2 != NULL) {
		ztest_set_fault_valid(true);
	}
	result[1] = k_msgq_put(p1, p2 != NULL ? p2 : &m, K_NO_WAIT);
	user_step = 1;
}

ZTEST(kernel_msgq, test_user_get_lets_waiting_sender_in)
{
	kz_faults = 0;
	put_seq(0, MAX_MSGS);
	kz_spawn(0, stack_sender, &mq, (void *)(uintptr_t)41, NULL, 3, 0);
	k_msleep(1);
	k_object_access_grant(&mq, k_current_get());
	kz_spawn(1, user_getter, &mq, (void *)(uintptr_t)(MAX_MSGS + 1), NULL, 3,
		 K_USER | K_INHERIT_PERMS);
	kz_join(2);
	zexpect_equal(kz_faults, 0, "the user thread faulted on the waiting sender's stack");
	zexpect_equal(result[0], 0);
	for (uint32_t i = 0; i < MAX_MSGS; i++) {
		zexpect_true(is(&got[i], i));
	}
	zexpect_true(is(&got[MAX_MSGS], 41));
	zexpect_equal(k_msgq_num_used_get(&mq), 0);
}

ZTEST(kernel_msgq, test_user_get_from_waiting_sender)
{
	kz_faults = 0;
	memset(got, 0, sizeof(got));
	kz_spawn(0, stack_sender, &zq, (void *)(uintptr_t)43, NULL, 3, 0);
	k_msleep(1);
	k_object_access_grant(&zq, k_current_get());
	kz_spawn(1, user_getter, &zq, (void *)(uintptr_t)1, NULL, 3, K_USER | K_INHERIT_PERMS);
	kz_join(2);
	zexpect_equal(kz_faults, 0, "the user thread faulted on the waiting sender's stack");
	zexpect_equal(result[0], 0);
	zexpect_equal(result[1], 0);
	zexpect_true(is(&got[0], 43));
}

ZTEST(kernel_msgq, test_user_put_to_waiting_receiver)
{
	kz_faults = 0;
	memset(&received[0], 0, sizeof(received[0]));
	kz_spawn(0, stack_receiver, &mq, NULL, NULL, 3, 0);
	k_msleep(1);
	k_object_access_grant(&mq, k_current_get());
	kz_spawn(1, user_putter, &mq, NULL, NULL, 3, K_USER | K_INHERIT_PERMS);
	kz_join(2);
	zexpect_equal(kz_faults, 0, "the user thread faulted on the waiting receiver's stack");
	zexpect_equal(result[0], 0);
	zexpect_equal(result[1], 0);
	zexpect_true(is(&received[0], 42));
}

ZTEST(kernel_msgq, test_user_put_closed_buffer_faults)
{
	/* On this (supervisor) thread's stack: closed to the user thread. */
	struct msg secret = mk(44);

	kz_faults = 0;
	user_step = 0;
	memset(&received[0], 0, sizeof(received[0]));
	kz_spawn(0, stack_receiver, &mq, NULL, NULL, 3, 0);
	k_msleep(1);
	k_object_access_grant(&mq, k_current_get());
	kz_spawn(1, user_putter, &mq, &secret, NULL, 3, K_USER | K_INHERIT_PERMS);
	zassert_equal(k_thread_join(&kz_threads[1], K_SECONDS(10)), 0);
	zexpect_equal(kz_faults, 1, "a buffer the caller may not read was copied");
	zexpect_equal(kz_fault_reason, K_ERR_CPU_EXCEPTION);
	zexpect_equal(user_step, 0);
	zexpect_false(is(&received[0], 44));
	k_thread_abort(&kz_threads[0]);
}

ZTEST(kernel_msgq, test_thread_state_public)
{
	/* _THREAD_PENDING comes from <zephyr/kernel.h>, as on Zephyr. */
	kz_spawn(0, stack_receiver, &mq, NULL, NULL, -1, 0);
	zexpect_equal(kz_threads[0].base.thread_state, _THREAD_PENDING);
	k_thread_abort(&kz_threads[0]);
}

struct typed_msg {
	uint8_t a;
	uint64_t b;
};
K_MSGQ_DEFINE_TYPE(tq, struct typed_msg, 3);
K_MSGQ_DEFINE_STATIC(sq, 6, 2, 2);
K_MSGQ_DEFINE_STATIC_TYPE(stq, struct typed_msg, 5);

ZTEST(kernel_msgq, test_define_forms)
{
	struct typed_msg t = {.a = 1, .b = 0x1122334455667788ULL};
	struct typed_msg r;

	zexpect_equal(tq.msg_size, sizeof(struct typed_msg));
	zexpect_equal(k_msgq_num_free_get(&tq), 3);
	zexpect_equal((uintptr_t)tq.buffer_start % __alignof__(struct typed_msg), 0);
	zexpect_equal(sq.msg_size, 6);
	zexpect_equal(k_msgq_num_free_get(&sq), 2);
	zexpect_equal(stq.msg_size, sizeof(struct typed_msg));
	zexpect_equal(k_msgq_num_free_get(&stq), 5);
	zexpect_equal(k_msgq_put(&stq, &t, K_NO_WAIT), 0);
	zexpect_equal(k_msgq_get(&stq, &r, K_NO_WAIT), 0);
	zexpect_equal(r.b, t.b);
}

/* A symbol Zephyr's suites set in prj.conf (fifo_timeout: CONFIG_ASSERT_VERBOSE=n) is known:
 * on by default with CONFIG_ASSERT, as on Zephyr. */
ZTEST(kernel_msgq, test_assert_verbose_known)
{
	zexpect_true(IS_ENABLED(CONFIG_ASSERT));
	zexpect_true(IS_ENABLED(CONFIG_ASSERT_VERBOSE));
}

ZTEST_SUITE(kernel_msgq, NULL, NULL, NULL, NULL, NULL);
