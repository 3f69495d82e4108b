/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The timing API (<zephyr/timing/timing.h>, CONFIG_TIMING_FUNCTIONS): the counter follows the
 * kernel's cycle counter, cycle differences and their conversion to nanoseconds, averages,
 * the counter's frequency. Runs under virtual time (--no-rt) as well as in real time.
 */
#include <stdint.h>

#include <zephyr/kernel.h>
#include <zephyr/timing/timing.h>
#include <zephyr/ztest.h>

BUILD_ASSERT(sizeof(timing_t) == sizeof(uint64_t), "timing_t is Zephyr's 64-bit counter value");

ZTEST(timing, test_counter_measures_a_sleep)
{
	timing_t start;
	timing_t end;

	timing_init();
	timing_start();
	start = timing_counter_get();
	k_msleep(5);
	end = timing_counter_get();
	timing_stop();

	uint64_t cycles = timing_cycles_get(&start, &end);

	zassert_equal(cycles, end - start);
	zassert_true(timing_cycles_to_ns(cycles) >= 5U * 1000U * 1000U,
		     "a 5 ms sleep measured %llu ns",
		     (unsigned long long)timing_cycles_to_ns(cycles));
	zassert_true(timing_cycles_to_ns(cycles) < 1000U * 1000U * 1000U,
		     "a 5 ms sleep measured over a second");
}

ZTEST(timing, test_counter_is_the_cycle_counter)
{
	uint64_t before = k_cycle_get_64();
	timing_t now = timing_counter_get();
	uint64_t after = k_cycle_get_64();

	zassert_true(now >= before && now <= after);
}

ZTEST(timing, test_conversions)
{
	uint64_t hz = timing_freq_get();

	zassert_equal(hz, sys_clock_hw_cycles_per_sec());
	zassert_equal(timing_freq_get_mhz(), (uint32_t)(hz / 1000000U));
	/* One second of counter cycles is 10^9 ns, whatever the frequency. */
	zassert_equal(timing_cycles_to_ns(hz), 1000000000ULL);
	zassert_equal(timing_cycles_to_ns(0), 0U);
	zassert_equal(timing_cycles_to_ns_avg(hz * 4U, 4U), 1000000000ULL);
	zassert_equal(timing_cycles_to_ns_avg(hz, 0U), 0U, "no measurements: no average");
}

ZTEST_SUITE(timing, NULL, NULL, NULL, NULL, NULL);
