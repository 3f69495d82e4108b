/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * CONFIG_STACK_CANARIES: Zephyr defines the canary value __stack_chk_guard, which code built
 * with -fstack-protector compares against on targets that use a global guard, and which tests
 * read. On the host the guard gets a random value before main(); glibc's x86 code keeps its
 * own canary in thread-local storage, so this symbol does not replace the C library's.
 */
#if defined(CONFIG_STACK_CANARIES) && CONFIG_STACK_CANARIES
#include <stdint.h>

#include <zephyr/random/random.h>

uintptr_t __stack_chk_guard;

__attribute__((constructor(101))) static void z_stack_chk_guard_init(void)
{
	uintptr_t v = 0;

	if (sys_csrand_get(&v, sizeof(v)) != 0 || v == 0) {
		v = (uintptr_t)0x5c3ea9d1f0b2c4e7ULL;
	}
	/* A zero low byte stops string overflows from copying the canary, as glibc does. */
	__stack_chk_guard = v & ~(uintptr_t)0xFF;
}
#endif
