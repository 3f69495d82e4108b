/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's anonymous memory mappings (CONFIG_MMU targets): k_mem_map(), k_mem_unmap(),
 * k_mem_update_flags(), k_mem_free_get(), k_mem_region_align(), with Zephyr's flag values.
 *
 * On the host a mapping is pages from the host (mmap), page-aligned, zeroed unless
 * K_MEM_MAP_UNINIT, with a no-access guard page on each side, as on Zephyr: an access past
 * either end faults (K_ERR_CPU_EXCEPTION for the thread). Its protection follows the flags for
 * every thread: read-only unless K_MEM_PERM_RW, never executable unless K_MEM_PERM_EXEC.
 * Difference: without K_MEM_PERM_USER, Zephyr closes the mapping to user threads; zmem leaves
 * it open, as all memory outside partitions (docs/protection.md). Only the host build has it.
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_MM_H_
#define ZEPHYR_INCLUDE_KERNEL_MM_H_

#include <stddef.h>
#include <stdint.h>

#include <zephyr/sys/util.h>

#ifdef __cplusplus
extern "C" {
#endif

#define K_MEM_CACHE_NONE 2            /**< No caching (no effect on the host). */
#define K_MEM_CACHE_WT   1            /**< Write-through caching (no effect on the host). */
#define K_MEM_CACHE_WB   0            /**< Write-back caching (no effect on the host). */
#define K_MEM_CACHE_MASK (BIT(3) - 1) /**< The cache mode bits. */
#define K_MEM_PERM_RW    BIT(3)       /**< Read/write (else read-only). */
#define K_MEM_PERM_EXEC  BIT(4)       /**< Executable (else not). */
#define K_MEM_PERM_USER  BIT(5)       /**< For user threads too (zmem: never closed to them). */
#define K_MEM_MAP_UNINIT BIT(16)      /**< Need not be zeroed (the host zeroes anyway). */
#define K_MEM_MAP_LOCK   BIT(17)      /**< Pinned: host pages are locked when the host allows. */

/** @brief Free memory the host reports (available physical pages), in bytes. */
size_t k_mem_free_get(void);

/**
 * @brief Map @p size bytes of anonymous memory.
 * @param size Size, a positive multiple of the page size (CONFIG_MMU_PAGE_SIZE).
 * @param flags K_MEM_PERM_* and K_MEM_MAP_* flags.
 * @return The page-aligned start, or NULL (logged) for a size that is 0, not page-aligned or
 * too large, for K_MEM_MAP_UNINIT with K_MEM_PERM_USER (as Zephyr forbids), or when the host
 * has no memory for it.
 */
void *k_mem_map(size_t size, uint32_t flags);

/**
 * @brief Unmap a region k_mem_map() returned, with the size it was mapped with (its guard
 * pages go with it). Anything else (an address or size that is not page-aligned, part of a
 * mapping, a region already unmapped, memory k_mem_map() did not return) is refused with a log
 * message and left as it is.
 */
void k_mem_unmap(void *addr, size_t size);

/**
 * @brief Change the K_MEM_PERM_* protection of whole pages of a mapping.
 * @return 0, or -EINVAL for a region that is not page-aligned or not inside one mapping that
 * k_mem_map() returned (on the host the rest of the process's memory is not changed through
 * this call; logged).
 */
int k_mem_update_flags(void *addr, size_t size, uint32_t flags);

/**
 * @brief The region aligned to @p align (a power of two) that covers [@p addr, @p addr + @p size).
 * @param aligned_addr Out: the aligned start.
 * @param aligned_size Out: the aligned size.
 * @return How far @p addr is from the aligned start.
 */
size_t k_mem_region_align(uintptr_t *aligned_addr, size_t *aligned_size, uintptr_t addr,
			  size_t size, size_t align);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_MM_H_ */
