/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_pipe: byte order across the ring's wrap, partial writes and reads on timeout, -EAGAIN,
 * writers and readers waking each other, reset (-ECANCELED), close (-EPIPE after draining),
 * every timeout kind, ISR use, and bytes handed straight between a caller and waiters while
 * the ring is empty (a pipe without a ring transfers only this way).
 */
#include <string.h>

#include <zephyr/irq_offload.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#include "../common/kobj_ztest.h"

#define SIZE 8
static K_PIPE_DEFINE(p, SIZE, 4); /* static prefix accepted */
static uint8_t pbuf[SIZE];
static struct k_pipe lp;

static int rc[KZ_THREADS];
static uint8_t rbuf[KZ_THREADS][32];
static int done;

static void before(void *f)
{
	(void)f;
	k_pipe_init(&lp, pbuf, sizeof(pbuf));
	k_pipe_reset(&p);
	done = 0;
}

ZTEST_SUITE(kernel_pipe, NULL, NULL, before, NULL, NULL);

ZTEST(kernel_pipe, test_order_and_wrap)
{
	uint8_t out[SIZE];
	uint8_t in[5];

	for (int round = 0; round < 5; round++) {
		for (int i = 0; i < 5; i++) {
			in[i] = (uint8_t)(round * 10 + i);
		}
		zassert_equal(k_pipe_write(&lp, in, 5, K_NO_WAIT), 5);
		zassert_equal(k_pipe_read(&lp, out, 5, K_NO_WAIT), 5);
		zassert_mem_equal(out, in, 5);
	}
	/* Partial: 8 of 10 fit; K_NO_WAIT returns what was written. */
	uint8_t ten[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
	int64_t t0 = k_uptime_ticks();

	zassert_equal(k_pipe_write(&lp, ten, 10, K_NO_WAIT), 8);
	zassert_equal(k_pipe_write(&lp, ten, 1, K_NO_WAIT), -EAGAIN);
	zassert_equal(k_pipe_write(&lp, ten, 1, K_MSEC(5)), -EAGAIN);
	zassert_true(k_uptime_ticks() - t0 >= K_MSEC(5).ticks);
	uint8_t got[10];

	zassert_equal(k_pipe_read(&lp, got, 10, K_MSEC(3)), 8); /* all there was, after the wait */
	zassert_mem_equal(got, ten, 8);
	zassert_equal(k_pipe_read(&lp, got, 1, K_NO_WAIT), -EAGAIN);
	zassert_equal(k_pipe_write(&lp, ten, 0, K_NO_WAIT), 0);
}

static void reader(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p1;
	int len = (int)(intptr_t)p2;

	rc[idx] = k_pipe_read(&p, rbuf[idx], (size_t)len, kz_timeout_ms(p3));
	done++;
}

static void writer(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p1;
	int len = (int)(intptr_t)p2;
	static uint8_t data[32];

	(void)p3;
	for (int i = 0; i < 32; i++) {
		data[i] = (uint8_t)(100 + i);
	}
	rc[idx] = k_pipe_write(&p, data, (size_t)len, K_FOREVER);
	done++;
}

ZTEST(kernel_pipe, test_writer_and_reader_wait)
{
	/* A 20-byte write through an 8-byte pipe, drained by a reader of 20. */
	kz_spawn(0, writer, (void *)0, (void *)20, NULL, 4, 0);
	kz_spawn(1, reader, (void *)1, (void *)20, (void *)-1, 5, 0);
	kz_join(2);
	zassert_equal(rc[0], 20);
	zassert_equal(rc[1], 20);
	for (int i = 0; i < 20; i++) {
		zassert_equal(rbuf[1][i], 100 + i);
	}
	/* A reader waiting for data is woken by a write. */
	done = 0;
	kz_spawn(0, reader, (void *)0, (void *)3, (void *)-1, 3, 0);
	k_msleep(1);
	zassert_equal(done, 0);
	uint8_t abc[3] = {'a', 'b', 'c'};

	zassert_equal(k_pipe_write(&p, abc, 3, K_NO_WAIT), 3);
	kz_join(1);
	zassert_equal(rc[0], 3);
	zassert_mem_equal(rbuf[0], abc, 3);
}

ZTEST(kernel_pipe, test_partial_read_on_timeout)
{
	uint8_t two[2] = {1, 2};

	kz_spawn(0, reader, (void *)0, (void *)6, (void *)10, 3, 0);
	k_msleep(1);
	zassert_equal(k_pipe_write(&p, two, 2, K_NO_WAIT), 2);
	kz_join(1);
	zassert_equal(rc[0], 2); /* what arrived before the timeout */
	zassert_mem_equal(rbuf[0], two, 2);
}

static struct k_pipe zp; /* no ring */

static void zp_reader(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p1;
	int len = (int)(intptr_t)p2;

	rc[idx] = k_pipe_read(&zp, rbuf[idx], (size_t)len, kz_timeout_ms(p3));
	done++;
}

static void zp_writer(void *p1, void *p2, void *p3)
{
	static const uint8_t data[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

	(void)p3;
	rc[(int)(intptr_t)p1] = k_pipe_write(&zp, data, (size_t)(intptr_t)p2, K_FOREVER);
	done++;
}

ZTEST(kernel_pipe, test_direct_transfer)
{
	uint8_t got[12];

	k_pipe_init(&zp, NULL, 0);
	/* Nobody on the other side: nothing moves. */
	zassert_equal(k_pipe_write(&zp, got, 4, K_NO_WAIT), -EAGAIN);
	zassert_equal(k_pipe_read(&zp, got, 4, K_MSEC(2)), -EAGAIN);

	/* A waiting reader of 8 is filled by two writes, and woken only when complete. */
	kz_spawn(0, zp_reader, (void *)0, (void *)8, (void *)-1, 3, 0);
	k_msleep(1);
	uint8_t abc[5] = {'a', 'b', 'c', 'd', 'e'};

	zassert_equal(k_pipe_write(&zp, abc, 5, K_NO_WAIT), 5);
	k_msleep(1);
	zassert_equal(done, 0, "woken before its 8 bytes arrived");
	zassert_equal(k_pipe_write(&zp, abc, 5, K_NO_WAIT), 3, "only what the reader wanted");
	kz_join(1);
	zassert_equal(rc[0], 8);
	zassert_mem_equal(rbuf[0], "abcdeabc", 8);

	/* A waiting writer of 12 is drained by reads of 5 and 7; it returns when all went. */
	done = 0;
	kz_spawn(0, zp_writer, (void *)0, (void *)12, NULL, 3, 0);
	k_msleep(1);
	zassert_equal(k_pipe_read(&zp, got, 5, K_NO_WAIT), 5);
	zassert_equal(done, 0);
	zassert_equal(k_pipe_read(&zp, &got[5], 7, K_NO_WAIT), 7);
	kz_join(1);
	zassert_equal(rc[0], 12);
	for (int i = 0; i < 12; i++) {
		zassert_equal(got[i], i + 1);
	}

	/* A reader whose wait ends first returns what it got. */
	done = 0;
	kz_spawn(0, zp_reader, (void *)0, (void *)6, (void *)10, 3, 0);
	k_msleep(1);
	zassert_equal(k_pipe_write(&zp, abc, 2, K_NO_WAIT), 2);
	kz_join(1);
	zassert_equal(rc[0], 2);

	/* With a ring: a reader waiting on the empty ring gets the bytes directly. */
	done = 0;
	kz_spawn(0, reader, (void *)0, (void *)3, (void *)-1, 3, 0);
	k_msleep(1);
	zassert_equal(k_pipe_write(&p, abc, 5, K_NO_WAIT), 5);
	kz_join(1);
	zassert_equal(rc[0], 3);
	zassert_mem_equal(rbuf[0], abc, 3);
	zassert_equal(k_pipe_read(&p, got, 8, K_NO_WAIT), 2, "the rest went to the ring");
	zassert_mem_equal(got, "de", 2);
}

ZTEST(kernel_pipe, test_reset_and_close)
{
	uint8_t buf[SIZE] = {0};

	kz_spawn(0, reader, (void *)0, (void *)4, (void *)-1, 3, 0);
	k_msleep(1);
	k_pipe_reset(&p);
	kz_join(1);
	zassert_equal(rc[0], -ECANCELED);
	/* Reset flag cleared by the last waiter: the pipe works again. */
	zassert_equal(k_pipe_write(&p, buf, 4, K_NO_WAIT), 4);
	k_pipe_reset(&p);
	zassert_equal(k_pipe_read(&p, buf, 1, K_NO_WAIT), -EAGAIN); /* data dropped */

	/* Close: a waiting writer gets -EPIPE, reads drain then -EPIPE. */
	zassert_equal(k_pipe_write(&p, buf, SIZE, K_NO_WAIT), SIZE);
	done = 0;
	kz_spawn(0, writer, (void *)0, (void *)4, NULL, 3, 0);
	k_msleep(1);
	k_pipe_close(&p);
	kz_join(1);
	zassert_equal(rc[0], -EPIPE);
	zassert_equal(k_pipe_write(&p, buf, 1, K_NO_WAIT), -EPIPE);
	zassert_equal(k_pipe_read(&p, buf, 3, K_FOREVER), 3);
	zassert_equal(k_pipe_read(&p, buf, 10, K_FOREVER), 5);
	zassert_equal(k_pipe_read(&p, buf, 1, K_FOREVER), -EPIPE);
	k_pipe_init(&p, p.buffer, p.size); /* open again for the other tests */
}

static int isr_rc;

static void isr_write(const void *arg)
{
	isr_rc = k_pipe_write(&p, arg, 2, K_NO_WAIT);
}

ZTEST(kernel_pipe, test_isr)
{
	uint8_t xy[2] = {'x', 'y'};

	kz_spawn(0, reader, (void *)0, (void *)2, (void *)-1, -1, 0);
	k_msleep(1);
	irq_offload(isr_write, xy);
	zassert_equal(isr_rc, 2);
	zassert_equal(done, 1);
	zassert_mem_equal(rbuf[0], xy, 2);
	kz_join(1);
}

/*
 * A user thread's write fills a waiting supervisor reader, and its read drains a waiting
 * supervisor writer, whose transfer records (and here buffers) are on their own stacks, closed
 * to the user thread: the kernel moves the bytes with the supervisor view, as Zephyr's does.
 */
static void stack_reader(void *p1, void *p2, void *p3)
{
	uint8_t buf[4];

	(void)p2;
	(void)p3;
	rc[0] = k_pipe_read(p1, buf, sizeof(buf), K_FOREVER);
	memcpy(rbuf[0], buf, sizeof(buf));
	done++;
}

static void stack_writer(void *p1, void *p2, void *p3)
{
	uint8_t buf[4] = {'w', 'x', 'y', 'z'};

	(void)p2;
	(void)p3;
	rc[0] = k_pipe_write(p1, buf, sizeof(buf), K_FOREVER);
	done++;
}

static void user_rw(void *p1, void *p2, void *p3)
{
	static uint8_t data[4] = {'a', 'b', 'c', 'd'};

	(void)p3;
	if (p2 != NULL) {
		rc[1] = k_pipe_read(p1, rbuf[1], 4, K_NO_WAIT);
	} else {
		rc[1] = k_pipe_write(p1, data, 4, K_NO_WAIT);
	}
}

ZTEST(kernel_pipe, test_user_and_waiting_supervisor)
{
	static struct k_pipe zp; /* no ring: every byte goes directly */

	k_pipe_init(&zp, NULL, 0);
	kz_faults = 0;
	k_object_access_grant(&zp, k_current_get());
	kz_spawn(0, stack_reader, &zp, NULL, NULL, 3, 0);
	k_msleep(1);
	kz_spawn(1, user_rw, &zp, NULL, NULL, 3, K_USER | K_INHERIT_PERMS);
	kz_join(2);
	zassert_equal(kz_faults, 0, "the user thread faulted on the reader's stack");
	zassert_equal(rc[1], 4);
	zassert_equal(rc[0], 4);
	zassert_mem_equal(rbuf[0], "abcd", 4);

	kz_spawn(0, stack_writer, &zp, NULL, NULL, 3, 0);
	k_msleep(1);
	kz_spawn(1, user_rw, &zp, (void *)1, NULL, 3, K_USER | K_INHERIT_PERMS);
	kz_join(2);
	zassert_equal(kz_faults, 0, "the user thread faulted on the writer's stack");
	zassert_equal(rc[1], 4);
	zassert_equal(rc[0], 4);
	zassert_mem_equal(rbuf[1], "wxyz", 4);
}
