/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr 3.0-3.4's name of <zephyr/internal/syscall_handler.h> (system call handlers).
 */
#ifndef ZEPHYR_INCLUDE_SYSCALL_HANDLER_H_
#define ZEPHYR_INCLUDE_SYSCALL_HANDLER_H_

#include <zephyr/internal/syscall_handler.h>

#endif /* ZEPHYR_INCLUDE_SYSCALL_HANDLER_H_ */
