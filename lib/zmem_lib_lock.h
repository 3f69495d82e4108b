/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Module-wide lock for the lib/ components that keep Zephyr's "thread-safe" promise
 * (sys_mem_blocks, heap listeners).
 *
 * On the host runtime it is a k_spinlock (CONFIG_ZMEM_LIB_LOCKING, on by default in every
 * configuration built with the runtime). Freestanding builds (the core-only build, the
 * Cortex-M cross build) have no kernel and no configuration header: there the caller
 * serializes, as with sys_heap, and the lock compiles to nothing.
 */
#ifndef ZMEM_LIB_LOCK_H_
#define ZMEM_LIB_LOCK_H_

#if defined(CONFIG_ZMEM_LIB_LOCKING) && CONFIG_ZMEM_LIB_LOCKING && __has_include(<zephyr/spinlock.h>)
#include <zephyr/spinlock.h>

#define Z_LIB_LOCK_DEFINE(name) struct k_spinlock name
#define Z_LIB_LOCK(name)        k_spinlock_key_t z_lib_key_##name = k_spin_lock(&(name))
#define Z_LIB_UNLOCK(name)      k_spin_unlock(&(name), z_lib_key_##name)

#else

#define Z_LIB_LOCK_DEFINE(name) int name __attribute__((unused))
#define Z_LIB_LOCK(name)        (void)0
#define Z_LIB_UNLOCK(name)      (void)0

#endif

#endif /* ZMEM_LIB_LOCK_H_ */
