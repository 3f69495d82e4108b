/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief The parts of Zephyr's architecture interface that portable code calls.
 */
#ifndef ZEPHYR_INCLUDE_ARCH_ARCH_INTERFACE_H_
#define ZEPHYR_INCLUDE_ARCH_ARCH_INTERFACE_H_

#ifdef __cplusplus
extern "C" {
#endif

#ifndef CONFIG_MP_MAX_NUM_CPUS
#define CONFIG_MP_MAX_NUM_CPUS 1
#endif

/**
 * @brief Number of CPUs the kernel schedules on: always 1 on zmem (the host runtime runs one
 * k_thread at a time; CONFIG_MP_MAX_NUM_CPUS is 1).
 */
static inline unsigned int arch_num_cpus(void)
{
	return CONFIG_MP_MAX_NUM_CPUS;
}

/** @brief Index of the CPU running the caller: always 0. */
static inline unsigned int arch_proc_id(void)
{
	return 0;
}

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_ARCH_ARCH_INTERFACE_H_ */
