/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief k_event: 32 event bits threads wait on (any of a set, or all of it).
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_EVENT_H_
#define ZEPHYR_INCLUDE_KERNEL_EVENT_H_

#include <stdbool.h>
#include <stdint.h>
#include <zephyr/kernel/kobject_static.h>
#include <zephyr/kernel_structs.h>
#include <zephyr/spinlock.h>
#include <zephyr/sys_clock.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief An event object (kernel-private fields, as in Zephyr). */
struct k_event {
	_wait_q_t wait_q;       /**< Threads in k_event_wait*(). */
	uint32_t events;        /**< The event bits. */
	struct k_spinlock lock; /**< Serializes the object. */
};

/** @brief Static initializer of event object @p obj. */
#define Z_EVENT_INITIALIZER(obj)                                                                   \
	{                                                                                          \
		.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q), .events = 0, .lock = { 0 }                 \
	}

/** @brief Define and initialize an event object (a `static` prefix works). */
#define K_EVENT_DEFINE(name)                                                                       \
	struct k_event name = Z_EVENT_INITIALIZER(name);                                           \
	Z_KOBJ_STATIC_RECORD(name)

/** @brief Initialize @p event (no bit set). */
void k_event_init(struct k_event *event);

/**
 * @brief Set the bits @p events (OR), waking every thread whose wait is now satisfied.
 * ISR-safe. @return which of the bits of @p events were set before the call (as on Zephyr)
 */
uint32_t k_event_post(struct k_event *event, uint32_t events);

/** @brief Replace all bits by @p events, waking satisfied waiters. @return all previous bits */
uint32_t k_event_set(struct k_event *event, uint32_t events);

/**
 * @brief Set the bits of @p events_mask to those of @p events.
 * @return the bits of @p events_mask as they were before (as on Zephyr)
 */
uint32_t k_event_set_masked(struct k_event *event, uint32_t events, uint32_t events_mask);

/** @brief Clear the bits @p events. @return which of them were set before */
uint32_t k_event_clear(struct k_event *event, uint32_t events);

/**
 * @brief Wait until any bit of @p events is set (@p reset: clear every bit first).
 * From an ISR only K_NO_WAIT. @return the bits of @p events that were set (0: timed out)
 */
uint32_t k_event_wait(struct k_event *event, uint32_t events, bool reset, k_timeout_t timeout);

/** @brief As k_event_wait(), until all bits of @p events are set. */
uint32_t k_event_wait_all(struct k_event *event, uint32_t events, bool reset, k_timeout_t timeout);

/**
 * @brief As k_event_wait(), and the bits received are cleared in the same step (Zephyr 4.2),
 * so two waiters never both consume one posting.
 */
uint32_t k_event_wait_safe(struct k_event *event, uint32_t events, bool reset, k_timeout_t timeout);

/** @brief As k_event_wait_all(), clearing the bits received. */
uint32_t k_event_wait_all_safe(struct k_event *event, uint32_t events, bool reset,
			       k_timeout_t timeout);

/** @brief The bits of @p events_mask that are set now. */
static inline uint32_t k_event_test(struct k_event *event, uint32_t events_mask)
{
	return k_event_wait(event, events_mask, false, K_NO_WAIT);
}

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_EVENT_H_ */
