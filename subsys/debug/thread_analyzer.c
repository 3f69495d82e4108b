/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Thread analyzer: stack high-water marks of every live thread, in Zephyr's format.
 *
 * The threads are measured first and printed afterwards, so that printing (which may block or
 * switch threads) never runs inside the kernel's thread iteration.
 */
#define _POSIX_C_SOURCE 200809L
#include <string.h>

#include <zephyr/debug/thread_analyzer.h>
#include <zephyr/kernel.h>
#include <zephyr/sys/printk.h>

#include "mem_protect.h"

#ifndef CONFIG_THREAD_ANALYZER_MAX_THREADS
#define CONFIG_THREAD_ANALYZER_MAX_THREADS 64
#endif

struct analyzed {
	char name[CONFIG_THREAD_MAX_NAME_LEN];
	size_t size;
	size_t used;
	unsigned int utilization;
	k_thread_runtime_stats_t usage;
};

#if defined(CONFIG_THREAD_RUNTIME_STATS) || defined(CONFIG_SCHED_THREAD_USAGE)
#define Z_ANALYZER_STATS 1
#else
#define Z_ANALYZER_STATS 0
#endif

struct analysis {
	struct analyzed threads[CONFIG_THREAD_ANALYZER_MAX_THREADS];
	size_t count;
	size_t skipped;
};

/*
 * "0x..." like %p, without stdio: this runs on the caller's stack, which may be small, and the
 * C library's formatting needs kilobytes.
 */
static void format_address(char *buf, size_t len, uintptr_t v)
{
	char digits[2 * sizeof(uintptr_t)];
	size_t n = 0;

	do {
		digits[n++] = "0123456789abcdef"[v & 0xFU];
		v >>= 4;
	} while (v != 0U);
	if (len < n + 3U) {
		buf[0] = '\0';
		return;
	}
	buf[0] = '0';
	buf[1] = 'x';
	for (size_t i = 0; i < n; i++) {
		buf[2 + i] = digits[n - 1U - i];
	}
	buf[2 + n] = '\0';
}

static void measure(const struct k_thread *t, void *user_data)
{
	struct analysis *a = user_data;
	size_t unused = 0;

	if (a->count == CONFIG_THREAD_ANALYZER_MAX_THREADS) {
		a->skipped++;
		return;
	}
	if (z_impl_k_thread_stack_space_get(t, &unused) != 0) {
		return;
	}
	struct analyzed *e = &a->threads[a->count++];

	if (t->name[0] != '\0') {
		size_t n = strnlen(t->name, sizeof(e->name) - 1U);

		memcpy(e->name, t->name, n);
		e->name[n] = '\0';
	} else {
		format_address(e->name, sizeof(e->name), (uintptr_t)t);
	}
	e->size = t->stack_info.size;
	e->used = t->stack_info.size - unused;
	e->utilization = 0;
	/* CPU share as Zephyr's analyzer computes it: of every cycle since boot, idle included. */
	k_thread_runtime_stats_t all;

	if (k_thread_runtime_stats_get((k_tid_t)t, &e->usage) == 0 &&
	    k_thread_runtime_stats_all_get(&all) == 0 && all.execution_cycles != 0U) {
		e->utilization = (unsigned int)(e->usage.execution_cycles * 100U /
						all.execution_cycles);
	}
}

/*
 * Static, not on the caller's stack: it is too large for the small stacks applications call
 * this from. Threads are only switched inside kernel calls, and measuring makes none.
 */
static struct analysis analysis;

static size_t take_analysis(struct analysis *copy, size_t max)
{
	analysis.count = 0;
	analysis.skipped = 0;
	k_thread_foreach(measure, &analysis);
	size_t n = analysis.count < max ? analysis.count : max;

	for (size_t i = 0; i < n; i++) {
		copy->threads[i] = analysis.threads[i];
	}
	copy->count = n;
	copy->skipped = analysis.skipped;
	return n;
}

static struct analysis result;

void z_thread_analyzer_run(thread_analyzer_cb cb, unsigned int cpu)
{
	(void)cpu;
	size_t n = take_analysis(&result, CONFIG_THREAD_ANALYZER_MAX_THREADS);

	for (size_t i = 0; i < n; i++) {
		struct thread_analyzer_info info = {
			.name = result.threads[i].name,
			.stack_size = result.threads[i].size,
			.stack_used = result.threads[i].used,
			.utilization = result.threads[i].utilization,
			.usage = result.threads[i].usage,
		};

		cb(&info);
	}
}

static void print_one(struct thread_analyzer_info *info)
{
	size_t pcnt = info->stack_size != 0U ? info->stack_used * 100U / info->stack_size : 0U;

	printk(" %-20s: STACK: unused %zu usage %zu / %zu (%zu %%); CPU: %u %%\n", info->name,
	       info->stack_size - info->stack_used, info->stack_used, info->stack_size, pcnt,
	       info->utilization);
	if (Z_ANALYZER_STATS) {
		printk("      %-20s: Total CPU cycles used: %llu\n", "",
		       (unsigned long long)info->usage.total_cycles);
	}
#ifdef CONFIG_SCHED_THREAD_USAGE_ANALYSIS
	printk("      %-20s  - Current Frame: %llu; Longest Frame: %llu; Average Frame: %llu\n",
	       "", (unsigned long long)info->usage.current_cycles,
	       (unsigned long long)info->usage.peak_cycles,
	       (unsigned long long)info->usage.average_cycles);
#endif
}

void z_thread_analyzer_print(unsigned int cpu)
{
	printk("Thread analyze:\n");
	z_thread_analyzer_run(print_one, cpu);
	if (result.skipped != 0U) {
		printk(" (%zu more threads not shown: CONFIG_THREAD_ANALYZER_MAX_THREADS)\n",
		       result.skipped);
	}
}
