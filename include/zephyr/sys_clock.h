/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Kernel time: timeouts (k_timeout_t, K_MSEC...), uptime and cycle counter.
 *
 * Timeouts count ticks of CONFIG_SYS_CLOCK_TICKS_PER_SEC. Relative timeouts round up to
 * whole ticks, so a thread never wakes before the time it asked for.
 */
#ifndef ZEPHYR_INCLUDE_SYS_CLOCK_H_
#define ZEPHYR_INCLUDE_SYS_CLOCK_H_

#include <stdbool.h>
#include <stdint.h>
#include <zephyr/sys/time_units.h>

#ifdef __cplusplus
extern "C" {
#endif

/* CONFIG_SYS_CLOCK_TICKS_PER_SEC and CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC, when no configuration
 * sets them, take their defaults in <zephyr/sys/time_units.h> (included above), the one place
 * they are written. */

/** @brief Tick count type. */
typedef int64_t k_ticks_t;

/**
 * @brief A timeout: a tick count, K_FOREVER (-1) or K_NO_WAIT (0), or an absolute tick made by
 * K_TIMEOUT_ABS_TICKS() and its kin (stored as -2 - tick, Zephyr's encoding).
 */
typedef struct {
	k_ticks_t ticks; /**< Relative ticks, K_TICKS_FOREVER, or Z_TICK_ABS(absolute tick). */
} k_timeout_t;

/** @brief The tick count meaning "forever". */
#define K_TICKS_FOREVER ((k_ticks_t)-1)

/** @brief Timeout of @p t ticks, unchecked. */
#define Z_TIMEOUT_TICKS(t) ((k_timeout_t){.ticks = (t)})
/** @brief K_NO_WAIT's value, usable where a compound literal is not. */
#define Z_TIMEOUT_NO_WAIT  Z_TIMEOUT_TICKS(0)
/** @brief K_FOREVER's value. */
#define Z_FOREVER          Z_TIMEOUT_TICKS(K_TICKS_FOREVER)
/** @brief Timeout of @p t milliseconds (rounded up to ticks; negative means 0). */
#define Z_TIMEOUT_MS(t)    Z_TIMEOUT_TICKS((k_ticks_t)k_ms_to_ticks_ceil64(Z_NONNEG(t)))
/** @brief Timeout of @p t microseconds (rounded up to ticks). */
#define Z_TIMEOUT_US(t)    Z_TIMEOUT_TICKS((k_ticks_t)k_us_to_ticks_ceil64(Z_NONNEG(t)))
/** @brief Timeout of @p t nanoseconds (rounded up to ticks). */
#define Z_TIMEOUT_NS(t)    Z_TIMEOUT_TICKS((k_ticks_t)k_ns_to_ticks_ceil64(Z_NONNEG(t)))
/** @brief Timeout of @p t hardware cycles (rounded up to ticks). */
#define Z_TIMEOUT_CYC(t)   Z_TIMEOUT_TICKS((k_ticks_t)k_cyc_to_ticks_ceil64(Z_NONNEG(t)))
/** @brief Do not wait. */
#define K_NO_WAIT Z_TIMEOUT_TICKS(0)
/** @brief Wait as long as needed. */
#define K_FOREVER Z_TIMEOUT_TICKS(K_TICKS_FOREVER)

/* Round-up conversions to ticks (timeouts never end early). */
#define Z_HZ_TICKS CONFIG_SYS_CLOCK_TICKS_PER_SEC
#define Z_CEIL_TICKS(n, per_sec)                                                                   \
	((k_ticks_t)((((uint64_t)(n)) * Z_HZ_TICKS + (per_sec) - 1) / (per_sec)))
/* (n) > 0, not (n) < 0: an unsigned argument, K_MSEC(a_uint8), must not draw -Wtype-limits. */
#define Z_NONNEG(n) ((n) > 0 ? (n) : 0)

/**
 * @brief Timeout of @p t ticks. K_TICKS(K_TICKS_FOREVER) is K_FOREVER, as on Zephyr (whose
 * K_TICKS stores @p t unchanged; Zephyr's tests pass K_TICKS_FOREVER through it); any other
 * negative value is K_NO_WAIT (Zephyr would read it as an absolute timeout; K_TIMEOUT_ABS_TICKS
 * is the way to make one). @p t may be evaluated twice.
 */
#define K_TICKS(t)                                                                                 \
	Z_TIMEOUT_TICKS(((k_ticks_t)(t)) == K_TICKS_FOREVER ? K_TICKS_FOREVER                      \
							    : (k_ticks_t)Z_NONNEG(t))
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

/** @brief Timeout of @p t hardware cycles. */
#define K_CYC(t)     Z_TIMEOUT_TICKS(Z_CEIL_TICKS(Z_NONNEG(t), (uint64_t)CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC))

/** @brief True if two timeouts are equal. */
#define K_TIMEOUT_EQ(a, b) ((a).ticks == (b).ticks)

/*
 * Absolute timeouts (Zephyr's CONFIG_TIMEOUT_64BIT API): a timeout that ends at a given tick
 * since boot, not after a given time. Zephyr stores tick t as -2 - t in the same field, below
 * K_TICKS_FOREVER, so a k_timeout_t stays one integer and every call taking a timeout takes
 * these too; zmem uses the same encoding (the tests compare the encoded values).
 */
/** @brief Encodes absolute tick @p t (and decodes it again: the mapping is its own inverse). */
#define Z_TICK_ABS(t) (K_TICKS_FOREVER - 1 - (t))
/** @brief True when @p timeout is relative (K_NO_WAIT and K_FOREVER included). */
#define Z_IS_TIMEOUT_RELATIVE(timeout) (Z_TICK_ABS((timeout).ticks) < 0)
/** @brief Timeout ending at tick @p t since boot (negative: tick 0; a past tick ends at once). */
#define K_TIMEOUT_ABS_TICKS(t)                                                                     \
	Z_TIMEOUT_TICKS(Z_TICK_ABS((k_ticks_t)((int64_t)(t) > 0 ? (int64_t)(t) : 0)))
/** @brief Timeout ending @p t seconds after boot. */
#define K_TIMEOUT_ABS_SEC(t) K_TIMEOUT_ABS_TICKS(k_ms_to_ticks_ceil64((uint64_t)(t) * 1000U))
/** @brief Timeout ending @p t milliseconds after boot (rounded up to a tick). */
#define K_TIMEOUT_ABS_MS(t)  K_TIMEOUT_ABS_TICKS(k_ms_to_ticks_ceil64(t))
/** @brief Timeout ending @p t microseconds after boot (rounded up to a tick). */
#define K_TIMEOUT_ABS_US(t)  K_TIMEOUT_ABS_TICKS(k_us_to_ticks_ceil64(t))
/** @brief Timeout ending @p t nanoseconds after boot (rounded up to a tick). */
#define K_TIMEOUT_ABS_NS(t)  K_TIMEOUT_ABS_TICKS(k_ns_to_ticks_ceil64(t))
/** @brief Timeout ending @p t hardware cycles after boot (rounded up to a tick). */
#define K_TIMEOUT_ABS_CYC(t) K_TIMEOUT_ABS_TICKS(k_cyc_to_ticks_ceil64(t))

/* k_ms_to_ticks_ceil64() and the rest of the conversions: <zephyr/sys/time_units.h>. */

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
/* Unit ratios, as Zephyr's <zephyr/sys_clock.h> names them (unsigned int). */
#define SEC_PER_MIN   60U                                 /**< Seconds per minute. */
#define MIN_PER_HOUR  60U                                 /**< Minutes per hour. */
#define HOUR_PER_DAY  24U                                 /**< Hours per day. */
#define SEC_PER_HOUR  (MIN_PER_HOUR * SEC_PER_MIN)        /**< Seconds per hour. */
#define SEC_PER_DAY   (HOUR_PER_DAY * SEC_PER_HOUR)       /**< Seconds per day. */
#define MSEC_PER_SEC  1000U                               /**< Milliseconds per second. */
#define USEC_PER_MSEC 1000U                               /**< Microseconds per millisecond. */
#define NSEC_PER_USEC 1000U                               /**< Nanoseconds per microsecond. */
#define USEC_PER_SEC  ((USEC_PER_MSEC) * (MSEC_PER_SEC))  /**< Microseconds per second. */
#define NSEC_PER_MSEC ((NSEC_PER_USEC) * (USEC_PER_MSEC)) /**< Nanoseconds per millisecond. */
#define NSEC_PER_SEC  ((NSEC_PER_USEC) * (USEC_PER_SEC))  /**< Nanoseconds per second. */

/**
 * @brief Zephyr's "tick in progress" allowance, which its tests add to an expected sleep time
 * (tests/kernel/sleep: one second sleeps between 1 s + 1 tick and one tick more). zmem rounds
 * relative timeouts up to whole ticks instead; with the default 10 kHz tick, that tick is
 * 100 us.
 */
#define _TICK_ALIGN 1

/** @brief The hardware cycle counter (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC). */
uint32_t k_cycle_get_32(void);
/** @brief The 64-bit hardware cycle counter. */
uint64_t k_cycle_get_64(void);
/** @brief Rate of the cycle counter, in Hz. */
uint32_t sys_clock_hw_cycles_per_sec(void);
/** @brief Tick count since boot (Zephyr's sys_clock_tick_get). */
int64_t sys_clock_tick_get(void);

struct _timeout;

/**
 * @brief Walk the pending timeouts (those of timers, sleeping or waiting threads, delayed work)
 * in the order they expire: the first one when @p prev is NULL, else the one after @p prev;
 * NULL at the end, or when @p prev is no longer pending. For inspection (a debugger, a test);
 * call it with the scheduler locked if other threads may change the list meanwhile.
 */
struct _timeout *k_get_next_timeout(struct _timeout *prev);

/** @brief A point in time, for deadlines spanning several waits (Zephyr's k_timepoint_t). */
typedef struct {
	uint64_t tick; /**< Tick count of the point; UINT64_MAX = never, 0 = already. */
} k_timepoint_t;

/** @brief The point in time @p timeout from now. */
static inline k_timepoint_t sys_timepoint_calc(k_timeout_t timeout)
{
	k_timepoint_t tp;

	if (timeout.ticks == K_TICKS_FOREVER) {
		tp.tick = UINT64_MAX;
	} else if (!Z_IS_TIMEOUT_RELATIVE(timeout)) {
		tp.tick = (uint64_t)Z_TICK_ABS(timeout.ticks);
	} else if (timeout.ticks <= 0) {
		tp.tick = 0;
	} else {
		tp.tick = (uint64_t)sys_clock_tick_get() + (uint64_t)timeout.ticks;
	}
	return tp;
}

/** @brief The timeout left until @p timepoint (K_NO_WAIT once reached, K_FOREVER for never). */
static inline k_timeout_t sys_timepoint_timeout(k_timepoint_t timepoint)
{
	if (timepoint.tick == UINT64_MAX) {
		return K_FOREVER;
	}
	uint64_t now = (uint64_t)sys_clock_tick_get();

	return timepoint.tick <= now ? K_NO_WAIT : Z_TIMEOUT_TICKS((k_ticks_t)(timepoint.tick - now));
}

/** @brief Compare two time points: <0, 0 or >0 as @p a is before, at or after @p b. */
static inline int sys_timepoint_cmp(k_timepoint_t a, k_timepoint_t b)
{
	return a.tick == b.tick ? 0 : (a.tick < b.tick ? -1 : 1);
}

/** @brief True when @p timepoint has been reached. */
static inline bool sys_timepoint_expired(k_timepoint_t timepoint)
{
	return K_TIMEOUT_EQ(sys_timepoint_timeout(timepoint), Z_TIMEOUT_NO_WAIT);
}

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_CLOCK_H_ */
