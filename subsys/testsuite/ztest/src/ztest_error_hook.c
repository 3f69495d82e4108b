/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Expected faults and assertions (<zephyr/ztest_error_hook.h>).
 *
 * CONFIG_ZTEST_FATAL_HOOK: ztest's k_sys_fatal_error_handler. An expected fatal error
 * (ztest_set_fault_valid(true) in the faulting thread, or in an ISR) calls
 * ztest_post_fatal_error_hook() and ends the faulting thread. An unexpected one fails the
 * running test (where Zephyr halts the whole run): the other tests still run and report.
 *
 * CONFIG_ZTEST_ASSERT_HOOK: ztest's assert_post_action. An expected __ASSERT failure calls
 * ztest_post_assert_fail_hook() (default: end the current thread); an unexpected one takes the
 * fatal path (k_oops in user mode, k_panic otherwise), which fails the running test.
 */
#if defined(CONFIG_ZTEST) && CONFIG_ZTEST

#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/ztest_error_hook.h>

#include "ztest_internal.h"

/* Without the fatal hook, the kernel's default handler asks the runner (kernel/fatal.c). */

#if defined(CONFIG_ZTEST_FATAL_HOOK) && CONFIG_ZTEST_FATAL_HOOK
static ZTEST_BMEM volatile bool fault_in_isr;
static ZTEST_BMEM k_tid_t volatile valid_fault_tid;

void ztest_set_fault_valid(bool valid)
{
	if (!valid) {
		valid_fault_tid = NULL;
		fault_in_isr = false;
	} else if (k_is_in_isr()) {
		fault_in_isr = true;
	} else {
		valid_fault_tid = k_current_get();
	}
}

__weak void ztest_post_fatal_error_hook(unsigned int reason, const struct arch_esf *esf)
{
	(void)reason;
	(void)esf;
}

void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf)
{
	bool valid = k_current_get() == valid_fault_tid || fault_in_isr;

	printk("Caught system error -- reason %u %d\n", reason, valid ? 1 : 0);
	if (valid) {
		printk("Fatal error expected as part of test case.\n");
		valid_fault_tid = NULL;
		fault_in_isr = false;
		ztest_post_fatal_error_hook(reason, esf);
		return;
	}
	printk("Fatal error was unexpected, aborting...\n");
	if (!z_ztest_fatal_error(reason)) {
		k_fatal_halt(reason);
	}
}
#endif /* CONFIG_ZTEST_FATAL_HOOK */

#if defined(CONFIG_ZTEST_ASSERT_HOOK) && CONFIG_ZTEST_ASSERT_HOOK
static ZTEST_BMEM volatile bool assert_in_isr;
static ZTEST_BMEM k_tid_t volatile valid_assert_tid;

void ztest_set_assert_valid(bool valid)
{
	if (!valid) {
		valid_assert_tid = NULL;
		assert_in_isr = false;
	} else if (k_is_in_isr()) {
		assert_in_isr = true;
	} else {
		valid_assert_tid = k_current_get();
	}
}

__weak void ztest_post_assert_fail_hook(void)
{
	k_thread_abort(k_current_get());
}

void assert_post_action(const char *file, unsigned int line)
{
	(void)file;
	(void)line;
	printk("Caught assert failed\n");
	if (k_current_get() == valid_assert_tid || assert_in_isr) {
		printk("Assert error expected as part of test case.\n");
		valid_assert_tid = NULL;
		assert_in_isr = false;
		/* Does not return to the failed assertion: the hook ends the thread. */
		ztest_post_assert_fail_hook();
		return;
	}
	printk("Assert failed was unexpected, aborting...\n");
	if (k_is_user_context()) {
		k_oops(); /* user threads may not panic the kernel */
	}
	k_panic();
}
#endif /* CONFIG_ZTEST_ASSERT_HOOK */

#endif /* CONFIG_ZTEST */
