/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The clock of ztest's single-thread runner on a hosted build (host, -m32): it overrides the
 * runner's weak ztest_uptime_ms() (0 on boards without a clock), so the core's test programs
 * report each test case's duration as Zephyr's ztest does.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <time.h>

/* Milliseconds since the first call. */
uint32_t ztest_uptime_ms(void);

uint32_t ztest_uptime_ms(void)
{
	static struct timespec start;
	static int started;
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!started) {
		start = now;
		started = 1;
	}
	return (uint32_t)((now.tv_sec - start.tv_sec) * 1000 +
			  (now.tv_nsec - start.tv_nsec) / 1000000);
}
