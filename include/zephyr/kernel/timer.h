/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief k_timer: one-shot and periodic timers with expiry and stop functions.
 *
 * The expiry function runs in interrupt context (k_is_in_isr() is true, blocking calls are
 * refused), at the first kernel call or scheduling point after the deadline, as the tick
 * interrupt would run it. Periodic timers keep their phase: each deadline is the previous one
 * plus the period, and missed periods are caught up one expiry at a time.
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_TIMER_H_
#define ZEPHYR_INCLUDE_KERNEL_TIMER_H_

#include <stdint.h>
#include <zephyr/kernel/kobject_static.h>
#include <zephyr/kernel_structs.h>
#include <zephyr/sys_clock.h>

#ifdef __cplusplus
extern "C" {
#endif

struct k_timer;

/** @brief Function run (in interrupt context) each time a timer expires. */
typedef void (*k_timer_expiry_t)(struct k_timer *timer);
/** @brief Function run (in the caller's context) when a running timer is stopped. */
typedef void (*k_timer_stop_t)(struct k_timer *timer);

/** @brief A timer (kernel-private fields, as in Zephyr). */
struct k_timer {
	struct _timeout timeout;    /**< The armed deadline. */
	_wait_q_t wait_q;           /**< Threads in k_timer_status_sync(). */
	k_timer_expiry_t expiry_fn; /**< Run at each expiry, or NULL. */
	k_timer_stop_t stop_fn;     /**< Run by k_timer_stop() of a running timer, or NULL. */
	k_timeout_t period;         /**< Period (K_NO_WAIT / K_FOREVER: one-shot). */
	uint32_t status;            /**< Expiries since last read. */
	void *user_data;            /**< k_timer_user_data_set/get. */
};

/** @brief Static initializer of timer @p obj. */
#define Z_TIMER_INITIALIZER(obj, expiry, stop)                                                     \
	{                                                                                          \
		.timeout = {.node = {NULL, NULL}, .deadline = 0, .fn = NULL},                      \
		.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q), .expiry_fn = (expiry), .stop_fn = (stop),  \
		.period = {0}, .status = 0, .user_data = NULL                                      \
	}

/** @brief Define and initialize a timer (a `static` prefix works). */
#define K_TIMER_DEFINE(name, expiry_fn, stop_fn)                                                   \
	struct k_timer name = Z_TIMER_INITIALIZER(name, expiry_fn, stop_fn);                       \
	Z_KOBJ_STATIC_RECORD(name)

/** @brief Initialize @p timer (stopped) with its expiry and stop functions (either NULL). */
void k_timer_init(struct k_timer *timer, k_timer_expiry_t expiry_fn, k_timer_stop_t stop_fn);

/**
 * @brief Start (or restart) @p timer: first expiry after @p duration, then every @p period
 * (K_NO_WAIT or K_FOREVER: once). Resets the status. K_FOREVER @p duration does nothing.
 * ISR-safe.
 */
void k_timer_start(struct k_timer *timer, k_timeout_t duration, k_timeout_t period);

/**
 * @brief Stop @p timer. If it was running, its stop function runs (in the caller's context)
 * and the first thread in k_timer_status_sync() wakes. ISR-safe.
 */
void k_timer_stop(struct k_timer *timer);

/** @brief Expiries since the status was last read; resets it to 0. ISR-safe. */
uint32_t k_timer_status_get(struct k_timer *timer);

/**
 * @brief Wait until @p timer has expired at least once since the status was last read, or is
 * stopped; return the status and reset it. Returns at once when the status is not 0 or the
 * timer is not running. Not from an ISR.
 */
uint32_t k_timer_status_sync(struct k_timer *timer);

/** @brief Absolute tick of the next expiry (the current tick when the timer is stopped). */
k_ticks_t k_timer_expires_ticks(const struct k_timer *timer);

/** @brief Ticks until the next expiry (0 when stopped). */
k_ticks_t k_timer_remaining_ticks(const struct k_timer *timer);

/** @brief Milliseconds until the next expiry, rounded down (0 when stopped). */
uint32_t k_timer_remaining_get(struct k_timer *timer);

/**
 * @brief Attach @p user_data to @p timer. A system call on Zephyr: a user thread needs access
 * to @p timer (a NULL or unknown timer ends it with a kernel oops).
 */
void k_timer_user_data_set(struct k_timer *timer, void *user_data);

/** @brief The data attached to @p timer. A system call, checked as k_timer_user_data_set(). */
void *k_timer_user_data_get(const struct k_timer *timer);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_TIMER_H_ */
