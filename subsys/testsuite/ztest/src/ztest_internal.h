/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Between ztest's parts: the runner (ztest.c), the command line (ztest_args.c) and the error
 * hooks (ztest_error_hook.c).
 */
#ifndef ZMEM_ZTEST_INTERNAL_H_
#define ZMEM_ZTEST_INTERNAL_H_

#include <stdarg.h>
#include <stdbool.h>
#if defined(CONFIG_PRINTK) && CONFIG_PRINTK && !defined(ZTEST_SINGLE_THREAD)
#include <zephyr/sys/printk.h>
#else
#include <stdio.h>
#endif

/** @brief The -test= selection ("suite::case,suite::*"), or NULL to run everything. */
const char *z_ztest_selection(void);

/** @brief True when the command line asked for the list of tests (-list). */
bool z_ztest_list_requested(void);

/**
 * @brief Take one command line option, without its leading dashes: "list" or "test=SELECTION".
 * @return false for any other option (the caller reports it).
 */
bool z_ztest_option(const char *opt);

/**
 * @brief An unexpected fatal error: if it happened in a thread of the running test, record the
 * test as failed and return true (the faulting thread ends, the run goes on); false when no
 * test is running (the system halts).
 */
bool z_ztest_fatal_error(unsigned int reason);

/** @brief Print a formatted message where test output goes. */
static inline void z_ztest_vprint(const char *fmt, va_list ap)
{
#if defined(CONFIG_PRINTK) && CONFIG_PRINTK && !defined(ZTEST_SINGLE_THREAD)
	vprintk(fmt, ap);
#else
	vprintf(fmt, ap);
#endif
}

#endif /* ZMEM_ZTEST_INTERNAL_H_ */
