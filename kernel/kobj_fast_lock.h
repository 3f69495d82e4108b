/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The lock of the k_mem_slab and k_heap fast paths.
 *
 * On the host runtime exactly one k_thread runs at a time and it is never preempted between
 * kernel calls; irq_offload() runs ISRs synchronously from a kernel call (zephyr/spinlock.h
 * states this contract, and the single-thread Cortex-M stand-in keeps it). A fast path that
 * makes no kernel call can then not be interleaved with anything, and the spinlock would only
 * count nesting: with CONFIG_ZMEM_KOBJ_LOCKLESS_FAST_PATH (default y, and the default without
 * a configuration header) the fast paths skip it. Slow paths (waiting, waking, error reports,
 * statistics) always take it, as z_pend_curr() requires. A runtime that preempts
 * asynchronously must turn the option off.
 */
#ifndef ZMEM_KERNEL_KOBJ_FAST_LOCK_H_
#define ZMEM_KERNEL_KOBJ_FAST_LOCK_H_

#include <zephyr/spinlock.h>

#if !defined(CONFIG_HEAP_MEM_POOL_SIZE) || defined(CONFIG_ZMEM_KOBJ_LOCKLESS_FAST_PATH)
#define Z_KOBJ_FAST_LOCKLESS           1
#define Z_KOBJ_FAST_LOCK(lockp)        ((void)(lockp), (k_spinlock_key_t){0})
#define Z_KOBJ_FAST_UNLOCK(lockp, key) ((void)(lockp), (void)(key))
#else
#define Z_KOBJ_FAST_LOCKLESS           0
#define Z_KOBJ_FAST_LOCK(lockp)        k_spin_lock(lockp)
#define Z_KOBJ_FAST_UNLOCK(lockp, key) k_spin_unlock((lockp), (key))
#endif

#endif /* ZMEM_KERNEL_KOBJ_FAST_LOCK_H_ */
