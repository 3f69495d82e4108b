/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief System initialization: SYS_INIT() and SYS_INIT_NAMED(), Zephyr's calls before main.
 *
 * An init function `int fn(void)` registered with SYS_INIT(fn, level, prio) runs once while
 * the kernel boots, at its level, in ascending priority within the level:
 *
 * | level | when (host runtime, kernel/init.c) | context |
 * |---|---|---|
 * | `EARLY` | first in z_cstart() | no thread; k_is_pre_kernel() is true |
 * | `PRE_KERNEL_1` (`PRE_KERNEL`) | then | no thread, no scheduler: nothing may block |
 * | `PRE_KERNEL_2` | after every `PRE_KERNEL_1` entry | same |
 * | `POST_KERNEL` | first in the main thread | main thread; the kernel is fully up |
 * | `APPLICATION` | after the boot banner, before K_THREAD_DEFINE threads start | main thread |
 * | `PRE_MAIN` (`SMP`) | after those threads started, just before main() | main thread |
 *
 * Priorities are 0 to 999 (Zephyr's older releases allow 0 to 99; both sort numerically).
 * Entries with the same level and priority run in link order: across files the order of the
 * objects on the link line, within a file the order the compiler emitted them (GCC 12: the
 * reverse of the order they are written; Clang 14: as written). Zephyr's order depends on the
 * same things and is unspecified, so do not rely on it.
 *
 * The return value is ignored, as on Zephyr for SYS_INIT (only a device's init result marks
 * the device not ready, and zmem has no devices): nothing is logged, and the next entry runs.
 */
#ifndef ZEPHYR_INCLUDE_INIT_H_
#define ZEPHYR_INCLUDE_INIT_H_

#include <stddef.h>
#include <stdint.h>

#include <zephyr/toolchain.h>

#ifdef __cplusplus
extern "C" {
#endif

struct device;

/**
 * @brief One init entry (SYS_INIT); the kernel finds them through a section of pointers.
 *
 * Zephyr's `init_fn` and `dev` (always NULL here), plus the level and priority that Zephyr's
 * linker script encodes in section names: zmem sorts at boot instead (see kernel/init.c).
 */
struct init_entry {
	/** The init function. */
	int (*init_fn)(void);
	/** The device it initializes: none on zmem. */
	const struct device *dev;
	/** Level ordinal, INIT_LEVEL_ORD(). */
	uint16_t level;
	/** Priority within the level, 0..999. */
	uint16_t prio;
};

/** @cond INTERNAL_HIDDEN */
/* Level ordinals in boot order; the deprecated aliases share their level's ordinal. */
#define Z_INIT_ORD_EARLY        0
#define Z_INIT_ORD_PRE_KERNEL   1
#define Z_INIT_ORD_PRE_KERNEL_1 1
#define Z_INIT_ORD_PRE_KERNEL_2 2
#define Z_INIT_ORD_POST_KERNEL  3
#define Z_INIT_ORD_APPLICATION  4
#define Z_INIT_ORD_PRE_MAIN     5
#define Z_INIT_ORD_SMP          5
#define Z_INIT_LEVEL_COUNT      6

#define Z_INIT_ORD_TOKEN(level) Z_INIT_ORD_##level

/* Zephyr's entry name, so that two SYS_INITs of one function in a file clash as on Zephyr
 * (SYS_INIT_NAMED gives the second one another name). */
#define Z_INIT_ENTRY_NAME(init_id) _CONCAT(__init_, init_id)
/** @endcond */

/**
 * @brief The ordinal of init level @p level (an unknown level does not compile).
 *
 * @param level EARLY, PRE_KERNEL_1, PRE_KERNEL_2, POST_KERNEL, APPLICATION, PRE_MAIN, or
 * the aliases PRE_KERNEL (of PRE_KERNEL_1) and SMP (of PRE_MAIN)
 */
#define INIT_LEVEL_ORD(level) Z_INIT_ORD_TOKEN(level)

/**
 * @brief Register init function @p init_fn to run at @p level with priority @p prio.
 *
 * @param init_fn `int init_fn(void)`; its return value is ignored
 * @param level see the table above
 * @param prio 0 (first) to 999, a constant expression
 */
#define SYS_INIT(init_fn, level, prio) SYS_INIT_NAMED(init_fn, init_fn, level, prio)

/**
 * @brief SYS_INIT() under an entry name of its own, to register one function more than once.
 *
 * @param name unique name of the entry (an identifier)
 * @param init_fn_ see SYS_INIT()
 * @param level_ see SYS_INIT()
 * @param prio_ see SYS_INIT()
 */
/*
 * Registration: a pointer to the entry in section zmem_sys_init, as ztest registers its tests.
 * Why a section and not a constructor that links the entry into a list: the entry stays
 * constant data with no code running before main, GNU ld and lld provide the section's
 * __start_/__stop_ symbols without a linker script, and a pointer per entry (not the entry
 * itself) keeps the section a plain array whatever alignment or sanitizer redzones the
 * compiler gives each object. Neither way would keep an entry whose object file the link
 * leaves out: zmem links its own archive whole, and application sources are object files.
 */
#define SYS_INIT_NAMED(name, init_fn_, level_, prio_)                                              \
	_Static_assert((prio_) >= 0 && (prio_) <= 999, "SYS_INIT priority must be 0..999");        \
	static const struct init_entry Z_INIT_ENTRY_NAME(name) = {                                 \
	    .init_fn = (init_fn_),                                                                 \
	    .dev = NULL,                                                                           \
	    .level = INIT_LEVEL_ORD(level_),                                                       \
	    .prio = (prio_),                                                                       \
	};                                                                                         \
	static const struct init_entry *const _CONCAT(z_init_ptr_, name)                          \
	    __attribute__((section("zmem_sys_init"), used, aligned(sizeof(void *)))) =             \
		&Z_INIT_ENTRY_NAME(name)

/** @cond INTERNAL_HIDDEN */
/**
 * @brief Run the SYS_INIT entries of one level (an INIT_LEVEL_ORD() ordinal) by ascending
 * priority, equal priorities in link order (kernel/init_levels.c). The kernel's boot calls it
 * for each level; applications do not.
 */
void z_sys_init_run_level(unsigned int level);
/** @endcond */

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_INIT_H_ */
