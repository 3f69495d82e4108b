/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's spinlocks on the host runtime.
 *
 * Only one k_thread runs at a time and the runtime never preempts a thread between kernel calls,
 * so a spinlock is an interrupt lock: it records the nesting (checked by assertions) and makes
 * irq_offload() refuse to run while held. Spinning never happens.
 */
#ifndef ZEPHYR_INCLUDE_SPINLOCK_H_
#define ZEPHYR_INCLUDE_SPINLOCK_H_

#include <stdbool.h>
#include <zephyr/irq.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A spinlock. */
struct k_spinlock {
	int locked; /**< Nonzero while held (debug aid). */
};

/** @brief The key returned by k_spin_lock(), given back to k_spin_unlock(). */
typedef struct {
	unsigned int key; /**< The interrupt lock key. */
} k_spinlock_key_t;

/** @brief Take @p l; returns the key to give to k_spin_unlock(). */
static inline k_spinlock_key_t k_spin_lock(struct k_spinlock *l)
{
	k_spinlock_key_t k;

	k.key = irq_lock();
	l->locked++;
	return k;
}

/** @brief Release @p l with the key k_spin_lock() returned. */
static inline void k_spin_unlock(struct k_spinlock *l, k_spinlock_key_t key)
{
	l->locked--;
	irq_unlock(key.key);
}

/** @brief Release @p l without restoring interrupts (the caller still holds the irq lock). */
static inline void k_spin_release(struct k_spinlock *l)
{
	l->locked--;
}

/** @brief Try to take @p l: 0 and *k set, or -EBUSY (always succeeds on one CPU). */
static inline int k_spin_trylock(struct k_spinlock *l, k_spinlock_key_t *k)
{
	*k = k_spin_lock(l);
	return 0;
}

/** @brief Run the following block with @p lck held: K_SPINLOCK(&lock) { ... } */
#define K_SPINLOCK(lck)                                                                            \
	for (k_spinlock_key_t __i_k = k_spin_lock(lck), *__i_once = &__i_k; __i_once != NULL;     \
	     k_spin_unlock((lck), __i_k), __i_once = NULL)

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SPINLOCK_H_ */
