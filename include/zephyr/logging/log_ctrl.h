/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Logging control: panic mode, and the boot banner the runtime prints.
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

/**
 * @brief Print `*** Booting zmem <version> ***` when CONFIG_BOOT_BANNER is enabled.
 *
 * Called once by the host runtime before the application's main() (host builds only).
 */
void z_boot_banner(void);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_LOGGING_LOG_CTRL_H_ */
