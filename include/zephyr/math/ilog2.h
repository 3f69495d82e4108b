/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief ilog2(): integer base-2 logarithm, a constant expression for constant arguments.
 */
#ifndef ZEPHYR_INCLUDE_MATH_ILOG2_H_
#define ZEPHYR_INCLUDE_MATH_ILOG2_H_

#include <stdint.h>

/** @cond INTERNAL_HIDDEN */
#define Z_ILOG2_8(x)                                                                               \
	((x) >= 128  ? 7                                                                           \
	 : (x) >= 64 ? 6                                                                           \
	 : (x) >= 32 ? 5                                                                           \
	 : (x) >= 16 ? 4                                                                           \
	 : (x) >= 8  ? 3                                                                           \
	 : (x) >= 4  ? 2                                                                           \
	 : (x) >= 2  ? 1                                                                           \
		     : 0)
#define Z_ILOG2_16(x) ((x) >= (1UL << 8) ? 8 + Z_ILOG2_8((x) >> 8) : Z_ILOG2_8(x))
#define Z_ILOG2_32(x) ((x) >= (1UL << 16) ? 16 + Z_ILOG2_16((x) >> 16) : Z_ILOG2_16(x))
/** @endcond */

/**
 * @brief floor(log2(n)) of a 32-bit value known at compile time; 0 for n = 0 or 1.
 */
#define ilog2_compile_time_const_u32(n) Z_ILOG2_32((uint32_t)(n))

/**
 * @brief floor(log2(n)) of a nonzero 32-bit value: a constant expression when @p n is constant
 * (usable in static initializers), one count-leading-zeros instruction otherwise.
 */
#define ilog2(n)                                                                                   \
	(__builtin_constant_p(n) ? ilog2_compile_time_const_u32(n)                                 \
				 : (31 - __builtin_clz((uint32_t)(n) | 1U)))

#endif /* ZEPHYR_INCLUDE_MATH_ILOG2_H_ */
