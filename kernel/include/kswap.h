/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's kswap.h name for an explicit context switch, which Zephyr's kernel tests call.
 */
#ifndef ZMEM_KERNEL_INCLUDE_KSWAP_H_
#define ZMEM_KERNEL_INCLUDE_KSWAP_H_

#include "ksched.h"

/**
 * @brief Give the CPU to the best ready thread, as Zephyr's z_swap_unlocked() does on one CPU:
 * a caller that is still ready gives way only where a preemption point would switch (a higher
 * priority thread is ready, and the caller is preemptible and does not hold the scheduler lock;
 * Zephyr's ready-queue cache stays on a cooperative or locked caller). A caller that made
 * itself not ready (suspended, pending) does not return until it is ready again.
 */
void z_swap_unlocked(void);

#endif /* ZMEM_KERNEL_INCLUDE_KSWAP_H_ */
