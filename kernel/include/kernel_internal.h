/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Kernel-internal calls between the kernel core, the host arch layer and the hooks
 * the stacks/protection layer implements.
 */
#ifndef ZMEM_KERNEL_INCLUDE_KERNEL_INTERNAL_H_
#define ZMEM_KERNEL_INCLUDE_KERNEL_INTERNAL_H_

#include <zephyr/kernel.h>

#include "ksched.h"
#include "timeout_q.h"

/* ---- Hooks (weak, no-op defaults in arch/host; the stacks layer overrides them) ---- */

/**
 * @brief @p t becomes the running thread: called on @p t's host thread, on its runtime stack,
 * before it returns to application code (and before its entry runs the first time).
 */
void z_host_thread_switched_in(struct k_thread *t);
/** @brief @p t was created (k_thread_create, before it can run), by the creating thread. */
void z_host_thread_created(struct k_thread *t);
/** @brief @p t ended (returned, aborted, or faulted), before joiners wake. */
void z_host_thread_exited(struct k_thread *t);
/**
 * @brief The running thread @p t is about to give up the CPU (it is queued or pended already),
 * or to end by itself: on its host thread, before the switch. The stacks layer checks the
 * stack slack here and may raise a fatal error for @p t (which then never switches back).
 */
void z_host_thread_switching_out(struct k_thread *t);

/** @brief The main thread (Zephyr's name; tests read its memory domain). */
extern struct k_thread z_main_thread;

/* ---- Host arch layer, used by the kernel ---- */

/** @brief See <zephyr/arch/host/host.h>. */
void z_host_run_on_runtime_stack(void (*fn)(void *), void *arg);
/** @brief Make @p t's stack area usable by a new thread (sanitizer bookkeeping). */
void z_host_stack_prepare(struct k_thread *t);
/** @brief Give the new thread @p t a host thread, parked until first switched to. */
int z_host_thread_spawn(struct k_thread *t);
/** @brief Switch from @p old (NULL: the boot context, never resumed) to @p next; returns when
 * @p old runs again. Called on the runtime stack. */
void z_host_switch(struct k_thread *old, struct k_thread *next);
/** @brief The current thread ended: start @p next (if not NULL) and end the host thread. */
FUNC_NORETURN void z_host_exit_switch(struct k_thread *next);
/** @brief The host thread of an aborted, non-running @p t ends without touching @p t. */
void z_host_thread_reap(struct k_thread *t);
/** @brief Wait (real time) or jump (virtual time) until tick @p deadline (or --stop_at). */
void z_host_idle_until(int64_t deadline);
/**
 * @brief k_work_submit_to_queue() without the scheduling point after it, for callers holding
 * a lock (an event of a k_work_poll item, its timeout); they reschedule themselves when it
 * returns > 0. Returns as k_work_submit_to_queue().
 */
int z_work_submit_no_resched(struct k_work_q *queue, struct k_work *work);
/** @brief Start the system work queue if @p queue is it and it has not started (it starts on
 * first use); nothing otherwise. Thread context. */
void z_sys_work_q_ensure(struct k_work_q *queue);
/** @brief Busy-wait (real time) or jump (virtual time) until @p target_ns of uptime; the time
 * counts as the current thread's run time. Nothing when @p target_ns has passed. */
void z_host_busy_wait_until(uint64_t target_ns);
/** @brief Nanoseconds of uptime at which tick @p tick begins. */
uint64_t z_host_tick_ns(int64_t tick);
/** @brief Ticks since boot on the runtime's clock. */
int64_t z_host_now_ticks(void);
/** @brief Nanoseconds since boot on the runtime's clock. */
uint64_t z_host_uptime_ns(void);
/** @brief Microseconds since boot (log timestamps). */
uint64_t z_host_uptime_us(void);
/** @brief Ticks per second the runtime runs at (the application's configuration). */
extern uint32_t z_host_ticks_per_sec;
/** @brief End the process now with @p status, flushing stdio. */
FUNC_NORETURN void z_host_exit(int status);
/** @brief End the process if a host thread that is not a k_thread calls the kernel. */
void z_host_check_caller(void);
/** @brief Check --stop_at: end the process (status 0) once uptime reached it. */
void z_host_check_stop(void);

/* ---- Kernel core, used by the host arch layer ---- */

/** @brief Boot: run @p main_fn as the main thread (with the K_THREAD_DEFINE threads). */
FUNC_NORETURN void z_cstart(int (*main_fn)(void));
/** @brief Entry of every thread on its own stack: runs the entry, then ends the thread. */
FUNC_NORETURN void z_thread_entry(struct k_thread *t);
/** @brief End the current thread (runs on its runtime stack). */
FUNC_NORETURN void z_thread_self_exit(void);
/** @brief Write @p msg to stderr without stdio (usable anywhere). */
void z_host_raw_write(const char *msg);

/** @brief Exit status when every thread waits forever while main has not returned. */
#define ZMEM_EXIT_DEADLOCK 3
/** @brief Exit status of k_fatal_halt() (the default fatal error handler). */
#define ZMEM_EXIT_FATAL 4

/**
 * @brief True if @p stack is a stack k_thread_stack_alloc() handed out and not yet freed (an
 * allocated one or a pool one); k_object_free() uses it to tell stacks from pool blocks.
 */
bool z_thread_stack_is_dynamic(const k_thread_stack_t *stack);

/**
 * @brief Whether @p obj is one of the stack objects a K_THREAD_STACK_DEFINE or
 * K_THREAD_STACK_ARRAY_DEFINE made (the start of one, as recorded in section zmem_stack_objs).
 */
bool z_stack_obj_defined(const void *obj);

/**
 * @brief Whether @p p lies anywhere in the stack objects of a K_THREAD_STACK_DEFINE or
 * K_THREAD_STACK_ARRAY_DEFINE.
 */
bool z_stack_obj_contains(const void *p);

/**
 * @brief The heap z_thread_malloc() serves the caller from: the current thread's resource pool
 * (NULL when it has none), or the system heap in an ISR, as on Zephyr.
 */
struct k_heap *z_thread_resource_pool(void);

#endif /* ZMEM_KERNEL_INCLUDE_KERNEL_INTERNAL_H_ */
