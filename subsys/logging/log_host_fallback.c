/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Stand-ins for the host runtime's clock and stack switch, compiled only while the tree
 * has no arch/host runtime (see CMakeLists.txt): uptime from CLOCK_MONOTONIC, formatting on the
 * caller's stack.
 */
#define _POSIX_C_SOURCE 200809L

#include <time.h>

#include "log_host.h"

static uint64_t monotonic_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static uint64_t boot_us;

__attribute__((constructor)) static void record_boot_time(void)
{
	boot_us = monotonic_us();
}

uint64_t z_host_uptime_us(void)
{
	return monotonic_us() - boot_us;
}

void z_host_run_on_runtime_stack(void (*fn)(void *), void *arg)
{
	fn(arg);
}
