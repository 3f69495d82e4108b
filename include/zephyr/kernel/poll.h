/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief k_poll(): wait for any of several kernel objects (Zephyr's states and types).
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_POLL_H_
#define ZEPHYR_INCLUDE_KERNEL_POLL_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Event state: nothing happened yet. */
#define K_POLL_STATE_NOT_READY 0U
/** @brief Event state: the k_poll_signal was raised. */
#define K_POLL_STATE_SIGNALED (1U << 0)
/** @brief Event state: the semaphore is available. */
#define K_POLL_STATE_SEM_AVAILABLE (1U << 1)
/** @brief Event state: the queue / FIFO / LIFO holds data. */
#define K_POLL_STATE_DATA_AVAILABLE (1U << 2)
/** @brief Event state: the wait was cancelled (k_queue_cancel_wait). */
#define K_POLL_STATE_CANCELLED (1U << 3)
/** @brief Event state: the message queue holds a message. */
#define K_POLL_STATE_MSGQ_DATA_AVAILABLE (1U << 4)
/** @brief Event state: the pipe holds data. */
#define K_POLL_STATE_PIPE_DATA_AVAILABLE (1U << 5)
/** @brief Same as K_POLL_STATE_DATA_AVAILABLE. */
#define K_POLL_STATE_FIFO_DATA_AVAILABLE K_POLL_STATE_DATA_AVAILABLE

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_POLL_H_ */
