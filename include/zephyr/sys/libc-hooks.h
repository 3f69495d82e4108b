/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's C-library hooks header, where applications find z_libc_partition.
 *
 * On the host the C library is the host's, outside every partition (docs/protection.md), so
 * this only brings in <zephyr/app_memory/partitions.h>: Z_LIBC_PARTITION_EXISTS and
 * Z_MALLOC_PARTITION_EXISTS stay undefined, and code that adds z_libc_partition to a domain
 * under `#if Z_LIBC_PARTITION_EXISTS` or `#ifdef` builds unchanged and adds nothing.
 */
#ifndef ZEPHYR_INCLUDE_SYS_LIBC_HOOKS_H_
#define ZEPHYR_INCLUDE_SYS_LIBC_HOOKS_H_

#include <zephyr/app_memory/partitions.h>

#endif /* ZEPHYR_INCLUDE_SYS_LIBC_HOOKS_H_ */
