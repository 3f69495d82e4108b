/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Logging control: panic mode.
 */
#ifndef ZEPHYR_INCLUDE_LOGGING_LOG_CTRL_H_
#define ZEPHYR_INCLUDE_LOGGING_LOG_CTRL_H_

#ifdef __cplusplus
extern "C" {
#endif

#if defined(CONFIG_LOG) && CONFIG_LOG
/**
 * @brief Switch logging to panic mode: flush everything now.
 *
 * zmem prints every message before the logging call returns, so this only flushes stdout; fatal
 * error paths call it before ending the process, as on Zephyr.
 */
void log_panic(void);
#else
static inline void log_panic(void)
{
}
#endif

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_LOGGING_LOG_CTRL_H_ */
