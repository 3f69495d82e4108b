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

#if (defined(CONFIG_ZTEST_FATAL_HOOK) && CONFIG_ZTEST_FATAL_HOOK) ||                               \
    (defined(CONFIG_ZTEST_ASSERT_HOOK) && CONFIG_ZTEST_ASSERT_HOOK)
/*
 * Who may fail as expected, for each hook: the thread that declared it (ztest_set_fault_valid()
 * or ztest_set_assert_valid() with true), or any ISR when it was declared from one. Kept in
 * ztest's memory partition (ZTEST_BMEM), since user-mode tests declare it.
 */
struct expectation {
	volatile bool in_isr;
	k_tid_t volatile tid;
};

static inline void expectation_set(struct expectation *e, bool valid)
{
	if (!valid) {
		e->tid = NULL;
		e->in_isr = false;
	} else if (k_is_in_isr()) {
		e->in_isr = true;
	} else {
		e->tid = k_current_get();
	}
}

/* True if the failure happening now was declared; a declaration serves once. */
static inline bool expectation_take(struct expectation *e)
{
	if (k_current_get() != e->tid && !e->in_isr) {
		return false;
	}
	e->tid = NULL;
	e->in_isr = false;
	return true;
}
#endif

#if defined(CONFIG_ZTEST_FATAL_HOOK) && CONFIG_ZTEST_FATAL_HOOK
static ZTEST_BMEM struct expectation fault_expected;

void ztest_set_fault_valid(bool valid)
{
	expectation_set(&fault_expected, valid);
}

__weak void ztest_post_fatal_error_hook(unsigned int reason, const struct arch_esf *esf)
{
	(void)reason;
	(void)esf;
}

void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf)
{
	bool valid = expectation_take(&fault_expected);

	printk("Caught system error -- reason %u %d\n", reason, valid ? 1 : 0);
	if (valid) {
		printk("Fatal error expected as part of test case.\n");
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
static ZTEST_BMEM struct expectation assert_expected;

void ztest_set_assert_valid(bool valid)
{
	expectation_set(&assert_expected, valid);
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
	if (expectation_take(&assert_expected)) {
		printk("Assert error expected as part of test case.\n");
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
