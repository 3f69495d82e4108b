/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Memory statistics shared by every zmem allocator (Zephyr's sys_memory_stats).
 */
#ifndef ZEPHYR_INCLUDE_SYS_MEM_STATS_H_
#define ZEPHYR_INCLUDE_SYS_MEM_STATS_H_

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Runtime usage of one allocator, in bytes. */
struct sys_memory_stats {
	size_t free_bytes;          /**< Bytes available for allocation now. */
	size_t allocated_bytes;     /**< Bytes held by live allocations now. */
	size_t max_allocated_bytes; /**< High-water mark of allocated_bytes. */
};

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_MEM_STATS_H_ */
