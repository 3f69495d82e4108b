/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * sys_bitarray. Region operations walk the 32-bit words the region touches, each with the mask
 * of its bits in that word, so a region costs one step per word, not per bit. Every call that
 * changes bits checks the whole region first: a failed call changes nothing.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <zephyr/sys/bitarray.h>

#include "../zmem_lib_lock.h"

/* One lock for every bit array (see the header). */
static Z_LIB_LOCK_DEFINE(bitarray_lock);

/* Set bits of @p v. By hand, not __builtin_popcount: some freestanding targets would need
 * libgcc's helper for it. */
static size_t popcount32(uint32_t v)
{
	v = v - ((v >> 1) & 0x55555555U);
	v = (v & 0x33333333U) + ((v >> 2) & 0x33333333U);
	v = (v + (v >> 4)) & 0x0F0F0F0FU;
	return (size_t)((v * 0x01010101U) >> 24);
}

/* True when [offset, offset + num_bits) is a non-empty region inside @p ba. */
static bool region_ok(const sys_bitarray_t *ba, size_t num_bits, size_t offset)
{
	return ba != NULL && num_bits != 0 && num_bits <= ba->num_bits &&
	       offset <= ba->num_bits - num_bits;
}

/* Mask of the region's bits in word @p w (first..last are the words the region touches). */
static uint32_t region_mask(size_t w, size_t first_bit, size_t last_bit)
{
	uint32_t m = UINT32_MAX;

	if (w == first_bit / 32U) {
		m &= UINT32_MAX << (first_bit % 32U);
	}
	if (w == last_bit / 32U) {
		m &= UINT32_MAX >> (31U - (last_bit % 32U));
	}
	return m;
}

/* True when every bit of the region is @p set (the region is valid). On a mismatch, *@p
 * mismatch (if not NULL) is the lowest bit of the region that differs. */
static bool region_is(const sys_bitarray_t *ba, size_t num_bits, size_t offset, bool set,
		      size_t *mismatch)
{
	size_t last = offset + num_bits - 1U;

	for (size_t w = offset / 32U; w <= last / 32U; w++) {
		uint32_t m = region_mask(w, offset, last);
		uint32_t bits = set ? ba->bundles[w] : ~ba->bundles[w];
		uint32_t bad = ~bits & m;

		if (bad != 0U) {
			if (mismatch != NULL) {
				*mismatch = w * 32U + (size_t)__builtin_ctz(bad);
			}
			return false;
		}
	}
	return true;
}

static void region_write(sys_bitarray_t *ba, size_t num_bits, size_t offset, bool set)
{
	size_t last = offset + num_bits - 1U;

	for (size_t w = offset / 32U; w <= last / 32U; w++) {
		uint32_t m = region_mask(w, offset, last);

		if (set) {
			ba->bundles[w] |= m;
		} else {
			ba->bundles[w] &= ~m;
		}
	}
}

/* Shared body of set_bit / clear_bit / test_and_{set,clear}_bit. */
static int bit_op(sys_bitarray_t *ba, size_t bit, bool set, int *prev_val)
{
	if (ba == NULL || bit >= ba->num_bits) {
		return -EINVAL;
	}

	uint32_t m = 1U << (bit % 32U);

	Z_LIB_LOCK(bitarray_lock);
	uint32_t *word = &ba->bundles[bit / 32U];

	if (prev_val != NULL) {
		*prev_val = (*word & m) != 0U ? 1 : 0;
	}
	*word = set ? (*word | m) : (*word & ~m);
	Z_LIB_UNLOCK(bitarray_lock);
	return 0;
}

int sys_bitarray_set_bit(sys_bitarray_t *bitarray, size_t bit)
{
	return bit_op(bitarray, bit, true, NULL);
}

int sys_bitarray_clear_bit(sys_bitarray_t *bitarray, size_t bit)
{
	return bit_op(bitarray, bit, false, NULL);
}

int sys_bitarray_test_and_set_bit(sys_bitarray_t *bitarray, size_t bit, int *prev_val)
{
	if (prev_val == NULL) {
		return -EINVAL;
	}
	return bit_op(bitarray, bit, true, prev_val);
}

int sys_bitarray_test_and_clear_bit(sys_bitarray_t *bitarray, size_t bit, int *prev_val)
{
	if (prev_val == NULL) {
		return -EINVAL;
	}
	return bit_op(bitarray, bit, false, prev_val);
}

int sys_bitarray_alloc(sys_bitarray_t *bitarray, size_t num_bits, size_t *offset)
{
	if (offset == NULL || !region_ok(bitarray, num_bits, 0)) {
		return -EINVAL;
	}

	Z_LIB_LOCK(bitarray_lock);
	int ret = -ENOSPC;
	size_t start = 0;

	/* Skip the leading full words, then try each candidate start; a mismatch at bit b means
	 * no run can start at or before b. */
	while (start / 32U < bitarray->num_bundles &&
	       bitarray->bundles[start / 32U] == UINT32_MAX) {
		start += 32U;
	}
	while (start + num_bits <= bitarray->num_bits) {
		size_t mismatch;

		if (region_is(bitarray, num_bits, start, false, &mismatch)) {
			region_write(bitarray, num_bits, start, true);
			*offset = start;
			ret = 0;
			break;
		}
		start = mismatch + 1U;
	}
	Z_LIB_UNLOCK(bitarray_lock);
	return ret;
}

int sys_bitarray_xor(sys_bitarray_t *dst, sys_bitarray_t *other, size_t num_bits, size_t offset)
{
	if (dst == NULL || other == NULL || dst->num_bits != other->num_bits ||
	    !region_ok(dst, num_bits, offset)) {
		return -EINVAL;
	}

	size_t last = offset + num_bits - 1U;

	Z_LIB_LOCK(bitarray_lock);
	for (size_t w = offset / 32U; w <= last / 32U; w++) {
		dst->bundles[w] ^= other->bundles[w] & region_mask(w, offset, last);
	}
	Z_LIB_UNLOCK(bitarray_lock);
	return 0;
}

int sys_bitarray_find_nth_set(sys_bitarray_t *bitarray, size_t n, size_t num_bits, size_t offset,
			      size_t *found_at)
{
	if (n == 0 || found_at == NULL || !region_ok(bitarray, num_bits, offset)) {
		return -EINVAL;
	}

	size_t last = offset + num_bits - 1U;
	int ret = 1;

	Z_LIB_LOCK(bitarray_lock);
	for (size_t w = offset / 32U; w <= last / 32U; w++) {
		uint32_t bits = bitarray->bundles[w] & region_mask(w, offset, last);
		size_t count = popcount32(bits);

		if (count < n) {
			n -= count;
			continue;
		}
		/* The n-th set bit is in this word: drop the n - 1 lower ones. */
		while (--n > 0) {
			bits &= bits - 1U;
		}
		*found_at = w * 32U + (size_t)__builtin_ctz(bits);
		ret = 0;
		break;
	}
	Z_LIB_UNLOCK(bitarray_lock);
	return ret;
}

int sys_bitarray_popcount_region(sys_bitarray_t *bitarray, size_t num_bits, size_t offset,
				 size_t *count)
{
	if (count == NULL || !region_ok(bitarray, num_bits, offset)) {
		return -EINVAL;
	}

	size_t last = offset + num_bits - 1U;
	size_t total = 0;

	Z_LIB_LOCK(bitarray_lock);
	for (size_t w = offset / 32U; w <= last / 32U; w++) {
		total += popcount32(bitarray->bundles[w] & region_mask(w, offset, last));
	}
	Z_LIB_UNLOCK(bitarray_lock);
	*count = total;
	return 0;
}

/* Flips the region to @p to_set when it is wholly the opposite; else returns @p busy. */
static int region_flip(sys_bitarray_t *ba, size_t num_bits, size_t offset, bool to_set, int busy)
{
	if (!region_ok(ba, num_bits, offset)) {
		return -EINVAL;
	}

	Z_LIB_LOCK(bitarray_lock);
	int ret = busy;

	if (region_is(ba, num_bits, offset, !to_set, NULL)) {
		region_write(ba, num_bits, offset, to_set);
		ret = 0;
	}
	Z_LIB_UNLOCK(bitarray_lock);
	return ret;
}

int sys_bitarray_free(sys_bitarray_t *bitarray, size_t num_bits, size_t offset)
{
	return region_flip(bitarray, num_bits, offset, false, -EFAULT);
}

int sys_bitarray_test_and_set_region(sys_bitarray_t *bitarray, size_t num_bits, size_t offset,
				     bool to_set)
{
	return region_flip(bitarray, num_bits, offset, to_set, -EEXIST);
}

static bool region_test(sys_bitarray_t *ba, size_t num_bits, size_t offset, bool set)
{
	if (!region_ok(ba, num_bits, offset)) {
		return false;
	}

	Z_LIB_LOCK(bitarray_lock);
	bool ret = region_is(ba, num_bits, offset, set, NULL);

	Z_LIB_UNLOCK(bitarray_lock);
	return ret;
}

bool sys_bitarray_is_region_set(sys_bitarray_t *bitarray, size_t num_bits, size_t offset)
{
	return region_test(bitarray, num_bits, offset, true);
}

bool sys_bitarray_is_region_cleared(sys_bitarray_t *bitarray, size_t num_bits, size_t offset)
{
	return region_test(bitarray, num_bits, offset, false);
}

static int region_set_to(sys_bitarray_t *ba, size_t num_bits, size_t offset, bool set)
{
	if (!region_ok(ba, num_bits, offset)) {
		return -EINVAL;
	}

	Z_LIB_LOCK(bitarray_lock);
	region_write(ba, num_bits, offset, set);
	Z_LIB_UNLOCK(bitarray_lock);
	return 0;
}

int sys_bitarray_set_region(sys_bitarray_t *bitarray, size_t num_bits, size_t offset)
{
	return region_set_to(bitarray, num_bits, offset, true);
}

int sys_bitarray_clear_region(sys_bitarray_t *bitarray, size_t num_bits, size_t offset)
{
	return region_set_to(bitarray, num_bits, offset, false);
}
