/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief What logging needs from the host runtime (arch/host), and the shared output helpers.
 */
#ifndef ZMEM_SUBSYS_LOGGING_LOG_HOST_H_
#define ZMEM_SUBSYS_LOGGING_LOG_HOST_H_

#include <stdarg.h>
#include <stdint.h>

/** @brief Microseconds since boot on the runtime's clock (real or virtual time). */
uint64_t z_host_uptime_us(void);

/**
 * @brief Run @p fn(@p arg) on the current thread's runtime stack and return when it is done.
 *
 * The runtime's stack is large; application stacks may be a few hundred bytes, far less than
 * the C library's vfprintf needs.
 */
void z_host_run_on_runtime_stack(void (*fn)(void *), void *arg);

/** @brief Lock the console so that a line (or a hex dump) is printed whole. Recursive. */
void z_log_console_lock(void);

/** @brief Flush and release the console taken by z_log_console_lock(). */
void z_log_console_unlock(void);

/**
 * @brief Print the `[hh:mm:ss.mmm,uuu] <lvl> module: ` prefix of a log line.
 *
 * Call with the console locked. @return The number of characters printed.
 */
int z_log_output_prefix(const char *module, int level, uint64_t uptime_us);

#endif /* ZMEM_SUBSYS_LOGGING_LOG_HOST_H_ */
