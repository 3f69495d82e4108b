/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The runtime's clock. Real time (default) follows CLOCK_MONOTONIC from boot; virtual time
 * (--no-rt) only moves when every thread waits (it jumps to the next timeout) or in
 * k_busy_wait(), so timeout tests are instant and deterministic.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <time.h>

#include "host_clock.h"
#include "kernel_internal.h"
#include "thread_usage.h"

#define HOST_NSEC_PER_SEC 1000000000ULL

static struct timespec boot_ts;
/* Set by z_host_clock_init() when the kernel boots: before that (constructors, such as
 * K_HEAP_DEFINE's, and anything else that logs before the boot banner) the uptime is 0, as on
 * a board whose system timer has not started yet. */
static bool clock_started;
static uint64_t virtual_ns;
bool z_host_virtual_time;
/* --stop_at in ns of uptime; 0: none. */
uint64_t z_host_stop_at_ns;

void z_host_clock_init(void)
{
	clock_gettime(CLOCK_MONOTONIC, &boot_ts);
	clock_started = true;
}

static uint64_t real_ns(void)
{
	struct timespec now;

	if (!clock_started) {
		return 0;
	}
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (uint64_t)(now.tv_sec - boot_ts.tv_sec) * HOST_NSEC_PER_SEC + (uint64_t)now.tv_nsec -
	       (uint64_t)boot_ts.tv_nsec;
}

uint64_t z_host_uptime_ns(void)
{
	return z_host_virtual_time ? virtual_ns : real_ns();
}

uint64_t z_host_uptime_us(void)
{
	return z_host_uptime_ns() / 1000U;
}

static int64_t ns_to_ticks_floor(uint64_t ns)
{
	return (int64_t)((ns / HOST_NSEC_PER_SEC) * z_host_ticks_per_sec +
			 (ns % HOST_NSEC_PER_SEC) * z_host_ticks_per_sec / HOST_NSEC_PER_SEC);
}

static uint64_t ticks_to_ns_ceil(int64_t ticks)
{
	uint64_t t = (uint64_t)ticks;

	return (t / z_host_ticks_per_sec) * HOST_NSEC_PER_SEC +
	       ((t % z_host_ticks_per_sec) * HOST_NSEC_PER_SEC + z_host_ticks_per_sec - 1U) /
		       z_host_ticks_per_sec;
}

int64_t z_host_now_ticks(void)
{
	return ns_to_ticks_floor(z_host_uptime_ns());
}

static void sleep_until_ns(uint64_t target)
{
	struct timespec ts;
	uint64_t abs_ns = (uint64_t)boot_ts.tv_sec * HOST_NSEC_PER_SEC + (uint64_t)boot_ts.tv_nsec + target;

	ts.tv_sec = (time_t)(abs_ns / HOST_NSEC_PER_SEC);
	ts.tv_nsec = (long)(abs_ns % HOST_NSEC_PER_SEC);
	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR) {
	}
}

static void advance_to_ns(uint64_t target)
{
	if (z_host_virtual_time) {
		if (target > virtual_ns) {
			virtual_ns = target;
		}
	} else {
		sleep_until_ns(target);
	}
}

static void stop_now(void *arg)
{
	(void)arg;
	fflush(stdout);
	fprintf(stderr, "zmem: stopped at %.3f s (--stop_at)\n",
		(double)z_host_stop_at_ns / (double)HOST_NSEC_PER_SEC);
	z_host_exit(0);
}

void z_host_check_stop(void)
{
	if (z_host_stop_at_ns != 0U && z_host_uptime_ns() >= z_host_stop_at_ns) {
		/* Kernel calls run on the thread's own (small) stack; exit() and stdio do not. */
		z_host_run_on_runtime_stack(stop_now, NULL);
	}
}

void z_host_idle_until(int64_t deadline)
{
	uint64_t target = ticks_to_ns_ceil(deadline);

	/* Nothing runs while the clock waits or jumps: idle time for the run-time statistics. */
	z_host_usage_idle_begin();
	if (z_host_stop_at_ns != 0U && target >= z_host_stop_at_ns) {
		advance_to_ns(z_host_stop_at_ns);
		z_host_check_stop();
	}
	advance_to_ns(target);
	z_host_usage_idle_end();
}

void z_host_busy_wait_until(uint64_t target_ns)
{
	uint64_t now = z_host_uptime_ns();

	if (target_ns <= now) {
		return;
	}
	/* Real time sleeps instead of spinning (the host is shared): the wait counts as the
	 * thread's run time, as the busy loop it stands for would, including the host's lateness
	 * in waking it (a spinning thread would have spun that long too). Virtual time jumps, and
	 * its run time already moves with the clock (the usage call does nothing there). */
	advance_to_ns(target_ns);
	z_host_usage_busy_wait(z_host_uptime_ns() - now);
}

uint64_t z_host_tick_ns(int64_t tick)
{
	return tick <= 0 ? 0U : ticks_to_ns_ceil(tick);
}

int64_t k_uptime_ticks(void)
{
	return z_host_now_ticks();
}

int64_t sys_clock_tick_get(void)
{
	return z_host_now_ticks();
}

int64_t k_uptime_get(void)
{
	return (int64_t)(z_host_uptime_ns() / 1000000U);
}

uint32_t k_uptime_get_32(void)
{
	return (uint32_t)k_uptime_get();
}

int64_t k_uptime_delta(int64_t *reftime)
{
	int64_t now = k_uptime_get();
	int64_t delta = now - *reftime;

	*reftime = now;
	return delta;
}

/* The cycle counter counts nanoseconds: CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC is 1 GHz. */
uint64_t k_cycle_get_64(void)
{
	return z_host_uptime_ns();
}

uint32_t k_cycle_get_32(void)
{
	return (uint32_t)z_host_uptime_ns();
}

uint32_t sys_clock_hw_cycles_per_sec(void)
{
	return (uint32_t)HOST_NSEC_PER_SEC;
}
