/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's fatal error path: k_panic(), k_oops() and the application's handler.
 */
#ifndef ZEPHYR_INCLUDE_FATAL_H_
#define ZEPHYR_INCLUDE_FATAL_H_

#include <zephyr/arch/host/exception.h>
#include <zephyr/fatal_types.h>
#include <zephyr/toolchain.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Called by the kernel on a fatal error. Weak: applications override it.
 *
 * The default halts the system (the process exits with status 1). If an application's
 * handler returns, only the faulting thread is aborted and the system runs on; a fault in
 * interrupt context or a K_ERR_KERNEL_PANIC always halts.
 */
void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf);

/**
 * @brief The kernel's fatal path: logs ">>> ZEPHYR FATAL ERROR n: reason" and the current
 * thread, calls k_sys_fatal_error_handler(), then aborts the current thread.
 */
void z_fatal_error(unsigned int reason, const struct arch_esf *esf);

/** @brief Halt the system: the process exits with a non-zero status. Never returns. */
FUNC_NORETURN void k_fatal_halt(unsigned int reason);

/** @brief Fatal error of the current thread: K_ERR_KERNEL_OOPS. */
#define k_oops()  z_except_reason(K_ERR_KERNEL_OOPS)
/** @brief Fatal error of the whole system: K_ERR_KERNEL_PANIC. */
#define k_panic() z_except_reason(K_ERR_KERNEL_PANIC)
/** @brief Raise fatal error @p reason from the current context. */
#define z_except_reason(reason) z_fatal_error((reason), NULL)

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_FATAL_H_ */
