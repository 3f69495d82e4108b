/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's fatal error reasons.
 */
#ifndef ZEPHYR_INCLUDE_FATAL_TYPES_H_
#define ZEPHYR_INCLUDE_FATAL_TYPES_H_

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Why the kernel took the fatal path. */
enum k_fatal_error_reason {
	K_ERR_CPU_EXCEPTION,   /**< Generic CPU exception (on the host: SIGSEGV, SIGBUS...). */
	K_ERR_SPURIOUS_IRQ,    /**< Unhandled hardware interrupt. */
	K_ERR_STACK_CHK_FAIL,  /**< Stack overflow detected. */
	K_ERR_KERNEL_OOPS,     /**< k_oops(): the current thread is aborted. */
	K_ERR_KERNEL_PANIC,    /**< k_panic(): the system cannot go on. */
	K_ERR_ARCH_START = 16, /**< Architecture-specific reasons start here. */
};

/** @brief Zephyr's text for @p reason ("CPU exception", "Kernel oops"...). */
const char *z_fatal_error_reason_str(unsigned int reason);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_FATAL_TYPES_H_ */
