/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's logging API.
 *
 * With CONFIG_LOG set, messages at or below a module's level go to z_log_msg() (implemented
 * by subsys/logging), which formats them on the runtime's stack. Without it (freestanding builds of the core), every macro compiles to
 * nothing but still type-checks its format string.
 */
#ifndef ZEPHYR_INCLUDE_LOGGING_LOG_H_
#define ZEPHYR_INCLUDE_LOGGING_LOG_H_

#include <stddef.h>
/*
 * Zephyr's logging headers include <string.h> (log_msg.h, cbprintf.h), and Zephyr code that
 * includes <zephyr/logging/log.h> calls memset(), memcpy() and strlen() without including it.
 */
#include <string.h>

#include <zephyr/logging/log_ctrl.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LOG_LEVEL_NONE 0
#define LOG_LEVEL_ERR  1
#define LOG_LEVEL_WRN  2
#define LOG_LEVEL_INF  3
#define LOG_LEVEL_DBG  4

#ifndef CONFIG_LOG_DEFAULT_LEVEL
#define CONFIG_LOG_DEFAULT_LEVEL LOG_LEVEL_INF
#endif

/*
 * A file may set the level of the modules it registers or declares without an explicit level by
 * defining LOG_LEVEL before including this header, as on Zephyr.
 */
#ifdef LOG_LEVEL
#define Z_LOG_FILE_DEFAULT_LEVEL LOG_LEVEL
#else
#define Z_LOG_FILE_DEFAULT_LEVEL CONFIG_LOG_DEFAULT_LEVEL
#endif

/** @brief A log source (one per LOG_MODULE_REGISTER). */
struct log_source {
	const char *name; /**< Module name printed in every line. */
	int level;        /**< Level given at registration. */
};

#if defined(CONFIG_LOG) && CONFIG_LOG

/**
 * @brief Emit one log line for @p src at @p level.
 *
 * Formats on the runtime's stack and prints `[hh:mm:ss.mmm,uuu] <lvl> module: message` to stdout
 * as one whole line. @p func, when not NULL, is printed before the message (Zephyr does that for
 * debug messages).
 */
void z_log_msg(const struct log_source *src, int level, const char *func, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/** @brief Emit one formatted log line for @p src at @p level (z_log_msg without a function). */
void z_log_printf(const struct log_source *src, int level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/** @brief Emit a message followed by a hex dump of @p data (16 bytes per line). */
void z_log_hexdump(const struct log_source *src, int level, const void *data, size_t length,
		   const char *str);

/** @brief Print a formatted message with no prefix and no added newline (LOG_PRINTK). */
void z_log_raw(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define Z_LOG_REGISTER(name, level, ...)                                                           \
	const struct log_source z_log_source_##name = {#name, (level)};                            \
	static const struct log_source *const z_log_current __attribute__((unused)) =            \
		&z_log_source_##name;                                                              \
	static const int z_log_level __attribute__((unused)) = (level)

#define Z_LOG_DECLARE(name, level, ...)                                                            \
	extern const struct log_source z_log_source_##name;                                        \
	static const struct log_source *const z_log_current __attribute__((unused)) =            \
		&z_log_source_##name;                                                              \
	static const int z_log_level __attribute__((unused)) = (level)

/** @brief Register a log module: LOG_MODULE_REGISTER(name) or (name, level). */
#define LOG_MODULE_REGISTER(...) Z_LOG_REGISTER(__VA_ARGS__, Z_LOG_FILE_DEFAULT_LEVEL, ~)
/** @brief Use a module registered in another file: LOG_MODULE_DECLARE(name[, level]). */
#define LOG_MODULE_DECLARE(...)  Z_LOG_DECLARE(__VA_ARGS__, Z_LOG_FILE_DEFAULT_LEVEL, ~)

#if defined(CONFIG_LOG_FUNC_NAME_PREFIX_DBG) && CONFIG_LOG_FUNC_NAME_PREFIX_DBG
#define Z_LOG_FUNC(lvl) ((lvl) == LOG_LEVEL_DBG ? __func__ : NULL)
#else
#define Z_LOG_FUNC(lvl) ((const char *)NULL)
#endif

#define Z_LOG(lvl, ...)                                                                            \
	do {                                                                                       \
		if ((lvl) <= z_log_level) {                                                        \
			z_log_msg(z_log_current, (lvl), Z_LOG_FUNC(lvl), __VA_ARGS__);             \
		}                                                                                  \
	} while (0)

#define Z_LOG_HEXDUMP(lvl, data, length, str)                                                      \
	do {                                                                                       \
		if ((lvl) <= z_log_level) {                                                        \
			z_log_hexdump(z_log_current, (lvl), (data), (length), (str));              \
		}                                                                                  \
	} while (0)

/** @brief Print a formatted string through logging, without a prefix or newline. */
#define LOG_PRINTK(...) z_log_raw(__VA_ARGS__)
/** @brief Same as LOG_PRINTK. */
#define LOG_RAW(...)    z_log_raw(__VA_ARGS__)

#else /* !CONFIG_LOG */

static inline __attribute__((format(printf, 1, 2))) void z_log_format_check(const char *fmt, ...)
{
	(void)fmt;
}

#define LOG_MODULE_REGISTER(...) struct z_log_unused_register
#define LOG_MODULE_DECLARE(...)  struct z_log_unused_declare
#define Z_LOG(lvl, ...)                                                                            \
	do {                                                                                       \
		if (0) {                                                                           \
			z_log_format_check(__VA_ARGS__);                                           \
		}                                                                                  \
	} while (0)
#define Z_LOG_HEXDUMP(lvl, data, length, str)                                                      \
	do {                                                                                       \
		(void)(data);                                                                      \
		(void)(length);                                                                    \
		(void)(str);                                                                       \
	} while (0)
#define LOG_PRINTK(...) Z_LOG(0, __VA_ARGS__)
#define LOG_RAW(...)    Z_LOG(0, __VA_ARGS__)

#endif /* CONFIG_LOG */

/** @brief Log an error: printf-style arguments, printed when the file's level is >= 1. */
#define LOG_ERR(...) Z_LOG(LOG_LEVEL_ERR, __VA_ARGS__)
/** @brief Log a warning (level >= 2). */
#define LOG_WRN(...) Z_LOG(LOG_LEVEL_WRN, __VA_ARGS__)
/** @brief Log an informational message (level >= 3). */
#define LOG_INF(...) Z_LOG(LOG_LEVEL_INF, __VA_ARGS__)
/** @brief Log a debug message (level 4), prefixed with the function name by default. */
#define LOG_DBG(...) Z_LOG(LOG_LEVEL_DBG, __VA_ARGS__)

/** @brief Log @p str then @p length bytes at @p data in hex and ASCII, as an error. */
#define LOG_HEXDUMP_ERR(data, length, str) Z_LOG_HEXDUMP(LOG_LEVEL_ERR, data, length, str)
/** @brief LOG_HEXDUMP_ERR at warning level. */
#define LOG_HEXDUMP_WRN(data, length, str) Z_LOG_HEXDUMP(LOG_LEVEL_WRN, data, length, str)
/** @brief LOG_HEXDUMP_ERR at info level. */
#define LOG_HEXDUMP_INF(data, length, str) Z_LOG_HEXDUMP(LOG_LEVEL_INF, data, length, str)
/** @brief LOG_HEXDUMP_ERR at debug level. */
#define LOG_HEXDUMP_DBG(data, length, str) Z_LOG_HEXDUMP(LOG_LEVEL_DBG, data, length, str)

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_LOGGING_LOG_H_ */
