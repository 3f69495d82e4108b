/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief The timeout list: deadlines in ticks of the runtime's clock.
 */
#ifndef ZMEM_KERNEL_INCLUDE_TIMEOUT_Q_H_
#define ZMEM_KERNEL_INCLUDE_TIMEOUT_Q_H_

#include <zephyr/kernel.h>

/**
 * @brief Arm @p to to call @p fn after @p timeout (relative: rounded up to a tick boundary; or
 * absolute, K_TIMEOUT_ABS_*). K_FOREVER arms nothing.
 * @return the absolute tick it expires at, 0 for K_FOREVER (Zephyr's return value, which its
 * tests declare)
 */
k_ticks_t z_add_timeout(struct _timeout *to, _timeout_func_t fn, k_timeout_t timeout);
/**
 * @brief Arm @p to to call @p fn at absolute tick @p deadline (periodic timers use it so that
 * periods do not drift; a deadline in the past fires at the next announcement).
 */
void z_add_timeout_abs(struct _timeout *to, _timeout_func_t fn, int64_t deadline);
/** @brief Disarm @p to; 0 if it was armed, -EINVAL if not. */
int z_abort_timeout(struct _timeout *to);
/** @brief True if @p to is armed. */
static inline bool z_is_timeout_active(const struct _timeout *to)
{
	return sys_dnode_is_linked(&to->node);
}
/** @brief Ticks until @p to expires (0 if due or not armed). */
int64_t z_timeout_remaining(const struct _timeout *to);
/**
 * @brief Absolute tick at which @p to expires; the current tick when it is not armed (as
 * Zephyr's z_timeout_expires(), which the *_expires_ticks/_get calls return).
 */
k_ticks_t z_timeout_expires(const struct _timeout *to);
/** @brief Run every timeout whose deadline has passed. */
void z_timeout_announce(void);
/** @brief Deadline of the earliest armed timeout, or -1 when none. */
int64_t z_timeout_next_deadline(void);

#endif /* ZMEM_KERNEL_INCLUDE_TIMEOUT_Q_H_ */
