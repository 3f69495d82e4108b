/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * ztest self-test of value-parameterised tests that must pass: ZTEST_P with every kind of
 * value set, several instantiations of one test, the fixture left intact by the parameter,
 * no parameter outside ZTEST_P cases, and each value run as a case of its own (counted by the
 * last test, test_z_counts, which runs after the others: tests run in name order).
 */
#include <stdint.h>
#include <string.h>

#include <zephyr/sys/util.h>
#include <zephyr/ztest.h>

#define SENTINEL 0x5A5AA5A5U

struct ztest_param_fixture {
	uint32_t sentinel;
};

static void *param_setup(void)
{
	static struct ztest_param_fixture f = {.sentinel = SENTINEL};

	return &f;
}

/* How often each test body ran, and the sum of the values it saw. */
static int ran_int, ran_struct, ran_range, ran_gen, ran_none, ran_user;
static long sum_int, sum_range;
static uint32_t gen_seen[4];
static int gen_setup_calls;

/* ---- Scalars: one test instantiated twice, with different value sets ---- */

ZTEST_DEFINE_PARAM_VALUES(small_ints, int, 1, 2, 3);
static const int big_int_array[] = {10, 100};
ZTEST_DEFINE_PARAM_VALUES_ARRAY(big_ints, big_int_array);

ZTEST_P(ztest_param, test_int)
{
	const struct ztest_param_fixture *f = data;
	int v = ZTEST_GET_PARAM(int);

	zassert_not_null(f, "the fixture is given");
	zassert_equal(f->sentinel, SENTINEL, "the parameter never replaces the fixture");
	zassert_true(ztest_has_current_param());
	zassert_equal(ztest_get_current_param_size(), sizeof(int));
	/* Instances run in name order (big, then small) and values in array order. */
	static const int order[] = {10, 100, 1, 2, 3};

	zassert_true(ran_int < 5, "five values in all");
	zassert_equal(v, order[ran_int], "value %d is run %d", v, ran_int);
	zassert_equal(ztest_get_current_param_index(),
		      (size_t)(ran_int < 2 ? ran_int : ran_int - 2));
	ran_int++;
	sum_int += v;
}
ZTEST_INSTANTIATE_TEST_SUITE_P(small, ztest_param, test_int, small_ints);
ZTEST_INSTANTIATE_TEST_SUITE_P(big, ztest_param, test_int, big_ints);

/* ---- Structures (the k_heap_api form) ---- */

struct size_case {
	size_t size;
	bool fits;
};

static const struct size_case size_cases[] = {{1U, true}, {64U, true}, {4096U, false}};
ZTEST_DEFINE_PARAM_VALUES_ARRAY(sizes, size_cases);

ZTEST_P(ztest_param, test_struct)
{
	const struct size_case *tc = ZTEST_GET_PARAM_PTR(struct size_case);
	size_t i = ztest_get_current_param_index();

	zassert_true(i < ARRAY_SIZE(size_cases));
	zassert_equal_ptr(tc, &size_cases[i], "array values are given in place");
	zassert_equal(tc->fits, tc->size <= 1024U);
	ran_struct++;
}
ZTEST_INSTANTIATE_TEST_SUITE_P(all, ztest_param, test_struct, sizes);

/* ---- A range: 0, 3, 6, 9 (half-open, 12 excluded) ---- */

ZTEST_DEFINE_PARAM_RANGE(range_vals, int, 0, 12, 3);

ZTEST_P(ztest_param, test_range)
{
	int v = ZTEST_GET_PARAM(int);

	zassert_equal(v, 3 * (int)ztest_get_current_param_index());
	ran_range++;
	sum_range += v;
}
ZTEST_INSTANTIATE_TEST_SUITE_P(step3, ztest_param, test_range, range_vals);

/* ---- A generator with a setup run once before its first value ---- */

static uint32_t gen_state;

static void gen_setup(void)
{
	gen_state = 7U;
	gen_setup_calls++;
}

static void gen_next(size_t idx, void *out)
{
	gen_state = gen_state * 3U + (uint32_t)idx;
	*(uint32_t *)out = gen_state;
}

ZTEST_DEFINE_PARAM_GENERATOR_WITH_SETUP(gen_vals, uint32_t, 4, gen_setup, gen_next);

ZTEST_P(ztest_param, test_generated)
{
	size_t i = ztest_get_current_param_index();

	zassert_true(i < ARRAY_SIZE(gen_seen));
	gen_seen[i] = ZTEST_GET_PARAM(uint32_t);
	ran_gen++;
}
ZTEST_INSTANTIATE_TEST_SUITE_P(seq, ztest_param, test_generated, gen_vals);

/* ---- A ZTEST_P never instantiated runs once, without a value (as on Zephyr) ---- */

ZTEST_P(ztest_param, test_no_instance)
{
	zassert_false(ztest_has_current_param());
	zassert_is_null(ztest_get_current_param());
	zassert_equal(ztest_get_current_param_size(), 0U);
	zassert_not_null(data, "the fixture is still given");
	ran_none++;
}

/* ---- ZTEST_USER_P ---- */

ZTEST_DEFINE_PARAM_VALUES(user_vals, char, 'a', 'b');

ZTEST_USER_P(ztest_param, test_user)
{
	char c = ZTEST_GET_PARAM(char);

	zassert_true(c == 'a' || c == 'b');
	ran_user++;
}
ZTEST_INSTANTIATE_TEST_SUITE_P(chars, ztest_param, test_user, user_vals);

/* ---- A plain test sees no parameter ---- */

ZTEST(ztest_param, test_plain)
{
	zassert_false(ztest_has_current_param());
	zassert_is_null(ztest_get_current_param());
	zassert_equal(ztest_get_current_param_index(), 0U);
}

/* ---- Last: every value ran once, as its own case ---- */

ZTEST(ztest_param, test_z_counts)
{
	uint32_t s = 7U;

	zassert_equal(ran_int, 5);
	zassert_equal(sum_int, 1 + 2 + 3 + 10 + 100);
	zassert_equal(ran_struct, 3);
	zassert_equal(ran_range, 4);
	zassert_equal(sum_range, 0 + 3 + 6 + 9);
	zassert_equal(ran_gen, 4);
	zassert_equal(gen_setup_calls, 1, "the generator's setup runs once");
	for (size_t i = 0; i < ARRAY_SIZE(gen_seen); i++) {
		s = s * 3U + (uint32_t)i;
		zassert_equal(gen_seen[i], s, "generated value %zu", i);
	}
	zassert_equal(ran_none, 1);
	zassert_equal(ran_user, 2);
}

ZTEST_SUITE(ztest_param, NULL, param_setup, NULL, NULL, NULL);
