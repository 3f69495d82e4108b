/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Kernel time: timeouts (k_timeout_t, K_MSEC...), uptime and cycle counter.
 *
 * Timeouts count ticks of CONFIG_SYS_CLOCK_TICKS_PER_SECOND. Relative timeouts round up to
 * whole ticks, so a thread never wakes before the time it asked for.
 */
#ifndef ZEPHYR_INCLUDE_SYS_CLOCK_H_
#define ZEPHYR_INCLUDE_SYS_CLOCK_H_

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef CONFIG_SYS_CLOCK_TICKS_PER_SECOND
#define CONFIG_SYS_CLOCK_TICKS_PER_SECOND 10000
#endif
#ifndef CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC
#define CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC 1000000000
#endif

/** @brief Tick count type. */
typedef int64_t k_ticks_t;

/** @brief A timeout: a tick count, K_FOREVER (-1) or K_NO_WAIT (0). */
typedef struct {
	k_ticks_t ticks; /**< Relative ticks; K_TICKS_FOREVER means never. */
} k_timeout_t;

/** @brief The tick count meaning "forever". */
#define K_TICKS_FOREVER ((k_ticks_t)-1)

#define Z_TIMEOUT_TICKS(t) ((k_timeout_t){.ticks = (t)})
/** @brief Do not wait. */
#define K_NO_WAIT Z_TIMEOUT_TICKS(0)
/** @brief Wait as long as needed. */
#define K_FOREVER Z_TIMEOUT_TICKS(K_TICKS_FOREVER)

/* Round-up conversions to ticks (timeouts never end early). */
#define Z_HZ_TICKS CONFIG_SYS_CLOCK_TICKS_PER_SECOND
#define Z_CEIL_TICKS(n, per_sec)                                                                   \
	((k_ticks_t)((((uint64_t)(n)) * Z_HZ_TICKS + (per_sec) - 1) / (per_sec)))
#define Z_NONNEG(n) (((int64_t)(n)) < 0 ? 0 : (n))

/** @brief Timeout of @p t ticks. */
#define K_TICKS(t)   Z_TIMEOUT_TICKS((k_ticks_t)Z_NONNEG(t))
/** @brief Timeout of @p ns nanoseconds. */
#define K_NSEC(ns)   Z_TIMEOUT_TICKS(Z_CEIL_TICKS(Z_NONNEG(ns), 1000000000ULL))
/** @brief Timeout of @p us microseconds. */
#define K_USEC(us)   Z_TIMEOUT_TICKS(Z_CEIL_TICKS(Z_NONNEG(us), 1000000ULL))
/** @brief Timeout of @p ms milliseconds. */
#define K_MSEC(ms)   Z_TIMEOUT_TICKS(Z_CEIL_TICKS(Z_NONNEG(ms), 1000ULL))
/** @brief Timeout of @p s seconds. */
#define K_SECONDS(s) K_MSEC((int64_t)(s) * 1000)
/** @brief Timeout of @p m minutes. */
#define K_MINUTES(m) K_SECONDS((int64_t)(m) * 60)
/** @brief Timeout of @p h hours. */
#define K_HOURS(h)   K_MINUTES((int64_t)(h) * 60)

/** @brief True if two timeouts are equal. */
#define K_TIMEOUT_EQ(a, b) ((a).ticks == (b).ticks)

/** @brief Convert milliseconds to ticks, rounding up. */
static inline uint64_t k_ms_to_ticks_ceil64(uint64_t ms)
{
	return (ms * Z_HZ_TICKS + 999U) / 1000U;
}
/** @brief Convert ticks to milliseconds, rounding down. */
static inline uint64_t k_ticks_to_ms_floor64(uint64_t t)
{
	return t * 1000U / Z_HZ_TICKS;
}
/** @brief Convert ticks to milliseconds, rounding up. */
static inline uint64_t k_ticks_to_ms_ceil64(uint64_t t)
{
	return (t * 1000U + Z_HZ_TICKS - 1U) / Z_HZ_TICKS;
}
/** @brief Convert ticks to milliseconds, rounding down (32-bit). */
static inline uint32_t k_ticks_to_ms_floor32(uint32_t t)
{
	return (uint32_t)k_ticks_to_ms_floor64(t);
}
/** @brief Convert ticks to microseconds, rounding down. */
static inline uint64_t k_ticks_to_us_floor64(uint64_t t)
{
	return t * 1000000U / Z_HZ_TICKS;
}
/** @brief Convert milliseconds to ticks, rounding up (32-bit). */
static inline uint32_t k_ms_to_ticks_ceil32(uint32_t ms)
{
	return (uint32_t)k_ms_to_ticks_ceil64(ms);
}
/** @brief Convert microseconds to ticks, rounding up. */
static inline uint64_t k_us_to_ticks_ceil64(uint64_t us)
{
	return (us * Z_HZ_TICKS + 999999U) / 1000000U;
}
/** @brief Convert ticks to microseconds, rounding up. */
static inline uint64_t k_ticks_to_us_ceil64(uint64_t t)
{
	return (t * 1000000U + Z_HZ_TICKS - 1U) / Z_HZ_TICKS;
}
/** @brief Convert ticks to nanoseconds, rounding down. */
static inline uint64_t k_ticks_to_ns_floor64(uint64_t t)
{
	return t * 1000000000ULL / Z_HZ_TICKS;
}
/** @brief Convert hardware cycles to nanoseconds, rounding down. */
static inline uint64_t k_cyc_to_ns_floor64(uint64_t c)
{
	return c * 1000000000ULL / CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC;
}
/** @brief Convert hardware cycles to microseconds, rounding down. */
static inline uint64_t k_cyc_to_us_floor64(uint64_t c)
{
	return c * 1000000ULL / CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC;
}
/** @brief Convert hardware cycles to microseconds, rounding down (32-bit). */
static inline uint32_t k_cyc_to_us_floor32(uint32_t c)
{
	return (uint32_t)k_cyc_to_us_floor64(c);
}
/** @brief Convert hardware cycles to milliseconds, rounding down (32-bit). */
static inline uint32_t k_cyc_to_ms_floor32(uint32_t c)
{
	return (uint32_t)(c * 1000ULL / CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC);
}

/** @brief Ticks since boot. */
int64_t k_uptime_ticks(void);
/** @brief Milliseconds since boot. */
int64_t k_uptime_get(void);
/** @brief Milliseconds since boot, truncated to 32 bits. */
uint32_t k_uptime_get_32(void);
/** @brief Whole seconds since boot. */
static inline uint32_t k_uptime_seconds(void)
{
	return (uint32_t)(k_uptime_get() / 1000);
}
/** @brief Milliseconds elapsed since *reftime; updates *reftime to now. */
int64_t k_uptime_delta(int64_t *reftime);
/** @brief The hardware cycle counter (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC). */
uint32_t k_cycle_get_32(void);
/** @brief The 64-bit hardware cycle counter. */
uint64_t k_cycle_get_64(void);
/** @brief Rate of the cycle counter, in Hz. */
uint32_t sys_clock_hw_cycles_per_sec(void);
/** @brief Tick count since boot (Zephyr's sys_clock_tick_get). */
int64_t sys_clock_tick_get(void);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_CLOCK_H_ */
