/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's console output: printk() and the snprintk() family.
 *
 * Formatting runs on the runtime's stack, not on the calling thread's (possibly tiny) stack, so
 * the host C library's printf machinery never overflows an application stack sized for an MCU.
 * With CONFIG_PRINTK disabled in the application's configuration, printk() and vprintk() are
 * no-ops (format strings are still checked); snprintk() always works, as on Zephyr.
 */
#ifndef ZEPHYR_INCLUDE_SYS_PRINTK_H_
#define ZEPHYR_INCLUDE_SYS_PRINTK_H_

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Without any generated configuration (a freestanding build of the core) printk stays a real
 * function: the platform that links such a build supplies it.
 */
#if defined(CONFIG_PRINTK) || !defined(ZMEM_AUTOCONF)
#define Z_PRINTK_ENABLED 1
#endif

#ifdef Z_PRINTK_ENABLED
/**
 * @brief Print a formatted string to the console (stdout on the host).
 *
 * Accepts the C library's printf conversions, including %zu, %p and floating point (%.1f).
 * Output of one call is never interleaved with other printk or log output.
 *
 * @param fmt printf-style format string.
 */
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * @brief printk() with a va_list.
 *
 * @param fmt printf-style format string.
 * @param ap  Arguments for @p fmt.
 */
void vprintk(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
#else
static inline __attribute__((format(printf, 1, 2))) void printk(const char *fmt, ...)
{
	(void)fmt;
}

static inline __attribute__((format(printf, 1, 0))) void vprintk(const char *fmt, va_list ap)
{
	(void)fmt;
	(void)ap;
}
#endif

/**
 * @brief Format into a buffer, like snprintf().
 *
 * @param str  Destination; always NUL-terminated when @p size > 0.
 * @param size Size of @p str in bytes.
 * @param fmt  printf-style format string.
 * @return Number of characters the full output needs (excluding the NUL), or a negative value
 *         on an encoding error.
 */
int snprintk(char *str, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/**
 * @brief snprintk() with a va_list.
 *
 * @param str  Destination; always NUL-terminated when @p size > 0.
 * @param size Size of @p str in bytes.
 * @param fmt  printf-style format string.
 * @param ap   Arguments for @p fmt.
 * @return As snprintk().
 */
int vsnprintk(char *str, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_PRINTK_H_ */
