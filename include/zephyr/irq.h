/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Interrupt locking on the host runtime.
 *
 * The host has no asynchronous interrupts (irq_offload() runs "interrupt" code synchronously),
 * so irq_lock() only counts nesting: the key is the previous nesting level.
 */
#ifndef ZEPHYR_INCLUDE_IRQ_H_
#define ZEPHYR_INCLUDE_IRQ_H_

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Lock interrupts; returns the key for irq_unlock(). */
unsigned int irq_lock(void);
/** @brief Restore the interrupt state saved in @p key. */
void irq_unlock(unsigned int key);
/** @brief True when running in interrupt context (inside irq_offload()). */
bool k_is_in_isr(void);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_IRQ_H_ */
