/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * ztest self-test: one value of a parameterised test fails, and exactly that case is reported
 * failed (tests/ztest/param_fail/expect_fail.txt; outside tests/ztest/param so that
 * twister does not count its tests as that scenario's); the others pass and the run goes on.
 */
#include <zephyr/ztest.h>

ZTEST_DEFINE_PARAM_VALUES(even_vals, int, 2, 4, 5, 8);

ZTEST_P(ztest_param_fail, test_even)
{
	int v = ZTEST_GET_PARAM(int);

	zassert_equal(v % 2, 0, "%d is odd", v);
}
ZTEST_INSTANTIATE_TEST_SUITE_P(vals, ztest_param_fail, test_even, even_vals);

static const char *const names[] = {"two", "three"};

static const char *name_of(size_t index, const void *value)
{
	(void)value;
	return names[index];
}

/* A value set with a name callback: its cases are named test[instance/name]. */
static const int named_arr[] = {2, 3};
static const struct ztest_param_values named_vals = {
    .values = named_arr,
    .count = 2,
    .elem_size = sizeof(int),
    .name_cb = name_of,
};

ZTEST_P(ztest_param_fail, test_named)
{
	zassert_equal(ZTEST_GET_PARAM(int), 2);
}
ZTEST_INSTANTIATE_TEST_SUITE_P(n, ztest_param_fail, test_named, named_vals);

ZTEST(ztest_param_fail, test_z_after)
{
}

ZTEST_SUITE(ztest_param_fail, NULL, NULL, NULL, NULL, NULL);
