/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * CONFIG_STACK_CANARIES, as on Zephyr: the canary value __stack_chk_guard, random before main(),
 * and the compiler's failure call __stack_chk_fail(), a K_ERR_STACK_CHK_FAIL fatal error of the
 * running thread. Applications and their zmem library are compiled with -fstack-protector-all
 * and, where the compiler has it, -mstack-protector-guard=global (x86), so every function's
 * canary is this global value and not glibc's thread-local one (cmake/zmem_hardening.cmake).
 * The C library's own functions keep glibc's canary and its own failure path.
 */
#if defined(CONFIG_STACK_CANARIES) && CONFIG_STACK_CANARIES
#include <stdint.h>
#include <stdlib.h>

#include <zephyr/fatal.h>
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>
#include <zephyr/random/random.h>

LOG_MODULE_REGISTER(stack_canary, CONFIG_LOG_DEFAULT_LEVEL);

uintptr_t __stack_chk_guard;

/*
 * The guard changes while this function runs, so it has no canary itself (functions it calls
 * start and end before the change and keep theirs).
 */
#if defined(__has_attribute)
#if __has_attribute(no_stack_protector)
#define Z_NO_STACK_PROTECTOR __attribute__((no_stack_protector))
#endif
#endif
#ifndef Z_NO_STACK_PROTECTOR
#define Z_NO_STACK_PROTECTOR __attribute__((optimize("no-stack-protector")))
#endif

__attribute__((constructor(101))) Z_NO_STACK_PROTECTOR static void z_stack_chk_guard_init(void)
{
	uintptr_t v = 0;

	if (sys_csrand_get(&v, sizeof(v)) != 0 || v == 0) {
		v = (uintptr_t)0x5c3ea9d1f0b2c4e7ULL;
	}
	/* A zero low byte stops string overflows from copying the canary, as glibc does. */
	__stack_chk_guard = v & ~(uintptr_t)0xFF;
}

/* Called by a function whose canary was overwritten, on return: as Zephyr's handler, a stack
 * check failure of the running thread. */
FUNC_NORETURN void __stack_chk_fail(void);
FUNC_NORETURN void __stack_chk_fail(void)
{
	struct k_thread *cur = k_current_get();

	LOG_ERR("***** Stack canary of thread %p (%s) overwritten *****", (void *)cur,
		cur != NULL && cur->name[0] != '\0' ? cur->name : "unnamed");
	z_except_reason(K_ERR_STACK_CHK_FAIL);
	/* Only reached where the fatal path returns (no thread to end): stop. */
	abort();
}
#endif
