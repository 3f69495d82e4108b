/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's thread analyzer: stack usage of every thread, main included.
 *
 * Both the older calls (thread_analyzer_run(cb), thread_analyzer_print()) and the newer ones
 * with a CPU number (thread_analyzer_run(cb, cpu), thread_analyzer_print(cpu)) are accepted;
 * the host has one CPU.
 */
#ifndef ZEPHYR_INCLUDE_DEBUG_THREAD_ANALYZER_H_
#define ZEPHYR_INCLUDE_DEBUG_THREAD_ANALYZER_H_

#include <stddef.h>

#include <zephyr/kernel.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief What the analyzer measured for one thread. */
struct thread_analyzer_info {
	const char *name;         /**< thread name, or its address when it has none */
	size_t stack_size;        /**< usable stack bytes */
	size_t stack_used;        /**< stack bytes touched so far (high-water mark) */
	/** CPU use in percent: the thread's execution cycles over all cycles since boot (idle
	 * included), as Zephyr computes it; 0 without CONFIG_THREAD_RUNTIME_STATS. */
	unsigned int utilization;
	k_thread_runtime_stats_t usage; /**< the thread's run-time statistics */
};

/** @brief Called once per thread by thread_analyzer_run(). */
typedef void (*thread_analyzer_cb)(struct thread_analyzer_info *info);

/** @brief Measure every live thread and call @p cb with each (CPU @p cpu; the host has one). */
void z_thread_analyzer_run(thread_analyzer_cb cb, unsigned int cpu);

/**
 * @brief Print "Thread analyze:" and one line per live thread in Zephyr's format:
 * `" %-20s: STACK: unused %zu usage %zu / %zu (%zu %%); CPU: %u %%"`, followed with
 * CONFIG_THREAD_RUNTIME_STATS by `"      %-20s: Total CPU cycles used: %llu"` (name blank) and
 * with CONFIG_SCHED_THREAD_USAGE_ANALYSIS by the current, longest and average frame.
 */
void z_thread_analyzer_print(unsigned int cpu);

/** @brief thread_analyzer_run(cb) or thread_analyzer_run(cb, cpu). */
#define thread_analyzer_run(cb, ...) z_thread_analyzer_run((cb), 0U)
/** @brief thread_analyzer_print() or thread_analyzer_print(cpu). */
#define thread_analyzer_print(...) z_thread_analyzer_print(__VA_ARGS__ + 0U)

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_DEBUG_THREAD_ANALYZER_H_ */
