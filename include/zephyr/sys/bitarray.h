/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief sys_bitarray: a fixed-size array of bits with region allocation (Zephyr's API).
 *
 * Bits live in 32-bit words ("bundles"), bit i in bundles[i / 32] at position i % 32. Every
 * call checks its arguments and returns Zephyr's error codes (-EINVAL for a region outside the
 * array or of zero bits, -ENOSPC when no free region fits, -EFAULT when freeing bits that are
 * not all set, -EEXIST when a test-and-set region is not in the expected state). On the host
 * runtime the calls are serialized by one lock for all bit arrays; freestanding, the caller
 * serializes. Zephyr keeps a spinlock in each object instead; zmem's struct has no lock member.
 */
#ifndef ZEPHYR_INCLUDE_SYS_BITARRAY_H_
#define ZEPHYR_INCLUDE_SYS_BITARRAY_H_

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A bit array. Fields are Zephyr's; use the calls below to change the bits. */
typedef struct sys_bitarray {
	uint32_t num_bits;    /**< Number of bits. */
	uint32_t num_bundles; /**< Number of 32-bit words in @ref bundles. */
	uint32_t *bundles;    /**< The bits. */
} sys_bitarray_t;

/** @cond INTERNAL_HIDDEN */
/* Bits in one bundle. */
#define Z_BITARRAY_BUNDLE_BITNESS(ba)      (sizeof((ba)->bundles[0]) * 8)
#define Z_BITARRAY_NUM_BUNDLES(total_bits) (((total_bits) + 31U) / 32U)

/* @p sba_mod is the storage class of both objects (empty or static). The bundles come first,
 * so a storage class written before the macro applies to them, as on Zephyr; their explicit
 * initializer clears them even where they end up automatic (block scope). */
#define _SYS_BITARRAY_DEFINE(name, total_bits, sba_mod)                                            \
	sba_mod uint32_t _sys_bitarray_bundles_##name[Z_BITARRAY_NUM_BUNDLES(total_bits)] = {0};   \
	sba_mod sys_bitarray_t name = {                                                            \
	    .num_bits = (total_bits),                                                              \
	    .num_bundles = Z_BITARRAY_NUM_BUNDLES(total_bits),                                     \
	    .bundles = _sys_bitarray_bundles_##name,                                               \
	}
/** @endcond */

/** @brief Define bit array @p name of @p total_bits bits, all clear. */
#define SYS_BITARRAY_DEFINE(name, total_bits) _SYS_BITARRAY_DEFINE(name, total_bits, )

/** @brief As SYS_BITARRAY_DEFINE(), file-local. */
#define SYS_BITARRAY_DEFINE_STATIC(name, total_bits) _SYS_BITARRAY_DEFINE(name, total_bits, static)

/**
 * @brief Set bit @p bit.
 * @retval 0 Success.
 * @retval -EINVAL @p bit is outside the array.
 */
int sys_bitarray_set_bit(sys_bitarray_t *bitarray, size_t bit);

/**
 * @brief Clear bit @p bit.
 * @retval 0 Success.
 * @retval -EINVAL @p bit is outside the array.
 */
int sys_bitarray_clear_bit(sys_bitarray_t *bitarray, size_t bit);

/**
 * @brief Read bit @p bit into @p val (0 or 1).
 *
 * One unsynchronized read: the value is a snapshot.
 * @retval 0 Success.
 * @retval -EINVAL @p val is NULL or @p bit is outside the array.
 */
static inline int sys_bitarray_test_bit(sys_bitarray_t *bitarray, size_t bit, int *val)
{
	if (bitarray == NULL || val == NULL || bit >= bitarray->num_bits) {
		return -EINVAL;
	}
	*val = (int)((bitarray->bundles[bit / 32U] >> (bit % 32U)) & 1U);
	return 0;
}

/**
 * @brief Set bit @p bit and report its previous value in @p prev_val.
 * @retval 0 Success.
 * @retval -EINVAL @p prev_val is NULL or @p bit is outside the array.
 */
int sys_bitarray_test_and_set_bit(sys_bitarray_t *bitarray, size_t bit, int *prev_val);

/**
 * @brief Clear bit @p bit and report its previous value in @p prev_val.
 * @retval 0 Success.
 * @retval -EINVAL @p prev_val is NULL or @p bit is outside the array.
 */
int sys_bitarray_test_and_clear_bit(sys_bitarray_t *bitarray, size_t bit, int *prev_val);

/**
 * @brief Find the lowest run of @p num_bits clear bits, set them and return its start.
 * @param bitarray The array.
 * @param num_bits Length of the run.
 * @param offset Receives the first bit of the run.
 * @retval 0 Success.
 * @retval -EINVAL @p offset is NULL, @p num_bits is 0 or larger than the array.
 * @retval -ENOSPC No run of @p num_bits clear bits.
 */
int sys_bitarray_alloc(sys_bitarray_t *bitarray, size_t num_bits, size_t *offset);

/**
 * @brief @p dst ^= @p other over the region [@p offset, @p offset + @p num_bits).
 * @retval 0 Success.
 * @retval -EINVAL The arrays differ in size, @p num_bits is 0 or the region is outside them.
 */
int sys_bitarray_xor(sys_bitarray_t *dst, sys_bitarray_t *other, size_t num_bits, size_t offset);

/**
 * @brief Find the @p n-th set bit (counting from 1) of the region
 * [@p offset, @p offset + @p num_bits).
 * @retval 0 Found; @p found_at holds its index.
 * @retval 1 The region has fewer than @p n set bits (@p found_at unchanged).
 * @retval -EINVAL @p n or @p num_bits is 0, @p found_at is NULL or the region is outside.
 */
int sys_bitarray_find_nth_set(sys_bitarray_t *bitarray, size_t n, size_t num_bits, size_t offset,
			      size_t *found_at);

/**
 * @brief Count the set bits of the region [@p offset, @p offset + @p num_bits).
 * @retval 0 Success.
 * @retval -EINVAL @p num_bits is 0, @p count is NULL or the region is outside the array.
 */
int sys_bitarray_popcount_region(sys_bitarray_t *bitarray, size_t num_bits, size_t offset,
				 size_t *count);

/**
 * @brief Clear a region allocated with sys_bitarray_alloc().
 * @retval 0 Success.
 * @retval -EINVAL @p num_bits is 0 or the region is outside the array.
 * @retval -EFAULT Not every bit of the region is set (nothing is changed).
 */
int sys_bitarray_free(sys_bitarray_t *bitarray, size_t num_bits, size_t offset);

/**
 * @brief True when every bit of the region is set; false otherwise or for an invalid region.
 */
bool sys_bitarray_is_region_set(sys_bitarray_t *bitarray, size_t num_bits, size_t offset);

/**
 * @brief True when every bit of the region is clear; false otherwise or for an invalid region.
 */
bool sys_bitarray_is_region_cleared(sys_bitarray_t *bitarray, size_t num_bits, size_t offset);

/**
 * @brief Set every bit of the region.
 * @retval 0 Success.
 * @retval -EINVAL @p num_bits is 0 or the region is outside the array.
 */
int sys_bitarray_set_region(sys_bitarray_t *bitarray, size_t num_bits, size_t offset);

/**
 * @brief Clear every bit of the region.
 * @retval 0 Success.
 * @retval -EINVAL @p num_bits is 0 or the region is outside the array.
 */
int sys_bitarray_clear_region(sys_bitarray_t *bitarray, size_t num_bits, size_t offset);

/**
 * @brief In one step: when every bit of the region is clear (@p to_set true) or set
 * (@p to_set false), flip them all.
 * @retval 0 Success.
 * @retval -EINVAL @p num_bits is 0 or the region is outside the array.
 * @retval -EEXIST Some bit was not in the expected state (nothing is changed).
 */
int sys_bitarray_test_and_set_region(sys_bitarray_t *bitarray, size_t num_bits, size_t offset,
				     bool to_set);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_BITARRAY_H_ */
