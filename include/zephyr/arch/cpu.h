/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's per-architecture CPU header: on the host, the architecture interface.
 *
 * Zephyr code includes <zephyr/arch/cpu.h> for the architecture's definitions (on native_sim,
 * those of arch/posix); what portable code uses of it is in <zephyr/arch/arch_interface.h>.
 */
#ifndef ZEPHYR_INCLUDE_ARCH_CPU_H_
#define ZEPHYR_INCLUDE_ARCH_CPU_H_

#include <zephyr/arch/arch_interface.h>

#endif /* ZEPHYR_INCLUDE_ARCH_CPU_H_ */
