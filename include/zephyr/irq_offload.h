/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Run a function in interrupt context (tests use it to call kernel APIs "from an ISR").
 */
#ifndef ZEPHYR_INCLUDE_IRQ_OFFLOAD_H_
#define ZEPHYR_INCLUDE_IRQ_OFFLOAD_H_

#ifdef __cplusplus
extern "C" {
#endif

/** @brief An interrupt routine run by irq_offload(). */
typedef void (*irq_offload_routine_t)(const void *parameter);

/**
 * @brief Run @p routine(@p parameter) in interrupt context: k_is_in_isr() is true there, it
 * cannot block, and threads it makes ready preempt the caller when it returns.
 */
void irq_offload(irq_offload_routine_t routine, const void *parameter);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_IRQ_OFFLOAD_H_ */
