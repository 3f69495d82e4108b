/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief The architecture interface's older path (Zephyr moved it to <zephyr/arch/...>).
 */
#ifndef ZEPHYR_INCLUDE_SYS_ARCH_INTERFACE_H_
#define ZEPHYR_INCLUDE_SYS_ARCH_INTERFACE_H_

#include <zephyr/arch/arch_interface.h>

#endif /* ZEPHYR_INCLUDE_SYS_ARCH_INTERFACE_H_ */
