/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's atomic operations (`<zephyr/sys/atomic.h>`): atomic_t, the arithmetic and
 * bitwise read-modify-write calls, compare-and-swap, pointer atomics and atomic bit arrays.
 *
 * Every call is one sequentially consistent compiler builtin (`__atomic_*`, GCC and Clang), so
 * the calls are safe between k_threads, between a thread and irq_offload() code, and between
 * host threads outside the runtime; on Cortex-M3/M4 and RISC-V (A extension) they compile to the
 * processor's exclusive or atomic instructions, without a lock. Each read-modify-write call
 * returns the value the target held before it, as on Zephyr.
 */
#ifndef ZEPHYR_INCLUDE_SYS_ATOMIC_H_
#define ZEPHYR_INCLUDE_SYS_ATOMIC_H_

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** An atomic variable: a machine word, as on Zephyr. */
typedef long atomic_t;
/** The value an atomic_t holds. */
typedef atomic_t atomic_val_t;
/** An atomic pointer. */
typedef void *atomic_ptr_t;
/** The value an atomic_ptr_t holds. */
typedef atomic_ptr_t atomic_ptr_val_t;

/** @brief Initializer of an atomic_t. */
#define ATOMIC_INIT(i) (i)
/** @brief Initializer of an atomic_ptr_t. */
#define ATOMIC_PTR_INIT(p) (p)
/** @brief Bits in one atomic_t. */
#define ATOMIC_BITS (sizeof(atomic_val_t) * 8)
/** @brief Mask of @p bit inside its atomic_t. */
#define ATOMIC_MASK(bit) (1UL << ((unsigned long)(bit) & (ATOMIC_BITS - 1U)))
/** @brief The atomic_t of an atomic bit array that holds @p bit. */
#define ATOMIC_ELEM(addr, bit) ((addr) + ((bit) / ATOMIC_BITS))
/** @brief atomic_t elements needed for @p num_bits bits. */
#define ATOMIC_BITMAP_SIZE(num_bits) (1 + ((num_bits)-1) / ATOMIC_BITS)
/**
 * @brief Define an array of @p num_bits atomic bits, all clear (at file scope) or uninitialized
 * (at block scope, like any local array): `ATOMIC_DEFINE(flags, 40);`, `static ATOMIC_DEFINE(...)`.
 */
#define ATOMIC_DEFINE(name, num_bits) atomic_t name[ATOMIC_BITMAP_SIZE(num_bits)]

/**
 * @brief Compare-and-swap: if @p target holds @p old_value, store @p new_value.
 * @return true if the value was stored, false if @p target held another value (unchanged).
 */
static inline bool atomic_cas(atomic_t *target, atomic_val_t old_value, atomic_val_t new_value)
{
	return __atomic_compare_exchange_n(target, &old_value, new_value, false, __ATOMIC_SEQ_CST,
					   __ATOMIC_SEQ_CST);
}

/** @brief Compare-and-swap of a pointer (see atomic_cas()). */
static inline bool atomic_ptr_cas(atomic_ptr_t *target, atomic_ptr_val_t old_value,
				  atomic_ptr_val_t new_value)
{
	return __atomic_compare_exchange_n(target, &old_value, new_value, false, __ATOMIC_SEQ_CST,
					   __ATOMIC_SEQ_CST);
}

/** @brief Add @p value to @p target. @return the previous value. */
static inline atomic_val_t atomic_add(atomic_t *target, atomic_val_t value)
{
	return __atomic_fetch_add(target, value, __ATOMIC_SEQ_CST);
}

/** @brief Subtract @p value from @p target. @return the previous value. */
static inline atomic_val_t atomic_sub(atomic_t *target, atomic_val_t value)
{
	return __atomic_fetch_sub(target, value, __ATOMIC_SEQ_CST);
}

/** @brief Add 1 to @p target. @return the previous value. */
static inline atomic_val_t atomic_inc(atomic_t *target)
{
	return atomic_add(target, 1);
}

/** @brief Subtract 1 from @p target. @return the previous value. */
static inline atomic_val_t atomic_dec(atomic_t *target)
{
	return atomic_sub(target, 1);
}

/** @brief Read @p target. */
static inline atomic_val_t atomic_get(const atomic_t *target)
{
	return __atomic_load_n(target, __ATOMIC_SEQ_CST);
}

/** @brief Read an atomic pointer. */
static inline atomic_ptr_val_t atomic_ptr_get(const atomic_ptr_t *target)
{
	return __atomic_load_n(target, __ATOMIC_SEQ_CST);
}

/** @brief Store @p value in @p target. @return the previous value. */
static inline atomic_val_t atomic_set(atomic_t *target, atomic_val_t value)
{
	return __atomic_exchange_n(target, value, __ATOMIC_SEQ_CST);
}

/** @brief Store @p value in an atomic pointer. @return the previous pointer. */
static inline atomic_ptr_val_t atomic_ptr_set(atomic_ptr_t *target, atomic_ptr_val_t value)
{
	return __atomic_exchange_n(target, value, __ATOMIC_SEQ_CST);
}

/** @brief Store 0 in @p target. @return the previous value. */
static inline atomic_val_t atomic_clear(atomic_t *target)
{
	return atomic_set(target, 0);
}

/** @brief Store NULL in an atomic pointer. @return the previous pointer. */
static inline atomic_ptr_val_t atomic_ptr_clear(atomic_ptr_t *target)
{
	return atomic_ptr_set(target, NULL);
}

/** @brief Bitwise OR @p value into @p target. @return the previous value. */
static inline atomic_val_t atomic_or(atomic_t *target, atomic_val_t value)
{
	return __atomic_fetch_or(target, value, __ATOMIC_SEQ_CST);
}

/** @brief Bitwise XOR @p value into @p target. @return the previous value. */
static inline atomic_val_t atomic_xor(atomic_t *target, atomic_val_t value)
{
	return __atomic_fetch_xor(target, value, __ATOMIC_SEQ_CST);
}

/** @brief Bitwise AND @p value into @p target. @return the previous value. */
static inline atomic_val_t atomic_and(atomic_t *target, atomic_val_t value)
{
	return __atomic_fetch_and(target, value, __ATOMIC_SEQ_CST);
}

/** @brief Store ~(@p target & @p value) in @p target. @return the previous value. */
static inline atomic_val_t atomic_nand(atomic_t *target, atomic_val_t value)
{
	return __atomic_fetch_nand(target, value, __ATOMIC_SEQ_CST);
}

/** @brief Read bit @p bit of an atomic bit array. */
static inline bool atomic_test_bit(const atomic_t *target, int bit)
{
	return (atomic_get(ATOMIC_ELEM(target, bit)) & (atomic_val_t)ATOMIC_MASK(bit)) != 0;
}

/** @brief Clear bit @p bit. @return whether it was set. */
static inline bool atomic_test_and_clear_bit(atomic_t *target, int bit)
{
	atomic_val_t mask = (atomic_val_t)ATOMIC_MASK(bit);

	return (atomic_and(ATOMIC_ELEM(target, bit), ~mask) & mask) != 0;
}

/** @brief Set bit @p bit. @return whether it was set already. */
static inline bool atomic_test_and_set_bit(atomic_t *target, int bit)
{
	atomic_val_t mask = (atomic_val_t)ATOMIC_MASK(bit);

	return (atomic_or(ATOMIC_ELEM(target, bit), mask) & mask) != 0;
}

/** @brief Clear bit @p bit. */
static inline void atomic_clear_bit(atomic_t *target, int bit)
{
	(void)atomic_and(ATOMIC_ELEM(target, bit), ~(atomic_val_t)ATOMIC_MASK(bit));
}

/** @brief Set bit @p bit. */
static inline void atomic_set_bit(atomic_t *target, int bit)
{
	(void)atomic_or(ATOMIC_ELEM(target, bit), (atomic_val_t)ATOMIC_MASK(bit));
}

/** @brief Set bit @p bit when @p val is true, clear it otherwise. */
static inline void atomic_set_bit_to(atomic_t *target, int bit, bool val)
{
	if (val) {
		atomic_set_bit(target, bit);
	} else {
		atomic_clear_bit(target, bit);
	}
}

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_ATOMIC_H_ */
