/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Threads and scheduling: struct k_thread and the thread API.
 *
 * Scheduling follows Zephyr on one CPU: a numerically lower priority runs first; negative
 * priorities are cooperative (only blocking or yielding switches away from them); equal
 * priorities run in FIFO order; a thread made ready by a kernel call preempts a preemptible
 * caller of strictly lower priority. On the host, preemption happens inside kernel calls and
 * k_busy_wait(); a pure CPU loop that makes no kernel call is not preempted (as on native_sim).
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_THREAD_H_
#define ZEPHYR_INCLUDE_KERNEL_THREAD_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zephyr/kernel/thread_stack.h>
#include <zephyr/kernel_structs.h>
#include <zephyr/sys/dlist.h>
#include <zephyr/sys_clock.h>
#include <zephyr/toolchain.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef CONFIG_NUM_COOP_PRIORITIES
#define CONFIG_NUM_COOP_PRIORITIES 16
#endif
#ifndef CONFIG_NUM_PREEMPT_PRIORITIES
#define CONFIG_NUM_PREEMPT_PRIORITIES 15
#endif
#ifndef CONFIG_THREAD_MAX_NAME_LEN
#define CONFIG_THREAD_MAX_NAME_LEN 32
#endif

/** @brief Highest (numerically lowest) thread priority. */
#define K_HIGHEST_THREAD_PRIO (-CONFIG_NUM_COOP_PRIORITIES)
/** @brief Lowest priority (the idle level). */
#define K_LOWEST_THREAD_PRIO CONFIG_NUM_PREEMPT_PRIORITIES
/** @brief Idle priority. */
#define K_IDLE_PRIO K_LOWEST_THREAD_PRIO
/** @brief Highest priority an application thread may use. */
#define K_HIGHEST_APPLICATION_THREAD_PRIO (K_HIGHEST_THREAD_PRIO)
/** @brief Lowest priority an application thread may use. */
#define K_LOWEST_APPLICATION_THREAD_PRIO (K_LOWEST_THREAD_PRIO - 1)
/** @brief Cooperative priority @p x (0 is the highest). */
#define K_PRIO_COOP(x) (-(CONFIG_NUM_COOP_PRIORITIES - (x)))
/** @brief Preemptible priority @p x (0 is the highest). */
#define K_PRIO_PREEMPT(x) (x)

/** @brief Thread option: its failure is a system failure (aborting it panics). */
#define K_ESSENTIAL     (1U << 0)
/** @brief Thread option: uses floating point (no effect on the host). */
#define K_FP_REGS       (1U << 1)
/** @brief Thread option: user mode (memory domains restrict it). */
#define K_USER          (1U << 2)
/** @brief Thread option: inherit the creator's kernel object permissions. */
#define K_INHERIT_PERMS (1U << 3)
/** @brief Thread option: SSE registers (no effect on the host). */
#define K_SSE_REGS      (1U << 4)

/** @brief A thread's entry point. */
typedef void (*k_thread_entry_t)(void *p1, void *p2, void *p3);

struct k_heap;
struct k_mem_domain;
struct z_host_thread;
struct k_thread;

/**
 * @brief Called in interrupt context when a thread with its own time slice
 * (k_thread_time_slice_set()) used it up, before it goes to the back of its priority.
 */
typedef void (*k_thread_timeslice_fn_t)(struct k_thread *thread, void *data);

/**
 * @brief CPU time a thread (or the CPU) used, in cycles of k_cycle_get_64() (nanoseconds on the
 * host). Kept by the runtime at every switch when CONFIG_THREAD_RUNTIME_STATS (or
 * CONFIG_SCHED_THREAD_USAGE) is set; see docs/host-runtime.md for what a cycle is in each mode.
 */
struct k_cycle_stats {
	uint64_t total;       /**< Cycles used since the thread was created. */
	uint64_t current;     /**< Cycles of the current (or last) run window. */
	uint64_t longest;     /**< Cycles of the longest run window. */
	uint32_t num_windows; /**< Times it was switched in (while tracked). */
	bool track_usage;     /**< Gathering is on for it (k_thread_runtime_stats_enable). */
};

/** @brief Scheduler part of a thread. */
struct _thread_base {
	sys_dnode_t qnode_dlist;   /**< In the ready queue or a wait queue. */
	_wait_q_t *pended_on;      /**< Wait queue the thread is pended on, or NULL. */
	uint32_t thread_state;     /**< _THREAD_* state bits (kernel/include/kthread.h). */
	int prio;                  /**< Current (possibly inherited) priority. */
	uint32_t user_options;     /**< K_USER, K_ESSENTIAL... */
	void *swap_data;           /**< Data a waker hands to the woken thread. */
	int swap_retval;           /**< Value z_pend_curr() returns in the woken thread. */
	struct _timeout timeout;   /**< The thread's sleep / pend timeout. */
	const char *pend_desc;     /**< What the thread waits for (deadlock reports). */
	unsigned int sched_locked; /**< k_sched_lock() nesting. */
	struct k_cycle_stats usage; /**< Run time (CONFIG_THREAD_RUNTIME_STATS). */
#ifdef CONFIG_TIMESLICE_PER_THREAD
	int32_t slice_ticks;        /**< Own time slice, ticks (0: the global one). */
	k_thread_timeslice_fn_t slice_expired; /**< Called when the own slice ends, or NULL. */
	void *slice_data;           /**< Argument of slice_expired. */
#endif
};

/** @brief A thread's stack, as laid out at creation. */
struct _thread_stack_info {
	uintptr_t start; /**< Lowest address of the usable area. */
	size_t size;     /**< Usable bytes (whole pages). */
	size_t delta;    /**< Bytes at the top used for other things than the stack (0 here). */
};

/** @brief A thread's memory domain membership. */
struct _mem_domain_info {
	sys_dnode_t mem_domain_q_node;    /**< In the domain's thread list. */
	struct k_mem_domain *mem_domain;  /**< The domain, or NULL. */
};

/** @brief A thread. Fields are kernel-private except where documented. */
struct k_thread {
	struct _thread_base base;                 /**< Scheduler state. */
	struct _thread_stack_info stack_info;     /**< Stack layout (read by stack tools). */
	struct _mem_domain_info mem_domain_info;  /**< Memory domain. */
	struct k_heap *resource_pool;             /**< Heap for z_thread_malloc(), or NULL. */
	char name[CONFIG_THREAD_MAX_NAME_LEN];    /**< Name (k_thread_name_set). */
	void *custom_data;                        /**< k_thread_custom_data_set/get. */
	_wait_q_t join_queue;                     /**< Threads in k_thread_join() on this one. */
	k_thread_entry_t entry;                   /**< Entry point. */
	void *p1, *p2, *p3;                       /**< Entry arguments. */
	k_thread_stack_t *stack_obj;              /**< The stack object given at creation. */
	int orig_prio;                            /**< Priority before mutex inheritance. */
	struct z_host_thread *host;               /**< The host thread running it. */
	void *stack_data;                         /**< Reserved for the stacks/protection layer. */
	uint16_t perm_index; /**< 1 + its bit in run-time objects' permission sets; 0: none. */
	bool stack_plain;    /**< Runs on a plain buffer, not a stack object: no guard, no slack. */
	bool slack_reported; /**< Its overflow into the slack was reported (once per thread). */
	/**
	 * Nesting of application system calls the thread made in user mode: while above 0 it
	 * runs in supervisor mode (K_USER cleared), as inside Zephyr's system calls.
	 */
	uint8_t syscall_user;
	/** Unused-stack threshold of the runtime stack safety checks, bytes (0: off). */
	size_t stack_unused_threshold;
};

/** @brief Thread identifier. */
typedef struct k_thread *k_tid_t;

/**
 * @brief Create a thread running @p entry(@p p1, @p p2, @p p3) on @p stack.
 *
 * @param new_thread Thread object (not in use).
 * @param stack Stack object from K_THREAD_STACK_DEFINE (or equivalent).
 * @param stack_size Usable bytes wanted (K_THREAD_STACK_SIZEOF(stack) at most).
 * @param entry Entry point; returning from it ends the thread.
 * @param p1 First argument. @param p2 Second argument. @param p3 Third argument.
 * @param prio Priority (negative: cooperative).
 * @param options K_USER, K_ESSENTIAL, K_FP_REGS...
 * @param delay K_NO_WAIT starts now; K_FOREVER waits for k_thread_start(); else the delay.
 * @return @p new_thread.
 */
k_tid_t k_thread_create(struct k_thread *new_thread, k_thread_stack_t *stack, size_t stack_size,
			k_thread_entry_t entry, void *p1, void *p2, void *p3, int prio,
			uint32_t options, k_timeout_t delay);
/** @brief Start a thread created with delay K_FOREVER (or start a delayed one now). */
void k_thread_start(k_tid_t thread);
/** @brief End @p thread (may be the caller: then it does not return). */
void k_thread_abort(k_tid_t thread);
/**
 * @brief Wait for @p thread to end.
 * @return 0 when it has ended; -EBUSY with K_NO_WAIT while it runs; -EAGAIN on timeout;
 * -EDEADLK when joining itself or a thread joining the caller.
 */
int k_thread_join(struct k_thread *thread, k_timeout_t timeout);
/** @brief The running thread. */
k_tid_t k_current_get(void);
/** @brief Set the name of @p thread (NULL: the caller). 0, or -EINVAL. */
int k_thread_name_set(k_tid_t thread, const char *str);
/** @brief Name of @p thread (an empty string if none was set). */
const char *k_thread_name_get(k_tid_t thread);
/** @brief Copy the name of @p thread to @p buf. 0, or -ENOSPC if it does not fit. */
int k_thread_name_copy(k_tid_t thread, char *buf, size_t size);
/** @brief Current priority of @p thread. */
int k_thread_priority_get(k_tid_t thread);
/** @brief Change the priority of @p thread; may reschedule. */
void k_thread_priority_set(k_tid_t thread, int prio);
/** @brief Let other ready threads of the same or higher priority run. */
void k_yield(void);
/**
 * @brief Sleep for @p timeout.
 * @return 0, or the milliseconds left (rounded up) when k_wakeup() ended the sleep early.
 */
int32_t k_sleep(k_timeout_t timeout);
/** @brief Sleep @p ms milliseconds; returns as k_sleep(). */
int32_t k_msleep(int32_t ms);
/** @brief Sleep @p us microseconds (at least one tick); returns as k_sleep(). */
int32_t k_usleep(int32_t us);
/** @brief Spin for @p usec_to_wait microseconds without yielding (time advances in --no-rt). */
void k_busy_wait(uint32_t usec_to_wait);
/**
 * @brief Pause inside a polling loop, as Zephyr defines it for its POSIX architecture: a loop
 * that waits for the clock to move (Zephyr's tests align to tick boundaries this way) spends
 * @p t microseconds of time, so it also ends under virtual time (--no-rt), where the clock
 * moves only when time is spent.
 */
#define Z_SPIN_DELAY(t) k_busy_wait(t)
/**
 * @brief End the sleep of @p thread now: a k_sleep() returns early (with the milliseconds left),
 * and k_sleep(K_FOREVER), which suspends its caller as on Zephyr, returns K_TICKS_FOREVER. As on
 * Zephyr, a thread that is only suspended is resumed; threads pending on an object, not started
 * or ended are left alone.
 */
void k_wakeup(k_tid_t thread);
/**
 * @brief Ticks until the timeout @p thread waits on (a sleep, a delayed start, a timed wait)
 * expires; 0 when it has none.
 */
k_ticks_t k_thread_timeout_remaining_ticks(const struct k_thread *thread);
/** @brief Absolute tick of @p thread's timeout (the current tick when it has none). */
k_ticks_t k_thread_timeout_expires_ticks(const struct k_thread *thread);
/**
 * @brief Zephyr's switch of a thread's floating-point context saving: host threads always keep
 * theirs, so there is nothing to change. @retval -ENOTSUP always (as on Zephyr without
 * CONFIG_FPU_SHARING)
 */
int k_float_disable(struct k_thread *thread);
/** @brief As k_float_disable(): @retval -ENOTSUP always. */
int k_float_enable(struct k_thread *thread, unsigned int options);
/** @brief Suspend @p thread until k_thread_resume(). */
void k_thread_suspend(k_tid_t thread);
/** @brief Resume a suspended @p thread. */
void k_thread_resume(k_tid_t thread);
/** @brief Lock the scheduler: the caller is not preempted until k_sched_unlock(). */
void k_sched_lock(void);
/** @brief Undo one k_sched_lock(); may reschedule. */
void k_sched_unlock(void);
/** @brief True if the caller is a preemptible thread (not cooperative, scheduler not locked). */
bool k_is_preempt_thread(void);
/**
 * @brief Set time slicing (CONFIG_TIMESLICING): a preemptible thread whose priority is @p prio
 * or lower (numerically >= @p prio) runs at most @p slice milliseconds (rounded up to ticks)
 * before it goes to the back of its priority, behind the other ready threads of that priority.
 * Cooperative threads and threads holding k_sched_lock() are not sliced. A thread's slice
 * starts when it is switched in. @p slice 0 turns slicing off (except for threads with their
 * own slice). The running thread's slice restarts now. The initial values are
 * CONFIG_TIMESLICE_SIZE and CONFIG_TIMESLICE_PRIORITY.
 *
 * On the host a slice ends at a scheduling point: inside k_busy_wait() at the slice's tick,
 * or at the next kernel call that may reschedule once the slice's tick has passed (real time);
 * a loop without kernel calls is not sliced (docs/host-runtime.md).
 *
 * @param slice Maximum slice length in milliseconds (0 or negative: no global slicing).
 * @param prio Highest priority (numerically lowest) that is sliced.
 */
void k_sched_time_slice_set(int32_t slice, int prio);
/**
 * @brief Give @p th its own time slice (CONFIG_TIMESLICE_PER_THREAD): when not 0 it replaces
 * the global slice for @p th, and @p th is sliced whatever its priority and the global
 * threshold (also when cooperative or holding the scheduler lock, as on Zephyr). When the
 * slice ends, @p expired(@p th, @p data) runs in interrupt context while @p th is still the
 * current thread (it may change its priority or suspend it), then @p th goes to the back of
 * its priority. If @p th is running its slice restarts now.
 *
 * @param th The thread.
 * @param slice_ticks Slice length in ticks (not milliseconds); 0 goes back to the global slice.
 * @param expired Callback at the end of each slice, or NULL.
 * @param data Argument of @p expired.
 */
void k_thread_time_slice_set(struct k_thread *th, int32_t slice_ticks,
			     k_thread_timeslice_fn_t expired, void *data);
/** @brief True if the caller may yield (a thread, not an ISR, not before the kernel starts). */
bool k_can_yield(void);
/** @brief True before the kernel started its first thread. */
bool k_is_pre_kernel(void);
/** @brief Set the caller's custom data pointer. */
void k_thread_custom_data_set(void *value);
/** @brief The caller's custom data pointer. */
void *k_thread_custom_data_get(void);

/** @brief Callback of k_thread_foreach(). */
typedef void (*k_thread_user_cb_t)(const struct k_thread *thread, void *user_data);
/** @brief Call @p user_cb for every live thread. */
void k_thread_foreach(k_thread_user_cb_t user_cb, void *user_data);
/** @brief Same as k_thread_foreach() (one CPU: no locking difference). */
void k_thread_foreach_unlocked(k_thread_user_cb_t user_cb, void *user_data);
/** @brief Textual state of @p thread ("running", "pending"...) into @p buf. */
const char *k_thread_state_str(k_tid_t thread, char *buf, size_t buf_size);

/** @brief Static description of a K_THREAD_DEFINE thread (kernel-private). */
struct _static_thread_data {
	struct k_thread *init_thread;       /**< Thread object. */
	k_thread_stack_t *init_stack;       /**< Stack object. */
	size_t init_stack_size;             /**< Usable stack bytes. */
	k_thread_entry_t init_entry;        /**< Entry point. */
	void *init_p1, *init_p2, *init_p3;  /**< Entry arguments. */
	int init_prio;                      /**< Priority. */
	uint32_t init_options;              /**< Options. */
	int32_t init_delay_ms;              /**< Start delay in ms (-1: K_FOREVER). */
	const char *init_name;              /**< Thread name. */
	struct _static_thread_data *next;   /**< Registration list. */
};

/** @brief Register a K_THREAD_DEFINE thread (called before main by a constructor). */
void z_static_thread_register(struct _static_thread_data *data);

/**
 * @brief Define a thread started at boot (before main runs, at its priority).
 * @p delay is in milliseconds (K_TICKS_FOREVER: not started).
 */
#define K_THREAD_DEFINE(name, stack_size, entry, p1, p2, p3, prio, options, delay)                 \
	K_THREAD_STACK_DEFINE(_k_thread_stack_##name, stack_size);                                 \
	struct k_thread _k_thread_obj_##name;                                                      \
	static struct _static_thread_data _k_thread_data_##name = {                                \
		.init_thread = &_k_thread_obj_##name,                                              \
		.init_stack = _k_thread_stack_##name,                                              \
		.init_stack_size = K_THREAD_STACK_SIZEOF(_k_thread_stack_##name),                  \
		.init_entry = (k_thread_entry_t)(entry),                                           \
		.init_p1 = (void *)(p1),                                                           \
		.init_p2 = (void *)(p2),                                                           \
		.init_p3 = (void *)(p3),                                                           \
		.init_prio = (prio),                                                               \
		.init_options = (options),                                                         \
		.init_delay_ms = (delay),                                                          \
		.init_name = #name,                                                                \
		.next = NULL,                                                                      \
	};                                                                                         \
	__attribute__((constructor)) static void _k_thread_register_##name(void)                   \
	{                                                                                          \
		z_static_thread_register(&_k_thread_data_##name);                                  \
	}                                                                                          \
	k_tid_t const name = &_k_thread_obj_##name

/**
 * @brief Run-time statistics of a thread, or of the CPU (Zephyr's k_thread_runtime_stats_t).
 *
 * All fields exist in every configuration; they are gathered with CONFIG_THREAD_RUNTIME_STATS
 * (or CONFIG_SCHED_THREAD_USAGE) and read 0 otherwise. Cycles are those of k_cycle_get_64():
 * sys_clock_hw_cycles_per_sec() per second.
 */
typedef struct k_thread_runtime_stats {
	/** Thread: cycles it ran. CPU: all cycles since boot, idle included. */
	uint64_t execution_cycles;
	/** Thread: same as execution_cycles. CPU: cycles some thread ran (idle excluded). */
	uint64_t total_cycles;
	/** Cycles of the current run window (CONFIG_SCHED_THREAD_USAGE_ANALYSIS). */
	uint64_t current_cycles;
	/** Cycles of the longest run window (CONFIG_SCHED_THREAD_USAGE_ANALYSIS). */
	uint64_t peak_cycles;
	/** total_cycles / number of run windows (CONFIG_SCHED_THREAD_USAGE_ANALYSIS). */
	uint64_t average_cycles;
	/** CPU: cycles nothing could run (idle). Thread: 0. */
	uint64_t idle_cycles;
} k_thread_runtime_stats_t;

/**
 * @brief Run-time statistics of @p thread (its running window so far included when it is the
 * caller). @retval 0 done (all zero without CONFIG_THREAD_RUNTIME_STATS) @retval -EINVAL NULL.
 */
int k_thread_runtime_stats_get(k_tid_t thread, k_thread_runtime_stats_t *stats);
/** @brief Run-time statistics of the whole system (one CPU). @retval -EINVAL NULL @p stats. */
int k_thread_runtime_stats_all_get(k_thread_runtime_stats_t *stats);
/** @brief Run-time statistics of CPU @p cpu (the host has CPU 0 only: else -EINVAL). */
int k_thread_runtime_stats_cpu_get(int cpu, k_thread_runtime_stats_t *stats);
/** @brief Start gathering statistics for @p thread (threads start enabled). */
int k_thread_runtime_stats_enable(k_tid_t thread);
/** @brief Stop gathering statistics for @p thread (its figures stay). */
int k_thread_runtime_stats_disable(k_tid_t thread);
/** @brief Start gathering CPU-wide statistics (on from boot). */
void k_sys_runtime_stats_enable(void);
/** @brief Stop gathering CPU-wide statistics. */
void k_sys_runtime_stats_disable(void);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_THREAD_H_ */
