/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Thread run-time accounting (CONFIG_THREAD_RUNTIME_STATS / CONFIG_SCHED_THREAD_USAGE): at every
 * switch the window that ends is charged to the thread that ran, or to idle when nothing could.
 *
 * What a cycle is (k_cycle_get_64 counts nanoseconds, 1 GHz):
 * - real time (default): a thread's window is the CPU time its host thread used
 *   (CLOCK_THREAD_CPUTIME_ID: the runtime's formatting and kernel work for it included, time
 *   the host machine gave to other processes excluded) plus the k_busy_wait() time (which
 *   sleeps on the host instead of spinning); an idle window is wall-clock time.
 * - --no-rt: one deterministic clock, the virtual time plus a modelled cost: every kernel call
 *   that is a scheduling point (k_yield, k_sleep, blocking and waking calls: where the runtime
 *   checks its caller) costs Z_HOST_USAGE_CALL_CYCLES, k_busy_wait(us) costs us microseconds,
 *   everything else is free. The modelled cost does not move the virtual clock (timeouts and
 *   log timestamps are unchanged); idle windows are the virtual time the clock jumped.
 */
#define _GNU_SOURCE
#include <time.h>

#include "host_clock.h"
#include "host_thread.h"
#include "kernel_internal.h"
#include "thread_usage.h"

#if defined(CONFIG_THREAD_RUNTIME_STATS) || defined(CONFIG_SCHED_THREAD_USAGE)

static uint64_t modelled_cycles; /* --no-rt: cost charged on top of the virtual time */

static struct k_thread *win_thread; /* whose window is open (NULL: idle) */
static bool win_open;
static uint64_t win_start;

static struct k_cycle_stats cpu_usage; /* non-idle cycles, windows of non-idle activity */
static uint64_t idle_cycles;
static bool cpu_tracking = true;

static uint64_t ts_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* The clock a window of @p thread (NULL: idle) is measured with, read on its own host thread. */
static uint64_t window_clock(const struct k_thread *thread)
{
	if (z_host_virtual_time) {
		return z_host_uptime_ns() + modelled_cycles;
	}
	return ts_ns(thread != NULL ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC);
}

static void charge(struct k_thread *t, uint64_t cycles)
{
	if (t != NULL && t->base.usage.track_usage) {
		t->base.usage.total += cycles;
		t->base.usage.current += cycles;
		if (t->base.usage.longest < t->base.usage.current) {
			t->base.usage.longest = t->base.usage.current;
		}
	}
	if (!cpu_tracking) {
		return;
	}
	if (t != NULL) {
		cpu_usage.total += cycles;
		cpu_usage.current += cycles;
		if (cpu_usage.longest < cpu_usage.current) {
			cpu_usage.longest = cpu_usage.current;
		}
	} else {
		idle_cycles += cycles;
	}
}

/* Charge the open window up to now; it stays open from now on (for reads of live figures). */
static void sync_window(void)
{
	if (!win_open) {
		return;
	}
	uint64_t now = window_clock(win_thread);

	charge(win_thread, now - win_start);
	win_start = now;
}

static void stop_window(void)
{
	sync_window();
	win_open = false;
}

static void start_thread_window(struct k_thread *t, bool new_window)
{
	if (new_window && t->base.usage.track_usage) {
		t->base.usage.num_windows++;
		t->base.usage.current = 0;
	}
	win_thread = t;
	win_start = window_clock(t);
	win_open = true;
}

void z_host_usage_switch_out(void)
{
	stop_window();
}

void z_host_usage_switched_in(struct k_thread *t)
{
	stop_window();
	start_thread_window(t, true);
}

void z_host_usage_idle_begin(void)
{
	stop_window();
	/* Zephyr's idle thread ends the CPU's current window of activity. */
	if (cpu_tracking) {
		cpu_usage.current = 0;
		cpu_usage.num_windows++;
	}
	win_thread = NULL;
	win_start = window_clock(NULL);
	win_open = true;
}

void z_host_usage_idle_end(void)
{
	stop_window();
	/* The scheduler goes on on the thread that idled, until it switches: charge that to it. */
	struct k_thread *cur = k_current_get();

	if (cur != NULL && z_host_self != NULL && z_host_self->thread == cur &&
	    !z_is_thread_dead(cur)) {
		start_thread_window(cur, false);
	}
}

void z_host_usage_kernel_call(void)
{
	if (z_host_virtual_time && win_open && win_thread != NULL) {
		modelled_cycles += Z_HOST_USAGE_CALL_CYCLES;
	}
}

void z_host_usage_busy_wait(uint64_t ns)
{
	/* Under --no-rt the virtual clock moves by ns inside the window already. */
	if (!z_host_virtual_time && win_open && win_thread != NULL) {
		win_start -= ns;
	}
}

void z_host_usage_thread_get(struct k_thread *t, struct k_cycle_stats *out)
{
	if (win_open && win_thread == t) {
		sync_window();
	}
	*out = t->base.usage;
}

void z_host_usage_cpu_get(struct k_cycle_stats *out, uint64_t *idle)
{
	if (win_open && (win_thread == NULL || win_thread == k_current_get())) {
		sync_window();
	}
	*out = cpu_usage;
	*idle = idle_cycles;
}

void z_host_usage_cpu_track(bool on)
{
	if (on == cpu_tracking) {
		return;
	}
	sync_window();
	cpu_tracking = on;
	if (on) {
		cpu_usage.num_windows++;
		cpu_usage.current = 0;
	}
}

#else /* no run-time statistics: nothing is gathered, and the switch path pays nothing */

void z_host_usage_switch_out(void)
{
}
void z_host_usage_switched_in(struct k_thread *t)
{
	(void)t;
}
void z_host_usage_idle_begin(void)
{
}
void z_host_usage_idle_end(void)
{
}
void z_host_usage_kernel_call(void)
{
}
void z_host_usage_busy_wait(uint64_t ns)
{
	(void)ns;
}
void z_host_usage_thread_get(struct k_thread *t, struct k_cycle_stats *out)
{
	*out = t->base.usage;
}
void z_host_usage_cpu_get(struct k_cycle_stats *out, uint64_t *idle)
{
	*out = (struct k_cycle_stats){0};
	*idle = 0;
}
void z_host_usage_cpu_track(bool on)
{
	(void)on;
}

#endif
