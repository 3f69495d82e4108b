/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's C library hooks header, which declares the C library's partitions. On the
 * host the C library is the host's and has none (<zephyr/app_memory/partitions.h>), so
 * Z_LIBC_PARTITION_EXISTS and Z_MALLOC_PARTITION_EXISTS stay undefined.
 */
#ifndef ZEPHYR_INCLUDE_SYS_LIBC_HOOKS_H_
#define ZEPHYR_INCLUDE_SYS_LIBC_HOOKS_H_

#include <zephyr/app_memory/partitions.h>

#endif /* ZEPHYR_INCLUDE_SYS_LIBC_HOOKS_H_ */
