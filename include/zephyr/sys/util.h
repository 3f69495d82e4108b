/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's small utility macros (sizes, rounding, bits, containers); the preprocessor
 * utilities (FOR_EACH, LISTIFY, ...) come with it from <zephyr/sys/util_macro.h>, as in Zephyr.
 */
#ifndef ZEPHYR_INCLUDE_SYS_UTIL_H_
#define ZEPHYR_INCLUDE_SYS_UTIL_H_

#include <stddef.h>
#include <stdint.h>

#ifndef ARRAY_SIZE
/** @brief Number of elements of an array. */
#define ARRAY_SIZE(array) (sizeof(array) / sizeof((array)[0]))
#endif
#ifndef CONTAINER_OF
/** @brief The structure that contains @p ptr as member @p field. */
#define CONTAINER_OF(ptr, type, field) ((type *)(((char *)(ptr)) - offsetof(type, field)))
#endif
#ifndef MIN
#define MIN(a, b) (((a) < (b)) ? (a) : (b))
#endif
#ifndef MAX
#define MAX(a, b) (((a) > (b)) ? (a) : (b))
#endif
#ifndef CLAMP
#define CLAMP(val, low, high) (((val) <= (low)) ? (low) : MIN(val, high))
#endif
/** @brief Round @p x up to a multiple of @p align. */
#define ROUND_UP(x, align)                                                                         \
	((((unsigned long)(x) + ((unsigned long)(align) - 1)) / (unsigned long)(align)) *          \
	 (unsigned long)(align))
/** @brief Round @p x down to a multiple of @p align. */
#define ROUND_DOWN(x, align) (((unsigned long)(x) / (unsigned long)(align)) * (unsigned long)(align))
#define DIV_ROUND_UP(n, d)   (((n) + (d) - 1) / (d))
#define IS_POWER_OF_TWO(x)   (((x) != 0U) && (((x) & ((x) - 1U)) == 0U))
#define IS_ALIGNED(x, align) (((uintptr_t)(x) & ((uintptr_t)(align) - 1U)) == 0U)
#ifndef BIT
#define BIT(n) (1UL << (n))
#endif
#define BIT64(n)       (1ULL << (n))
#define BIT_MASK(n)    (BIT(n) - 1UL)
#define KB(x)          ((x) << 10)
#define MB(x)          (KB(x) << 10)
#define POINTER_TO_UINT(x) ((uintptr_t)(x))
#define UINT_TO_POINTER(x) ((void *)(uintptr_t)(x))
#define POINTER_TO_INT(x)  ((intptr_t)(x))
#define INT_TO_POINTER(x)  ((void *)(intptr_t)(x))

/* IS_ENABLED(CONFIG_X): 1 when CONFIG_X is defined to 1, 0 when undefined, usable in if(). */
#define Z_IS_ENABLED_PROBE_1         0,
#define Z_IS_ENABLED_SECOND(ignore, val, ...) val
#define Z_IS_ENABLED3(junk_or_zero)  Z_IS_ENABLED_SECOND(junk_or_zero 1, 0, ~)
#define Z_IS_ENABLED2(x)             Z_IS_ENABLED3(Z_IS_ENABLED_PROBE_##x)
#ifndef IS_ENABLED
/** @brief 1 if the config macro is defined to 1, else 0 (a constant expression). */
#define IS_ENABLED(config_macro) Z_IS_ENABLED2(config_macro)
#endif


/* Further names of Zephyr's util.h that application and test code uses. */
#ifndef WB_UP
/** @brief Round @p x up to a multiple of the word size. */
#define WB_UP(x) ROUND_UP(x, sizeof(void *))
/** @brief Round @p x down to a multiple of the word size. */
#define WB_DN(x) ROUND_DOWN(x, sizeof(void *))
#endif
#ifndef DIV_ROUND_CLOSEST
/** @brief @p n / @p d rounded to the nearest integer (non-negative operands). */
#define DIV_ROUND_CLOSEST(n, d) (((n) + ((d) / 2)) / (d))
#endif
#ifndef ceiling_fraction
#define ceiling_fraction(numerator, divider) DIV_ROUND_UP(numerator, divider)
#endif
#ifndef IS_PTR_ALIGNED
#define IS_PTR_ALIGNED(ptr, type) IS_ALIGNED(ptr, __alignof__(type))
#endif
#ifndef IS_PTR_ALIGNED_BYTES
#define IS_PTR_ALIGNED_BYTES(ptr, bytes) IS_ALIGNED(ptr, bytes)
#endif
#ifndef BITS_PER_LONG
#define BITS_PER_LONG      (__CHAR_BIT__ * __SIZEOF_LONG__)
#define BITS_PER_LONG_LONG (__CHAR_BIT__ * __SIZEOF_LONG_LONG__)
#endif
#ifndef GENMASK
/** @brief Mask of bits @p l to @p h (inclusive) of an unsigned long. */
#define GENMASK(h, l) (((~0UL) - (1UL << (l)) + 1) & (~0UL >> (BITS_PER_LONG - 1 - (h))))
/** @brief Mask of bits @p l to @p h (inclusive) of a 64-bit value. */
#define GENMASK64(h, l)                                                                            \
	(((~0ULL) - (1ULL << (l)) + 1) & (~0ULL >> (BITS_PER_LONG_LONG - 1 - (h))))
#endif
#ifndef LSB_GET
#define LSB_GET(value) ((__typeof__(value))((value) & -(value)))
#define FIELD_GET(mask, value) (((value) & (mask)) / LSB_GET(mask))
#define FIELD_PREP(mask, value) ((((__typeof__(mask))(value)) * LSB_GET(mask)) & (mask))
#endif
#ifndef SIZEOF_FIELD
/** @brief Size of member @p member of @p type. */
#define SIZEOF_FIELD(type, member) sizeof((((type *)0)->member))
#endif
#ifndef KHZ
#define KHZ(x) ((x) * 1000)
#define MHZ(x) (KHZ(x) * 1000)
#endif
#ifndef BIT64_MASK
#define BIT64_MASK(n) (BIT64(n) - 1ULL)
#endif
#ifndef WRITE_BIT
/** @brief Set bit @p bit of @p var to @p set. */
#define WRITE_BIT(var, bit, set) ((var) = (set) ? ((var) | BIT(bit)) : ((var) & ~BIT(bit)))
#endif
#ifndef UTIL_CAT
#define UTIL_PRIMITIVE_CAT(a, ...) a##__VA_ARGS__
/** @brief Paste @p a and the rest after macro expansion. */
#define UTIL_CAT(a, ...) UTIL_PRIMITIVE_CAT(a, __VA_ARGS__)
#endif

/* COND_CODE_1(CONFIG_X, (if set), (if not)): one of two token lists by a 0/1 config macro. */
#ifndef COND_CODE_1
#define Z_XXXX1 Z_YYYY,
#define Z_COND_CODE_1(_flag, _if_1_code, _else_code)                                               \
	__COND_CODE(Z_XXXX##_flag, _if_1_code, _else_code)
#define Z_COND_CODE_0(_flag, _if_0_code, _else_code)                                               \
	__COND_CODE(Z_ZZZZ##_flag, _if_0_code, _else_code)
#define Z_ZZZZ0 Z_YYYY,
#define __COND_CODE(one_or_two_args, _if_code, _else_code)                                         \
	__GET_ARG2_DEBRACKET(one_or_two_args _if_code, _else_code)
#define __GET_ARG2_DEBRACKET(ignore_this, val, ...) __DEBRACKET val
#define __DEBRACKET(...) __VA_ARGS__
/** @brief @p _if_1_code when @p _flag is 1, else @p _else_code (each in parentheses). */
#define COND_CODE_1(_flag, _if_1_code, _else_code) Z_COND_CODE_1(_flag, _if_1_code, _else_code)
/** @brief @p _if_0_code when @p _flag is 0, else @p _else_code (each in parentheses). */
#define COND_CODE_0(_flag, _if_0_code, _else_code) Z_COND_CODE_0(_flag, _if_0_code, _else_code)
/** @brief @p _code (in parentheses) when @p _flag is 1. */
#define IF_ENABLED(_flag, _code) COND_CODE_1(_flag, _code, ())
/** @brief @p _code (in parentheses) unless @p _flag is 1. */
#define IF_DISABLED(_flag, _code) COND_CODE_1(_flag, (), _code)
#endif

#ifndef IN_RANGE
/** @brief Whether @p val lies in [@p min, @p max]. */
#define IN_RANGE(val, min, max) ((val) >= (min) && (val) <= (max))
#endif
#ifndef LOG2
/* floor(log2(x)) of a nonzero value below 2^n, by halving: a constant expression (no builtin). */
#define Z_LOG2_2(x)  ((x) >= 2u ? 1 : 0)
#define Z_LOG2_4(x)  ((x) >= (1ULL << 2) ? 2 + Z_LOG2_2((x) >> 2) : Z_LOG2_2(x))
#define Z_LOG2_8(x)  ((x) >= (1ULL << 4) ? 4 + Z_LOG2_4((x) >> 4) : Z_LOG2_4(x))
#define Z_LOG2_16(x) ((x) >= (1ULL << 8) ? 8 + Z_LOG2_8((x) >> 8) : Z_LOG2_8(x))
#define Z_LOG2_32(x) ((x) >= (1ULL << 16) ? 16 + Z_LOG2_16((x) >> 16) : Z_LOG2_16(x))
#define Z_LOG2_64(x) ((x) >= (1ULL << 32) ? 32 + Z_LOG2_32((x) >> 32) : Z_LOG2_32(x))
/** @brief floor(log2(@p x)) for @p x >= 1, -1 for 0: a constant expression for a constant. */
#define LOG2(x) ((x) < 1 ? -1 : Z_LOG2_64((unsigned long long)(x)))
/** @brief ceil(log2(@p x)): 0 for 0 and 1. */
#define LOG2CEIL(x) ((x) <= 1 ? 0 : LOG2((unsigned long long)(x) - 1u) + 1)
/** @brief The smallest power of two >= @p x (1 for 0 and 1; 0 when it does not fit 64 bits). */
#define NHPOT(x)                                                                                   \
	((x) <= 1                                           ? 1ULL                                   \
	 : (((unsigned long long)(x) - 1u) >> 63) != 0u ? 0ULL /* x > 2^63 */                    \
							   : 1ULL << LOG2CEIL(x))
#endif

#include <zephyr/sys/util_macro.h>

#ifndef CONCAT
/** @brief Its arguments (at most 64) pasted into one token. */
#define CONCAT(...) MACRO_MAP_CAT(IDENTITY, __VA_ARGS__)
#endif

#endif /* ZEPHYR_INCLUDE_SYS_UTIL_H_ */
