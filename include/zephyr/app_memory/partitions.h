/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Partitions the system itself defines, as on Zephyr.
 *
 * On Zephyr this declares the C library's partitions (z_libc_partition, z_malloc_partition)
 * so applications can add them to their domains. On the host the C library is the host's:
 * its data is not in any partition and stays reachable by every thread (see
 * docs/protection.md), so neither partition exists and Z_LIBC_PARTITION_EXISTS /
 * Z_MALLOC_PARTITION_EXISTS are not defined. Code written the Zephyr way,
 * `#ifdef Z_LIBC_PARTITION_EXISTS ... #endif`, builds unchanged.
 */
#ifndef ZEPHYR_INCLUDE_APP_MEMORY_PARTITIONS_H_
#define ZEPHYR_INCLUDE_APP_MEMORY_PARTITIONS_H_

#include <zephyr/app_memory/app_memdomain.h>

#endif /* ZEPHYR_INCLUDE_APP_MEMORY_PARTITIONS_H_ */
