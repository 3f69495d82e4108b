/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Services of the zmem host runtime for other zmem layers (logging, stacks).
 */
#ifndef ZEPHYR_INCLUDE_ARCH_HOST_HOST_H_
#define ZEPHYR_INCLUDE_ARCH_HOST_HOST_H_

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Run @p fn(@p arg) on the current host thread's runtime stack.
 *
 * A k_thread's application code runs on its (small) stack object; C library work such as
 * formatting belongs on the runtime's large stack so that it neither overflows the thread's
 * stack nor counts in its measured usage. Called directly when already on the runtime stack
 * or outside any k_thread. @p fn must return; it may block in a kernel call (the scheduler's
 * own switch runs as such a request), and the thread's stack object is untouched meanwhile.
 */
void z_host_run_on_runtime_stack(void (*fn)(void *), void *arg);

/** @brief Microseconds since boot on the runtime's clock (real or virtual). */
uint64_t z_host_uptime_us(void);

/**
 * @brief A command line option the runtime does not know, offered to the application's
 * components (ztest: -list, -test=). @p opt is the option without its leading dashes.
 * Weak default: none known.
 *
 * @return true if the option was consumed
 */
bool z_host_app_option(const char *opt);

/** @brief Help lines for the options z_host_app_option() knows ("" by default). */
const char *z_host_app_options_help(void);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_ARCH_HOST_HOST_H_ */
