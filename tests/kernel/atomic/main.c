/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * <zephyr/sys/atomic.h>: every call returns the value held before it; compare-and-swap stores
 * only on a match; pointer atomics; bit arrays spanning several atomic_t; increments from
 * several preempting threads and from irq_offload() code are never lost.
 */
#include <zephyr/irq_offload.h>
#include <zephyr/kernel.h>
#include <zephyr/sys/atomic.h>
#include <zephyr/ztest.h>

#define N_THREADS  4
#define N_ROUNDS   2000
#define STACK_SIZE 4096

static atomic_t counter = ATOMIC_INIT(0);
static atomic_t cas_counter = ATOMIC_INIT(0);
static ATOMIC_DEFINE(file_bits, 100); /* zero at file scope, as on Zephyr */
static atomic_ptr_t shared_ptr = ATOMIC_PTR_INIT(NULL);

static K_THREAD_STACK_ARRAY_DEFINE(stacks, N_THREADS, STACK_SIZE);
static struct k_thread threads[N_THREADS];

ZTEST_SUITE(kernel_atomic, NULL, NULL, NULL, NULL, NULL);

ZTEST(kernel_atomic, test_arithmetic_returns_previous)
{
	atomic_t v = ATOMIC_INIT(5);

	zassert_equal(atomic_get(&v), 5);
	zassert_equal(atomic_add(&v, 10), 5);
	zassert_equal(atomic_sub(&v, 3), 15);
	zassert_equal(atomic_inc(&v), 12);
	zassert_equal(atomic_dec(&v), 13);
	zassert_equal(atomic_get(&v), 12);
	zassert_equal(atomic_set(&v, -7), 12);
	zassert_equal(atomic_get(&v), -7);
	zassert_equal(atomic_clear(&v), -7);
	zassert_equal(atomic_get(&v), 0);
	zassert_equal(atomic_dec(&v), 0);
	zassert_equal(atomic_get(&v), -1, "atomic_t is signed");
}

ZTEST(kernel_atomic, test_bitwise_returns_previous)
{
	atomic_t v = ATOMIC_INIT(0x0F0);

	zassert_equal(atomic_or(&v, 0x00F), 0x0F0);
	zassert_equal(atomic_get(&v), 0x0FF);
	zassert_equal(atomic_xor(&v, 0x111), 0x0FF);
	zassert_equal(atomic_get(&v), 0x1EE);
	zassert_equal(atomic_and(&v, 0x0F0), 0x1EE);
	zassert_equal(atomic_get(&v), 0x0E0);
	zassert_equal(atomic_nand(&v, 0x0A0), 0x0E0);
	zassert_equal(atomic_get(&v), ~(atomic_val_t)0x0A0);
}

ZTEST(kernel_atomic, test_cas)
{
	atomic_t v = ATOMIC_INIT(1);

	zassert_false(atomic_cas(&v, 2, 3), "stored although the old value differs");
	zassert_equal(atomic_get(&v), 1);
	zassert_true(atomic_cas(&v, 1, 3));
	zassert_equal(atomic_get(&v), 3);
}

ZTEST(kernel_atomic, test_pointers)
{
	int a, b;

	zassert_is_null(atomic_ptr_get(&shared_ptr));
	zassert_is_null(atomic_ptr_set(&shared_ptr, &a));
	zassert_equal_ptr(atomic_ptr_get(&shared_ptr), &a);
	zassert_false(atomic_ptr_cas(&shared_ptr, &b, &b));
	zassert_equal_ptr(atomic_ptr_get(&shared_ptr), &a);
	zassert_true(atomic_ptr_cas(&shared_ptr, &a, &b));
	zassert_equal_ptr(atomic_ptr_clear(&shared_ptr), &b);
	zassert_is_null(atomic_ptr_get(&shared_ptr));
}

ZTEST(kernel_atomic, test_bit_array)
{
	ATOMIC_DEFINE(local, 70);

	zassert_equal(ATOMIC_BITS, sizeof(long) * 8);
	zassert_equal(ARRAY_SIZE(file_bits), (100 + ATOMIC_BITS - 1) / ATOMIC_BITS);
	zassert_equal(sizeof(local), ATOMIC_BITMAP_SIZE(70) * sizeof(atomic_t));
	for (size_t i = 0; i < ARRAY_SIZE(file_bits); i++) {
		zassert_equal(atomic_get(&file_bits[i]), 0, "file-scope bit array starts clear");
	}
	memset(local, 0, sizeof(local));

	/* A bit in the second word changes only that word, at the right position. */
	atomic_set_bit(local, 65);
	zassert_true(atomic_test_bit(local, 65));
	zassert_false(atomic_test_bit(local, 1));
	zassert_equal(atomic_get(ATOMIC_ELEM(local, 65)), (atomic_val_t)ATOMIC_MASK(65));
	zassert_equal_ptr(ATOMIC_ELEM(local, 65), &local[65 / ATOMIC_BITS]);
	zassert_equal(atomic_get(&local[65 / ATOMIC_BITS]), 1L << (65 % ATOMIC_BITS));
	zassert_equal(atomic_get(&local[0]), 0, "bit 65 is not in the first word");

	zassert_true(atomic_test_and_clear_bit(local, 65));
	zassert_false(atomic_test_and_clear_bit(local, 65));
	zassert_false(atomic_test_and_set_bit(local, 0));
	zassert_true(atomic_test_and_set_bit(local, 0));
	zassert_equal(atomic_get(&local[0]), 1);

	atomic_set_bit_to(local, 31, true);
	zassert_true(atomic_test_bit(local, 31));
	atomic_set_bit_to(local, 31, false);
	zassert_false(atomic_test_bit(local, 31));
	atomic_clear_bit(local, 0);
	zassert_equal(atomic_get(&local[0]), 0);

	/* The highest bit of a word is bit ATOMIC_BITS - 1, not a sign problem. */
	atomic_set_bit(file_bits, ATOMIC_BITS - 1);
	zassert_true(atomic_test_bit(file_bits, ATOMIC_BITS - 1));
	zassert_false(atomic_test_bit(file_bits, ATOMIC_BITS));
	atomic_clear_bit(file_bits, ATOMIC_BITS - 1);
	zassert_equal(atomic_get(&file_bits[0]), 0);
}

static void incrementer(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	for (int i = 0; i < N_ROUNDS; i++) {
		atomic_inc(&counter);
		/* A compare-and-swap loop: the read and the store may be split by preemption. */
		atomic_val_t old;

		do {
			old = atomic_get(&cas_counter);
			if ((i % 64) == (int)(uintptr_t)p1) {
				k_yield();
			}
		} while (!atomic_cas(&cas_counter, old, old + 1));
	}
}

static void isr_add(const void *arg)
{
	(void)arg;
	atomic_add(&counter, 1000);
}

ZTEST(kernel_atomic, test_concurrent_increments)
{
	atomic_clear(&counter);
	atomic_clear(&cas_counter);
	for (int i = 0; i < N_THREADS; i++) {
		k_thread_create(&threads[i], stacks[i], STACK_SIZE, incrementer,
				(void *)(uintptr_t)i, NULL, NULL, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	}
	irq_offload(isr_add, NULL);
	for (int i = 0; i < N_THREADS; i++) {
		zassert_ok(k_thread_join(&threads[i], K_FOREVER));
	}
	zassert_equal(atomic_get(&counter), N_THREADS * N_ROUNDS + 1000);
	zassert_equal(atomic_get(&cas_counter), N_THREADS * N_ROUNDS);
}
