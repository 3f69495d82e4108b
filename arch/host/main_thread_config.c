/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The main thread's stack and priority, and the tick rate, from the configuration zmem is
 * compiled with (applications get a zmem built with their own prj.conf, cmake/zmem_app.cmake).
 */
#include "kernel_internal.h"

#ifndef CONFIG_MAIN_STACK_SIZE
#define CONFIG_MAIN_STACK_SIZE 8192
#endif
#ifndef CONFIG_MAIN_THREAD_PRIORITY
#define CONFIG_MAIN_THREAD_PRIORITY 0
#endif

K_THREAD_STACK_DEFINE(z_main_stack, CONFIG_MAIN_STACK_SIZE);
const size_t z_main_stack_size = K_THREAD_STACK_SIZEOF(z_main_stack);
const int z_main_thread_prio = CONFIG_MAIN_THREAD_PRIORITY;
uint32_t z_host_ticks_per_sec = CONFIG_SYS_CLOCK_TICKS_PER_SEC;
