/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief What the Cortex-M board support (QEMU mps2-an385 / mps2-an386) offers its programs.
 *
 * Programs are ordinary C: main(argc, argv) with printf, malloc and exit from newlib. The
 * board adds the reset code, the fault report and these few calls.
 */
#ifndef ZMEM_ARCH_CORTEX_M_BOARD_H_
#define ZMEM_ARCH_CORTEX_M_BOARD_H_

#include <stddef.h>

/** @brief Exit status of a program stopped by a CPU fault (HardFault, UsageFault, ...). */
#define Z_CORTEX_M_FAULT_EXIT 3

/** @brief Exit status when the main stack overflowed its guard pattern. */
#define Z_CORTEX_M_STACK_OVERFLOW_EXIT 4

/**
 * @brief Bytes of the main stack used so far (high-water mark of the painted stack).
 *
 * The stack is filled with a pattern at reset; the lowest overwritten word marks the deepest
 * use. The exit path checks the bottom of the stack and fails the program on overflow.
 */
size_t z_cortex_m_stack_used(void);

/** @brief Size of the main stack in bytes (set by the linker script). */
size_t z_cortex_m_stack_size(void);

#endif /* ZMEM_ARCH_CORTEX_M_BOARD_H_ */
