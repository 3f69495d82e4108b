/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Run-time accounting between the host runtime (switches, idle, kernel calls) and the
 * statistics calls (kernel/thread_stats.c). Cycles are nanoseconds; docs/host-runtime.md says
 * what they measure in real time and under --no-rt.
 */
#ifndef ZMEM_ARCH_HOST_THREAD_USAGE_H_
#define ZMEM_ARCH_HOST_THREAD_USAGE_H_

#include <stdbool.h>
#include <stdint.h>

#include <zephyr/kernel.h>

/** @brief --no-rt cost model: cycles charged per scheduling-point kernel call (1 µs). */
#define Z_HOST_USAGE_CALL_CYCLES 1000U

/** @brief The running thread gives up the CPU (on its host thread): its window ends. */
void z_host_usage_switch_out(void);
/** @brief @p t runs again (on its host thread): a new window starts. */
void z_host_usage_switched_in(struct k_thread *t);
/** @brief Nothing can run: an idle window starts. */
void z_host_usage_idle_begin(void);
/** @brief The idle wait ended: the thread that idled goes on scheduling. */
void z_host_usage_idle_end(void);
/** @brief k_busy_wait() of @p ns: in real time it sleeps, but counts as run time. */
void z_host_usage_busy_wait(uint64_t ns);
/** @brief A kernel call that is a scheduling point (--no-rt cost model). */
void z_host_usage_kernel_call(void);
/** @brief @p t's figures, its open window included. */
void z_host_usage_thread_get(struct k_thread *t, struct k_cycle_stats *out);
/** @brief The CPU's non-idle figures and its idle cycles, the open window included. */
void z_host_usage_cpu_get(struct k_cycle_stats *out, uint64_t *idle);
/** @brief k_sys_runtime_stats_enable/disable. */
void z_host_usage_cpu_track(bool on);

#endif /* ZMEM_ARCH_HOST_THREAD_USAGE_H_ */
