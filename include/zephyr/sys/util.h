/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's small utility macros (sizes, rounding, bits, containers).
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

#endif /* ZEPHYR_INCLUDE_SYS_UTIL_H_ */
