/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * sys_bitarray: Zephyr's semantics and error codes, regions across word boundaries, and
 * 5000 random operations against a bool-array model.
 */
#include <stdbool.h>
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/sys/bitarray.h>

#include "compat_tests.h"
#include "../common/test_rand.h"

SYS_BITARRAY_DEFINE_STATIC(ba, 100);
SYS_BITARRAY_DEFINE_STATIC(ba_other, 100);
SYS_BITARRAY_DEFINE_STATIC(ba_small, 20);

static void reset(sys_bitarray_t *b)
{
	memset(b->bundles, 0, b->num_bundles * sizeof(uint32_t));
}

static void test_single_bits(void)
{
	int val = -1;

	reset(&ba);
	CHECK_EQ(sys_bitarray_set_bit(&ba, 0), 0);
	CHECK_EQ(sys_bitarray_set_bit(&ba, 99), 0);
	CHECK_EQ(sys_bitarray_set_bit(&ba, 100), -EINVAL);
	CHECK_EQ(sys_bitarray_clear_bit(&ba, 100), -EINVAL);
	CHECK_EQ(sys_bitarray_test_bit(&ba, 99, &val), 0);
	CHECK_EQ(val, 1);
	CHECK_EQ(sys_bitarray_test_bit(&ba, 98, &val), 0);
	CHECK_EQ(val, 0);
	CHECK_EQ(sys_bitarray_test_bit(&ba, 100, &val), -EINVAL);
	CHECK_EQ(sys_bitarray_test_bit(&ba, 1, NULL), -EINVAL);
	CHECK_EQ(sys_bitarray_test_and_set_bit(&ba, 50, &val), 0);
	CHECK_EQ(val, 0);
	CHECK_EQ(sys_bitarray_test_and_set_bit(&ba, 50, &val), 0);
	CHECK_EQ(val, 1);
	CHECK_EQ(sys_bitarray_test_and_clear_bit(&ba, 50, &val), 0);
	CHECK_EQ(val, 1);
	CHECK_EQ(sys_bitarray_test_and_clear_bit(&ba, 50, &val), 0);
	CHECK_EQ(val, 0);
	CHECK_EQ(sys_bitarray_test_and_set_bit(&ba, 50, NULL), -EINVAL);
	CHECK_EQ(sys_bitarray_test_and_clear_bit(&ba, 100, &val), -EINVAL);
	CHECK_EQ(sys_bitarray_clear_bit(&ba, 0), 0);
	CHECK_EQ(ba.bundles[0], 0);
	CHECK_EQ(ba.bundles[3], 1U << 3); /* bit 99 = word 3, bit 3 */
}

static void test_alloc_free(void)
{
	size_t off = 12345;

	reset(&ba);
	CHECK_EQ(sys_bitarray_alloc(&ba, 0, &off), -EINVAL);
	CHECK_EQ(sys_bitarray_alloc(&ba, 101, &off), -EINVAL);
	CHECK_EQ(sys_bitarray_alloc(&ba, 1, NULL), -EINVAL);
	CHECK_EQ(sys_bitarray_alloc(&ba, 30, &off), 0);
	CHECK_EQ(off, 0);
	CHECK_EQ(sys_bitarray_alloc(&ba, 10, &off), 0); /* crosses word 0/1 */
	CHECK_EQ(off, 30);
	CHECK(sys_bitarray_is_region_set(&ba, 40, 0));
	CHECK(!sys_bitarray_is_region_set(&ba, 41, 0));
	CHECK_EQ(sys_bitarray_free(&ba, 5, 10), 0);
	/* Lowest fitting run: the 5-bit hole. */
	CHECK_EQ(sys_bitarray_alloc(&ba, 4, &off), 0);
	CHECK_EQ(off, 10);
	CHECK_EQ(sys_bitarray_alloc(&ba, 2, &off), 0); /* does not fit in the 1 bit left */
	CHECK_EQ(off, 40);
	CHECK_EQ(sys_bitarray_alloc(&ba, 58, &off), 0); /* to the very end */
	CHECK_EQ(off, 42);
	CHECK_EQ(sys_bitarray_alloc(&ba, 2, &off), -ENOSPC);
	CHECK_EQ(sys_bitarray_alloc(&ba, 1, &off), 0);
	CHECK_EQ(off, 14);
	CHECK(sys_bitarray_is_region_set(&ba, 100, 0));
	/* Free: whole region must be set, bounds checked. */
	CHECK_EQ(sys_bitarray_free(&ba, 0, 0), -EINVAL);
	CHECK_EQ(sys_bitarray_free(&ba, 2, 99), -EINVAL);
	CHECK_EQ(sys_bitarray_free(&ba, 101, 0), -EINVAL);
	CHECK_EQ(sys_bitarray_free(&ba, 70, 30), 0);
	CHECK_EQ(sys_bitarray_free(&ba, 2, 29), -EFAULT); /* bit 30 is clear now */
	CHECK(sys_bitarray_is_region_set(&ba, 1, 29));    /* and nothing changed */
	CHECK(sys_bitarray_is_region_cleared(&ba, 70, 30));
	CHECK(!sys_bitarray_is_region_cleared(&ba, 71, 29));
	CHECK(!sys_bitarray_is_region_cleared(&ba, 0, 30));
	CHECK(!sys_bitarray_is_region_cleared(&ba, 31, 70));

	/* A small array (one word) too. */
	reset(&ba_small);
	CHECK_EQ(sys_bitarray_alloc(&ba_small, 20, &off), 0);
	CHECK_EQ(sys_bitarray_alloc(&ba_small, 1, &off), -ENOSPC);
	CHECK_EQ(sys_bitarray_free(&ba_small, 20, 0), 0);
	CHECK_EQ(ba_small.bundles[0], 0);
}

static void test_regions(void)
{
	size_t count = 0;
	size_t at = 777;

	reset(&ba);
	CHECK_EQ(sys_bitarray_set_region(&ba, 40, 20), 0);
	CHECK_EQ(sys_bitarray_set_region(&ba, 0, 0), -EINVAL);
	CHECK_EQ(sys_bitarray_set_region(&ba, 1, 100), -EINVAL);
	CHECK_EQ(sys_bitarray_popcount_region(&ba, 100, 0, &count), 0);
	CHECK_EQ(count, 40);
	CHECK_EQ(sys_bitarray_popcount_region(&ba, 30, 10, &count), 0);
	CHECK_EQ(count, 20);
	CHECK_EQ(sys_bitarray_popcount_region(&ba, 0, 10, &count), -EINVAL);
	CHECK_EQ(sys_bitarray_popcount_region(&ba, 10, 95, &count), -EINVAL);
	CHECK_EQ(sys_bitarray_popcount_region(&ba, 10, 0, NULL), -EINVAL);
	CHECK_EQ(sys_bitarray_clear_region(&ba, 10, 30), 0);
	CHECK_EQ(sys_bitarray_popcount_region(&ba, 100, 0, &count), 0);
	CHECK_EQ(count, 30);

	/* find_nth_set counts from 1 and answers 1 when there are fewer. */
	CHECK_EQ(sys_bitarray_find_nth_set(&ba, 1, 100, 0, &at), 0);
	CHECK_EQ(at, 20);
	CHECK_EQ(sys_bitarray_find_nth_set(&ba, 11, 100, 0, &at), 0);
	CHECK_EQ(at, 40);
	CHECK_EQ(sys_bitarray_find_nth_set(&ba, 30, 100, 0, &at), 0);
	CHECK_EQ(at, 59);
	at = 777;
	CHECK_EQ(sys_bitarray_find_nth_set(&ba, 31, 100, 0, &at), 1);
	CHECK_EQ(at, 777);
	CHECK_EQ(sys_bitarray_find_nth_set(&ba, 2, 50, 35, &at), 0);
	CHECK_EQ(at, 41);
	CHECK_EQ(sys_bitarray_find_nth_set(&ba, 0, 100, 0, &at), -EINVAL);
	CHECK_EQ(sys_bitarray_find_nth_set(&ba, 1, 0, 0, &at), -EINVAL);
	CHECK_EQ(sys_bitarray_find_nth_set(&ba, 1, 2, 99, &at), -EINVAL);

	/* test_and_set_region: all or nothing, -EEXIST when not in the expected state. */
	CHECK_EQ(sys_bitarray_test_and_set_region(&ba, 10, 60, true), 0);
	CHECK(sys_bitarray_is_region_set(&ba, 30, 40));
	CHECK_EQ(sys_bitarray_test_and_set_region(&ba, 10, 65, true), -EEXIST);
	CHECK(sys_bitarray_is_region_cleared(&ba, 5, 70));
	CHECK_EQ(sys_bitarray_test_and_set_region(&ba, 50, 20, false), -EEXIST); /* 30..39 clear */
	CHECK(sys_bitarray_is_region_set(&ba, 10, 20));
	CHECK_EQ(sys_bitarray_test_and_set_region(&ba, 30, 40, false), 0);
	CHECK(sys_bitarray_is_region_cleared(&ba, 70, 30));
	CHECK_EQ(sys_bitarray_popcount_region(&ba, 100, 0, &count), 0);
	CHECK_EQ(count, 10);
	CHECK_EQ(sys_bitarray_test_and_set_region(&ba, 1, 0, false), -EEXIST);
	CHECK_EQ(sys_bitarray_test_and_set_region(&ba, 0, 0, true), -EINVAL);

	/* xor of a region only; arrays must be the same size. */
	reset(&ba);
	reset(&ba_other);
	CHECK_EQ(sys_bitarray_set_region(&ba_other, 100, 0), 0);
	CHECK_EQ(sys_bitarray_xor(&ba, &ba_other, 10, 28), 0);
	CHECK_EQ(sys_bitarray_popcount_region(&ba, 100, 0, &count), 0);
	CHECK_EQ(count, 10);
	CHECK(sys_bitarray_is_region_set(&ba, 10, 28));
	CHECK_EQ(sys_bitarray_xor(&ba, &ba_small, 10, 0), -EINVAL);
	CHECK_EQ(sys_bitarray_xor(&ba, &ba_other, 0, 0), -EINVAL);
	CHECK_EQ(sys_bitarray_xor(&ba, &ba_other, 10, 95), -EINVAL);
}

/* Random operations against a model, with region sizes that cross words. */
static void test_against_model(void)
{
	static bool model[100];
	uint32_t x = 2463534242U;

	reset(&ba);
	memset(model, 0, sizeof(model));
	for (int i = 0; i < 5000; i++) {
		test_rand32(&x);
		size_t n = 1 + x % 40;
		size_t off = (x >> 8) % 100;
		int op = (int)((x >> 20) % 4);

		if (op == 0) {
			size_t got;
			int ret = sys_bitarray_alloc(&ba, n, &got);
			/* model: lowest run of n clear bits */
			long want = -1;

			for (size_t s = 0; s + n <= 100 && want < 0; s++) {
				size_t k = 0;

				while (k < n && !model[s + k]) {
					k++;
				}
				if (k == n) {
					want = (long)s;
				}
			}
			CHECK_EQ(ret, want < 0 ? -ENOSPC : 0);
			if (ret == 0) {
				CHECK_EQ(got, want);
				for (size_t k = 0; k < n; k++) {
					model[got + k] = true;
				}
			}
		} else if (op == 1) {
			bool all = off + n <= 100;

			for (size_t k = 0; all && k < n; k++) {
				all = model[off + k];
			}
			int ret = sys_bitarray_free(&ba, n, off);

			CHECK_EQ(ret, off + n > 100 ? -EINVAL : (all ? 0 : -EFAULT));
			for (size_t k = 0; ret == 0 && k < n; k++) {
				model[off + k] = false;
			}
		} else if (op == 2 && off + n <= 100) {
			size_t count;
			size_t want = 0;

			for (size_t k = 0; k < n; k++) {
				want += model[off + k];
			}
			CHECK_EQ(sys_bitarray_popcount_region(&ba, n, off, &count), 0);
			CHECK_EQ(count, want);
		} else {
			int val = -1;

			CHECK_EQ(sys_bitarray_test_bit(&ba, off, &val), 0);
			CHECK_EQ(val, model[off]);
		}
	}
}

void compat_bitarray_tests(void)
{
	RUN_TEST(test_single_bits);
	RUN_TEST(test_alloc_free);
	RUN_TEST(test_regions);
	RUN_TEST(test_against_model);
}
