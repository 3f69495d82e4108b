/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's timing API: a high-resolution counter for measuring code.
 *
 * Declared with CONFIG_TIMING_FUNCTIONS only, as on Zephyr. The counter is the kernel's cycle
 * counter, k_cycle_get_64(), which counts nanoseconds on the host; it never stops, so
 * timing_init(), timing_start() and timing_stop() have nothing to do. Everything is inline:
 * the API needs no library of its own.
 */
#ifndef ZEPHYR_INCLUDE_TIMING_TIMING_H_
#define ZEPHYR_INCLUDE_TIMING_TIMING_H_

#include <stdint.h>

#include <zephyr/sys_clock.h>
#include <zephyr/sys/time_units.h>
#include <zephyr/timing/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(CONFIG_TIMING_FUNCTIONS) && CONFIG_TIMING_FUNCTIONS

/** @brief Initialize the timing subsystem (nothing to do on the host). */
static inline void timing_init(void)
{
}

/** @brief Start gathering timing information (the host counter always runs). */
static inline void timing_start(void)
{
}

/** @brief Stop gathering timing information. */
static inline void timing_stop(void)
{
}

/** @brief The timing counter now. */
static inline timing_t timing_counter_get(void)
{
	return k_cycle_get_64();
}

/**
 * @brief Counter cycles from @p start to @p end (two timing_counter_get() values).
 *
 * @return @p end minus @p start.
 */
static inline uint64_t timing_cycles_get(volatile timing_t *const start,
					 volatile timing_t *const end)
{
	return *end - *start;
}

/** @brief Frequency of the timing counter in Hz. */
static inline uint64_t timing_freq_get(void)
{
	return sys_clock_hw_cycles_per_sec();
}

/** @brief @p cycles of the timing counter in nanoseconds (rounded down). */
static inline uint64_t timing_cycles_to_ns(uint64_t cycles)
{
	return k_cyc_to_ns_floor64(cycles);
}

/**
 * @brief The average in nanoseconds of @p count measurements totalling @p cycles.
 *
 * @return 0 when @p count is 0 (Zephyr divides by it).
 */
static inline uint64_t timing_cycles_to_ns_avg(uint64_t cycles, uint32_t count)
{
	return count == 0U ? 0U : timing_cycles_to_ns(cycles) / count;
}

/** @brief Frequency of the timing counter in MHz. */
static inline uint32_t timing_freq_get_mhz(void)
{
	return (uint32_t)(timing_freq_get() / 1000000U);
}

#endif /* CONFIG_TIMING_FUNCTIONS */

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_TIMING_TIMING_H_ */
