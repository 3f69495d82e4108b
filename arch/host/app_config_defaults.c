/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Defaults of the per-application settings, used when an executable is linked without
 * app_config.c (which zmem_app_runtime compiles with the application's configuration).
 */
#include "kernel_internal.h"

#ifndef CONFIG_MAIN_STACK_SIZE
#define CONFIG_MAIN_STACK_SIZE 8192
#endif
#ifndef CONFIG_MAIN_THREAD_PRIORITY
#define CONFIG_MAIN_THREAD_PRIORITY 0
#endif

__weak K_THREAD_STACK_DEFINE(z_main_stack, CONFIG_MAIN_STACK_SIZE);
__weak const size_t z_main_stack_size = K_THREAD_STACK_SIZEOF(z_main_stack);
__weak const int z_main_thread_prio = CONFIG_MAIN_THREAD_PRIORITY;
__weak uint32_t z_host_ticks_per_sec = CONFIG_SYS_CLOCK_TICKS_PER_SECOND;
