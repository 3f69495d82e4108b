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

#include "../common/kobj_helpers.h"

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

static void test_static_define(void)
{
	struct k_msgq_attrs at;

	CHECK(((uintptr_t)mq_big_align.buffer_start % 64) == 0);
	CHECK_EQ(mq_big_align.buffer_end - mq_big_align.buffer_start, 15);
	k_msgq_get_attrs(&mq, &at);
	CHECK_EQ(at.msg_size, sizeof(struct msg));
	CHECK_EQ(at.max_msgs, MAX_MSGS);
	CHECK_EQ(at.used_msgs, 0);
	CHECK_EQ(k_msgq_num_free_get(&mq), MAX_MSGS);
	CHECK_EQ(k_msgq_num_used_get(&mq), 0);
}

static void test_ring(void)
{
	struct msg m;
	struct k_msgq_attrs at;

	/* Several rounds, so that the pointers wrap around the end of the ring. */
	for (uint32_t round = 0; round < 3; round++) {
		for (uint32_t i = 0; i < MAX_MSGS - 1; i++) {
			m = mk(round * 10 + i);
			CHECK_EQ(k_msgq_put(&mq, &m, K_NO_WAIT), 0);
		}
		CHECK_EQ(k_msgq_num_used_get(&mq), MAX_MSGS - 1);
		for (uint32_t i = 0; i < MAX_MSGS - 1; i++) {
			CHECK_EQ(k_msgq_get(&mq, &m, K_NO_WAIT), 0);
			CHECK(is(&m, round * 10 + i));
		}
	}
	/* Full: K_NO_WAIT gives -ENOMSG and changes nothing. */
	for (uint32_t i = 0; i < MAX_MSGS; i++) {
		m = mk(100 + i);
		CHECK_EQ(k_msgq_put(&mq, &m, K_NO_WAIT), 0);
	}
	m = mk(999);
	CHECK_EQ(k_msgq_put(&mq, &m, K_NO_WAIT), -ENOMSG);
	CHECK_EQ(k_msgq_put_front(&mq, &m, K_NO_WAIT), -ENOMSG);
	k_msgq_get_attrs(&mq, &at);
	CHECK_EQ(at.used_msgs, MAX_MSGS);
	CHECK_EQ(k_msgq_num_free_get(&mq), 0);

	/* peek / peek_at across the wrap. */
	for (uint32_t i = 0; i < MAX_MSGS; i++) {
		CHECK_EQ(k_msgq_peek_at(&mq, &m, i), 0);
		CHECK(is(&m, 100 + i));
	}
	CHECK_EQ(k_msgq_peek_at(&mq, &m, MAX_MSGS), -ENOMSG);
	CHECK_EQ(k_msgq_peek(&mq, &m), 0);
	CHECK(is(&m, 100));

	k_msgq_purge(&mq);
	CHECK_EQ(k_msgq_num_used_get(&mq), 0);
	CHECK_EQ(k_msgq_get(&mq, &m, K_NO_WAIT), -ENOMSG);
	CHECK_EQ(k_msgq_peek(&mq, &m), -ENOMSG);
}

static void test_put_front(void)
{
	struct msg m;

	for (uint32_t i = 0; i < 2; i++) {
		m = mk(i);
		CHECK_EQ(k_msgq_put(&mq, &m, K_NO_WAIT), 0);
	}
	m = mk(7);
	CHECK_EQ(k_msgq_put_front(&mq, &m, K_NO_WAIT), 0); /* read pointer wraps backwards */
	m = mk(8);
	CHECK_EQ(k_msgq_put_front(&mq, &m, K_NO_WAIT), 0);
	uint32_t expect[] = {8, 7, 0, 1};

	for (int i = 0; i < 4; i++) {
		CHECK_EQ(k_msgq_get(&mq, &m, K_NO_WAIT), 0);
		CHECK(is(&m, expect[i]));
	}
	CHECK_EQ(k_msgq_num_used_get(&mq), 0);
}

static void test_timeouts(void)
{
	struct msg m = mk(1);
	int64_t t0 = k_uptime_ticks();

	CHECK_EQ(k_msgq_get(&mq, &m, K_NO_WAIT), -ENOMSG);
	CHECK_EQ(k_uptime_ticks(), t0);
	CHECK_EQ(k_msgq_get(&mq, &m, K_MSEC(15)), -EAGAIN);
	CHECK(k_uptime_ticks() - t0 >= K_MSEC(15).ticks);
	for (uint32_t i = 0; i < MAX_MSGS; i++) {
		m = mk(i);
		CHECK_EQ(k_msgq_put(&mq, &m, K_NO_WAIT), 0);
	}
	t0 = k_uptime_ticks();
	CHECK_EQ(k_msgq_put(&mq, &m, K_MSEC(15)), -EAGAIN);
	CHECK(k_uptime_ticks() - t0 >= K_MSEC(15).ticks);
	CHECK_EQ(k_msgq_num_used_get(&mq), MAX_MSGS);
	k_msgq_purge(&mq);
}

/* Threads: receiver (p2 = timeout ms, -1 forever) or sender of value p2. */
static int result[KH_THREADS];
static struct msg received[KH_THREADS];
static int order[KH_THREADS];
static int done;

static void receiver(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p3;
	int ms = (int)(intptr_t)p2;

	result[idx] = k_msgq_get(p1, &received[idx], ms < 0 ? K_FOREVER : K_MSEC(ms));
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

	result[idx] = k_msgq_put_front(p1, &m, K_MSEC(100));
	order[done++] = idx;
}

static void test_receivers_wait(void)
{
	int prios[KH_THREADS] = {5, 3, 3, 4};
	struct msg m;

	done = 0;
	for (int i = 0; i < KH_THREADS; i++) {
		kh_spawn(i, receiver, &mq, (void *)(intptr_t)-1, (void *)(intptr_t)i, prios[i], 0);
		k_msleep(1);
	}
	for (uint32_t i = 0; i < KH_THREADS; i++) {
		m = mk(i);
		CHECK_EQ(k_msgq_put(&mq, &m, K_NO_WAIT), 0);
		CHECK_EQ(k_msgq_num_used_get(&mq), 0); /* copied straight to a waiter */
	}
	kh_join(KH_THREADS);
	CHECK(is(&received[1], 0));
	CHECK(is(&received[2], 1));
	CHECK(is(&received[3], 2));
	CHECK(is(&received[0], 3));
	for (int i = 0; i < KH_THREADS; i++) {
		CHECK_EQ(result[i], 0);
	}
}

static void test_senders_wait(void)
{
	struct msg m;

	for (uint32_t i = 0; i < MAX_MSGS; i++) {
		m = mk(i);
		CHECK_EQ(k_msgq_put(&mq, &m, K_NO_WAIT), 0);
	}
	done = 0;
	kh_spawn(0, sender, &mq, (void *)(uintptr_t)50, (void *)0, 5, 0);
	k_msleep(1);
	kh_spawn(1, sender, &mq, (void *)(uintptr_t)51, (void *)1, 3, 0);
	k_msleep(1);
	kh_spawn(2, front_sender, &mq, (void *)(uintptr_t)52, (void *)2, 4, 0);
	k_msleep(1);
	CHECK_EQ(done, 0);
	/* Each get frees a slot that the first waiting sender (by priority) fills at once. */
	uint32_t expect[] = {0, 1, 52, 2, 3, 51, 50};

	for (int i = 0; i < 7; i++) {
		CHECK_EQ(k_msgq_get(&mq, &m, K_NO_WAIT), 0);
		CHECK(is(&m, expect[i]));
	}
	kh_join(3);
	CHECK_EQ(order[0], 1);
	CHECK_EQ(order[1], 2);
	CHECK_EQ(order[2], 0);
	CHECK_EQ(result[0], 0);
	CHECK_EQ(result[1], 0);
	CHECK_EQ(result[2], 0);
	CHECK_EQ(k_msgq_num_used_get(&mq), 0);
}

static void test_purge_wakes_senders(void)
{
	struct msg m;

	for (uint32_t i = 0; i < MAX_MSGS; i++) {
		m = mk(i);
		CHECK_EQ(k_msgq_put(&mq, &m, K_NO_WAIT), 0);
	}
	done = 0;
	kh_spawn(0, sender, &mq, (void *)(uintptr_t)60, (void *)0, 3, 0);
	kh_spawn(1, sender, &mq, (void *)(uintptr_t)61, (void *)1, 3, 0);
	k_msleep(1);
	CHECK_EQ(done, 0);
	k_msgq_purge(&mq);
	kh_join(2);
	CHECK_EQ(result[0], -ENOMSG);
	CHECK_EQ(result[1], -ENOMSG);
	CHECK_EQ(k_msgq_num_used_get(&mq), 0);
}

static void test_receiver_timeout(void)
{
	struct msg m = mk(9);

	done = 0;
	kh_spawn(0, receiver, &mq, (void *)(intptr_t)10, (void *)0, 3, 0);
	k_msleep(5);
	CHECK_EQ(done, 0);
	k_msleep(10);
	CHECK_EQ(done, 1);
	CHECK_EQ(result[0], -EAGAIN);
	kh_join(1);
	CHECK_EQ(k_msgq_put(&mq, &m, K_NO_WAIT), 0); /* nobody waits any more: queued */
	CHECK_EQ(k_msgq_num_used_get(&mq), 1);
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

static void test_isr(void)
{
	irq_offload(isr_put, (void *)(uintptr_t)33);
	CHECK_EQ(isr_ret, 0);
	irq_offload(isr_get, NULL);
	CHECK_EQ(isr_ret, 0);
	CHECK(is(&isr_msg, 33));
	irq_offload(isr_get, NULL);
	CHECK_EQ(isr_ret, -ENOMSG);
	irq_offload(isr_get_wait, NULL); /* refused, does not block */
	CHECK_EQ(isr_ret, -EAGAIN);

	done = 0;
	kh_spawn(0, receiver, &mq, (void *)(intptr_t)-1, (void *)0, -2, 0);
	k_msleep(1);
	irq_offload(isr_put, (void *)(uintptr_t)34);
	CHECK_EQ(done, 1); /* the cooperative receiver ran as the ISR returned */
	CHECK(is(&received[0], 34));
	kh_join(1);
}

/* ---- Allocation from the resource pool ---- */

static struct k_msgq amq;

static void alloc_then_block(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	CHECK_EQ(k_msgq_alloc_init(&amq, 16, 8), 0);
	*(int *)p1 = 1;
	k_sleep(K_FOREVER);
}

static void test_alloc_init(void)
{
	struct k_thread *self = k_current_get();
	size_t start;
	struct msg m;

	k_thread_heap_assign(self, NULL);
	CHECK_EQ(k_msgq_alloc_init(&amq, 8, 4), -ENOMEM);

	k_thread_heap_assign(self, &pool);
	start = kh_allocated(&pool);
	CHECK_EQ(k_msgq_alloc_init(&amq, SIZE_MAX / 2, 4), -EINVAL); /* overflow */
	CHECK_EQ(k_msgq_alloc_init(&amq, 1024, 4), -ENOMEM);         /* pool too small */
	CHECK_EQ(kh_allocated(&pool), start);

	CHECK_EQ(k_msgq_alloc_init(&amq, sizeof(struct msg), 16), 0);
	CHECK(kh_allocated(&pool) >= start + 16 * sizeof(struct msg));
	for (uint32_t i = 0; i < 16; i++) {
		m = mk(i);
		CHECK_EQ(k_msgq_put(&amq, &m, K_NO_WAIT), 0);
	}
	CHECK_EQ(k_msgq_put(&amq, &m, K_NO_WAIT), -ENOMSG);
	CHECK_EQ(k_msgq_get(&amq, &m, K_NO_WAIT), 0);
	CHECK(is(&m, 0));

	/* -EBUSY while a thread waits (a sender here), then fine. */
	done = 0;
	kh_spawn(0, sender, &amq, (void *)(uintptr_t)70, (void *)0, 3, 0);
	kh_spawn(1, sender, &amq, (void *)(uintptr_t)71, (void *)1, 3, 0);
	k_msleep(1);
	CHECK_EQ(k_msgq_cleanup(&amq), -EBUSY);
	k_msgq_purge(&amq);
	kh_join(2);
	CHECK_EQ(k_msgq_cleanup(&amq), 0);
	CHECK_EQ(kh_allocated(&pool), start);
	CHECK_EQ(k_msgq_cleanup(&amq), 0); /* twice: nothing more to free */
	CHECK_EQ(kh_allocated(&pool), start);

	/* A static queue's cleanup frees nothing. */
	CHECK_EQ(k_msgq_cleanup(&mq), 0);
	CHECK_EQ(k_msgq_num_free_get(&mq), MAX_MSGS);

	/* A thread allocates with its (inherited) pool and is aborted: cleanup returns it all. */
	int flag = 0;

	kh_spawn(0, alloc_then_block, &flag, NULL, NULL, 3, 0);
	k_msleep(1);
	CHECK_EQ(flag, 1);
	CHECK(kh_allocated(&pool) > start);
	k_thread_abort(&kh_threads[0]);
	CHECK_EQ(k_msgq_cleanup(&amq), 0);
	CHECK_EQ(kh_allocated(&pool), start);

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
	CHECK_EQ(k_msgq_alloc_init(&amq, sizeof(struct msg), 2), 0);
	CHECK_EQ(k_msgq_put(&amq, &m, K_NO_WAIT), 0);
	CHECK_EQ(k_msgq_put_front(&amq, &m, K_NO_WAIT), 0);
	CHECK_EQ(k_msgq_put(&amq, &m, K_MSEC(1)), -EAGAIN);
	CHECK_EQ(k_msgq_peek(&amq, &m), 0);
	CHECK_EQ(k_msgq_get(&amq, &m, K_NO_WAIT), 0);
	CHECK(is(&m, 5));
	k_msgq_purge(&amq);
	CHECK_EQ(k_msgq_num_used_get(&amq), 0);
	CHECK_EQ(k_msgq_cleanup(&amq), 0);
	user_step = 1;
	k_msgq_init(&amq, NULL, 4, 0); /* not a system call on Zephyr: oops */
	user_step = 2;
}

static void test_user_mode(void)
{
	k_thread_heap_assign(k_current_get(), &pool);
	size_t start = kh_allocated(&pool);

	user_step = 0;
	kh_fault.count = 0;
	kh_spawn(0, user_fn, NULL, NULL, NULL, 3, K_USER);
	kh_join(1);
	CHECK_EQ(user_step, 1);
	CHECK_EQ(kh_fault.count, 1);
	CHECK_EQ(kh_fault.reason, K_ERR_KERNEL_OOPS);
	CHECK_EQ(kh_allocated(&pool), start);
	k_thread_heap_assign(k_current_get(), NULL);
}

int main(void)
{
	RUN_TEST(test_static_define);
	RUN_TEST(test_ring);
	RUN_TEST(test_put_front);
	RUN_TEST(test_timeouts);
	RUN_TEST(test_receivers_wait);
	RUN_TEST(test_senders_wait);
	RUN_TEST(test_purge_wakes_senders);
	RUN_TEST(test_receiver_timeout);
	RUN_TEST(test_isr);
	RUN_TEST(test_alloc_init);
	RUN_TEST(test_user_mode);
	return KTEST_RESULT();
}
