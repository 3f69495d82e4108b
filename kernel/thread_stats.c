/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Thread run-time statistics calls (Zephyr's k_thread_runtime_stats_*), over the accounting the
 * runtime keeps at every switch (arch/host/thread_usage.c). The analysis figures follow Zephyr:
 * a window is one stretch of running (a thread: from a switch-in to the next switch-out; the
 * CPU: from the end of one idle period to the start of the next), average = total / windows.
 */
#include <errno.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "thread_usage.h"

LOG_MODULE_DECLARE(os, CONFIG_LOG_DEFAULT_LEVEL);

#if defined(CONFIG_THREAD_RUNTIME_STATS) || defined(CONFIG_SCHED_THREAD_USAGE)
#define Z_USAGE 1
#else
#define Z_USAGE 0
#endif

static void fill_analysis(k_thread_runtime_stats_t *stats, const struct k_cycle_stats *u)
{
#ifdef CONFIG_SCHED_THREAD_USAGE_ANALYSIS
	stats->current_cycles = u->current;
	stats->peak_cycles = u->longest;
	stats->average_cycles = u->num_windows != 0U ? u->total / u->num_windows : 0U;
#else
	(void)stats;
	(void)u;
#endif
}

int k_thread_runtime_stats_get(k_tid_t thread, k_thread_runtime_stats_t *stats)
{
	if (thread == NULL || stats == NULL) {
		return -EINVAL;
	}
	*stats = (k_thread_runtime_stats_t){0};
	if (!Z_USAGE) {
		return 0;
	}
	struct k_cycle_stats u;

	z_host_usage_thread_get(thread, &u);
	stats->execution_cycles = u.total;
	stats->total_cycles = u.total;
	fill_analysis(stats, &u);
	return 0;
}

int k_thread_runtime_stats_all_get(k_thread_runtime_stats_t *stats)
{
	if (stats == NULL) {
		return -EINVAL;
	}
	*stats = (k_thread_runtime_stats_t){0};
	if (!Z_USAGE) {
		return 0;
	}
	struct k_cycle_stats u;
	uint64_t idle;

	z_host_usage_cpu_get(&u, &idle);
	stats->total_cycles = u.total;
	stats->idle_cycles = idle;
	stats->execution_cycles = u.total + idle;
	fill_analysis(stats, &u);
	return 0;
}

int k_thread_runtime_stats_cpu_get(int cpu, k_thread_runtime_stats_t *stats)
{
	if (stats == NULL || cpu != 0) {
		/* Zephyr asserts on a CPU that does not exist; the host has CPU 0 only. */
		if (stats != NULL) {
			LOG_ERR("k_thread_runtime_stats_cpu_get: no CPU %d (the host runs CPU 0)",
				cpu);
		}
		return -EINVAL;
	}
	return k_thread_runtime_stats_all_get(stats);
}

int k_thread_runtime_stats_enable(k_tid_t thread)
{
	if (thread == NULL) {
		return -EINVAL;
	}
	if (!thread->base.usage.track_usage) {
		thread->base.usage.track_usage = true;
		thread->base.usage.num_windows++;
		thread->base.usage.current = 0;
	}
	return 0;
}

int k_thread_runtime_stats_disable(k_tid_t thread)
{
	if (thread == NULL) {
		return -EINVAL;
	}
	if (thread->base.usage.track_usage) {
		struct k_cycle_stats u;

		/* What it ran until now still counts. */
		z_host_usage_thread_get(thread, &u);
		thread->base.usage.track_usage = false;
	}
	return 0;
}

void k_sys_runtime_stats_enable(void)
{
	z_host_usage_cpu_track(true);
}

void k_sys_runtime_stats_disable(void)
{
	z_host_usage_cpu_track(false);
}
