/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The ztest runner: main(), suites, tests, results and Zephyr's console report.
 *
 * Two ways to run a test:
 * - threads (the host runtime): each test runs on its own k_thread (user mode for ZTEST_USER
 *   tests), created by the runner, which waits for it with k_thread_join(). ztest_test_fail()
 *   and friends record the result and end that thread; a fault in it takes the kernel's fatal
 *   path, which fails the test and ends only that thread (z_ztest_fatal_error()).
 * - one thread (ZTEST_SINGLE_THREAD, bare-metal targets without a scheduler): the test runs on
 *   the runner's stack and ztest_test_fail() leaves it by longjmp.
 *
 * Compiled into zmem for every configuration; it is empty unless CONFIG_ZTEST is set (the
 * bare-metal build compiles it directly with ZTEST_SINGLE_THREAD).
 */
#if (defined(CONFIG_ZTEST) && CONFIG_ZTEST) || defined(ZTEST_SINGLE_THREAD)

#if !defined(ZTEST_SINGLE_THREAD)
#define _GNU_SOURCE /* getcwd */
#endif
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <zephyr/ztest.h>

#include "ztest_internal.h"

#if defined(ZTEST_SINGLE_THREAD)
#include <setjmp.h>
#define Z_ZTEST_THREADS 0
#else
#include <unistd.h>
#include <zephyr/arch/host/host.h>
#define Z_ZTEST_THREADS 1
#endif

#ifndef CONFIG_ZTEST_STACK_SIZE
#define CONFIG_ZTEST_STACK_SIZE 1024
#endif
#ifndef CONFIG_TEST_EXTRA_STACK_SIZE
#define CONFIG_TEST_EXTRA_STACK_SIZE 0
#endif
#ifndef CONFIG_ZTEST_THREAD_PRIORITY
#define CONFIG_ZTEST_THREAD_PRIORITY -1
#endif
#if defined(CONFIG_ZTEST_FAIL_FAST) && CONFIG_ZTEST_FAIL_FAST
#define FAIL_FAST 1
#else
#define FAIL_FAST 0
#endif
/* With a Kconfig configuration (CONFIG_ZTEST set) a bool that is n is not defined; without one
 * (the bare-metal runner library) the Kconfig defaults apply. */
#if defined(CONFIG_ZTEST_SUMMARY) || !defined(CONFIG_ZTEST)
#define Z_ZTEST_SUMMARY 1
#else
#define Z_ZTEST_SUMMARY 0
#endif
#if defined(CONFIG_ZTEST_VERBOSE_SUMMARY) || !defined(CONFIG_ZTEST)
#define Z_ZTEST_VERBOSE_SUMMARY 1
#else
#define Z_ZTEST_VERBOSE_SUMMARY 0
#endif
#if defined(CONFIG_ZTEST_VERIFY_RUN_ALL) || !defined(CONFIG_ZTEST)
#define Z_ZTEST_VERIFY_RUN_ALL 1
#else
#define Z_ZTEST_VERIFY_RUN_ALL 0
#endif
#if defined(CONFIG_ZTEST_ASSERT_VERBOSE)
#define Z_ZTEST_ASSERT_VERBOSE CONFIG_ZTEST_ASSERT_VERBOSE
#else
#define Z_ZTEST_ASSERT_VERBOSE 1
#endif

/* State of the whole run. */
enum ztest_status {
	ZTEST_STATUS_OK,
	ZTEST_STATUS_HAS_FAILURE,
	ZTEST_STATUS_CRITICAL_ERROR,
};

/* Test threads in user mode write these: they live in ztest's partition (initialized: DMEM,
 * since BMEM variables are zeroed before main, as on Zephyr). */
static ZTEST_DMEM enum ztest_phase cur_phase = TEST_PHASE_FRAMEWORK;
static ZTEST_DMEM enum ztest_status test_status = ZTEST_STATUS_OK;
static ZTEST_BMEM enum ztest_result test_result;
static ZTEST_BMEM bool failed_expectation;
static ZTEST_BMEM bool failed_assumption;
/* An unexpected fatal error ended a thread of the running test. */
static ZTEST_BMEM bool test_faulted;

ZTEST_BMEM uint32_t tc_spend_time;

/* The running parameterised case's value (ZTEST_P): user-mode tests read it, so it lives in
 * ztest's partition. value_buf holds generated values (at most 16 bytes, aligned for any
 * scalar). */
static ZTEST_BMEM struct {
	const void *value;
	size_t index;
	size_t elem_size;
	bool active;
	uint64_t value_buf[2];
} param_state;

/* The registered suites, tests, rules and expectations (linker sections, see ztest_test.h). */
extern struct ztest_suite_node *const __start_zmem_ztest_suites[] __attribute__((weak));
extern struct ztest_suite_node *const __stop_zmem_ztest_suites[] __attribute__((weak));
extern struct ztest_unit_test *const __start_zmem_ztest_tests[] __attribute__((weak));
extern struct ztest_unit_test *const __stop_zmem_ztest_tests[] __attribute__((weak));
extern struct ztest_param_inst *const __start_zmem_ztest_params[] __attribute__((weak));
extern struct ztest_param_inst *const __stop_zmem_ztest_params[] __attribute__((weak));
extern struct ztest_test_rule *const __start_zmem_ztest_rules[] __attribute__((weak));
extern struct ztest_test_rule *const __stop_zmem_ztest_rules[] __attribute__((weak));
extern struct ztest_expected_result_entry *const __start_zmem_ztest_expected[]
    __attribute__((weak));
extern struct ztest_expected_result_entry *const __stop_zmem_ztest_expected[] __attribute__((weak));

/* Legacy suites run by ztest_run_test_suite(), remembered for the summary. */
#define Z_ZTEST_LEGACY_MAX 32
struct legacy_suite {
	const char *name;
	struct ztest_unit_test *tests;
};
static struct legacy_suite legacy_suites[Z_ZTEST_LEGACY_MAX];
static size_t legacy_count;

#if Z_ZTEST_THREADS
static struct k_thread ztest_thread;
/* AddressSanitizer's redzones and unoptimised frames need several times the stack a test
 * needs otherwise. */
#if defined(__SANITIZE_ADDRESS__)
#define Z_ZTEST_SANITIZER_STACK (32 * 1024)
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define Z_ZTEST_SANITIZER_STACK (32 * 1024)
#endif
#endif
#ifndef Z_ZTEST_SANITIZER_STACK
#define Z_ZTEST_SANITIZER_STACK 0
#endif
K_THREAD_STACK_DEFINE(ztest_thread_stack, CONFIG_ZTEST_STACK_SIZE + CONFIG_TEST_EXTRA_STACK_SIZE +
					      Z_ZTEST_SANITIZER_STACK);
static k_tid_t runner_thread;

#if defined(CONFIG_USERSPACE) && CONFIG_USERSPACE
K_APPMEM_PARTITION_DEFINE(ztest_mem_partition);
#endif

static uint32_t now_ms(void)
{
	return (uint32_t)k_uptime_get();
}
#else
static jmp_buf test_fail_jmp;
static jmp_buf test_pass_jmp;
static jmp_buf test_skip_jmp;
static jmp_buf suite_fail_jmp;

/** @brief Milliseconds since start; a board may provide a clock (weak default: none). */
__attribute__((weak)) uint32_t ztest_uptime_ms(void)
{
	return 0;
}

static uint32_t now_ms(void)
{
	return ztest_uptime_ms();
}
#endif

/*
 * Runs a piece of the runner's own work: its console lines and its kernel calls (creating,
 * starting, joining and ending a test's thread). On the host they run on the runtime stack of
 * main's host thread, as printk's formatting does, and not on main's stack object: there every
 * 64-bit frame of the runner and of the host kernel (each with its canary) is about twice the
 * size of Zephyr's on its 32-bit targets, and the runner alone used 1240 bytes where Zephyr's
 * tests give main 640 (tests/kernel/mem_protect/stackprot; docs/ztest.md). The application's
 * code called from the runner (setup, after, teardown, rules, predicates, parameter callbacks,
 * its own test_main) still runs on main's stack, so main's declared size is still enforced on
 * it. The piece may block in the kernel: the scheduler's switch is itself such a request
 * (kernel/sched.c), and the blocked thread's stack object is left untouched meanwhile.
 */
static void framework_call(void (*fn)(void *), void *arg)
{
#if Z_ZTEST_THREADS
	z_host_run_on_runtime_stack(fn, arg);
#else
	fn(arg);
#endif
}

/* ---- Selecting tests (-test=suite::case on the command line, see ztest_args.c) ---- */

/* '*' matches any run of characters. */
static bool glob_match(const char *pat, size_t plen, const char *s)
{
	if (plen == 0) {
		return *s == '\0';
	}
	if (*pat == '*') {
		for (;; s++) {
			if (glob_match(pat + 1, plen - 1, s)) {
				return true;
			}
			if (*s == '\0') {
				return false;
			}
		}
	}
	return *s != '\0' && *s == *pat && glob_match(pat + 1, plen - 1, s + 1);
}

/* Whether the comma-separated selection @p sel names @p suite (and @p test unless NULL). */
static bool selection_matches(const char *sel, const char *suite, const char *test)
{
	const char *p = sel;

	while (*p != '\0') {
		const char *end = strchr(p, ',');
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
		const char *sep = NULL;

		for (size_t i = 0; i + 1 < len; i++) {
			if (p[i] == ':' && p[i + 1] == ':') {
				sep = p + i;
				break;
			}
		}
		size_t slen = sep != NULL ? (size_t)(sep - p) : len;

		if (glob_match(p, slen, suite)) {
			if (test == NULL || sep == NULL) {
				return true;
			}
			if (glob_match(sep + 2, len - slen - 2, test)) {
				return true;
			}
		}
		p += len;
		if (*p == ',') {
			p++;
		}
	}
	return false;
}

static bool should_suite_run(const void *state, struct ztest_suite_node *suite)
{
	const char *sel = z_ztest_selection();

	if (sel != NULL && !selection_matches(sel, suite->name, NULL)) {
		return false;
	}
	return suite->predicate == NULL || suite->predicate(state);
}

static bool should_test_run(const char *suite, const char *test)
{
	const char *sel = z_ztest_selection();

	return sel == NULL || selection_matches(sel, suite, test);
}

/* ---- Registration order: alphabetical, as Zephyr's sorted linker sections ----
 * The sections hold const pointers (read-only memory on targets, nothing to copy at boot), so
 * the order is computed while iterating: a few hundred entries at most. */

/* The registered suite after @p prev in name order (the first for NULL), or NULL. */
static struct ztest_suite_node *suite_after(const struct ztest_suite_node *prev)
{
	struct ztest_suite_node *best = NULL;

	for (struct ztest_suite_node *const *s = __start_zmem_ztest_suites;
	     s != NULL && s < __stop_zmem_ztest_suites; s++) {
		if (prev != NULL && strcmp((*s)->name, prev->name) <= 0) {
			continue;
		}
		if (best == NULL || strcmp((*s)->name, best->name) < 0) {
			best = *s;
		}
	}
	return best;
}

static struct ztest_suite_node *find_suite(const char *name)
{
	for (struct ztest_suite_node *const *s = __start_zmem_ztest_suites;
	     s != NULL && s < __stop_zmem_ztest_suites; s++) {
		if (strcmp((*s)->name, name) == 0) {
			return *s;
		}
	}
	return NULL;
}

/* ---- Results ---- */

const char *ztest_relative_filename(const char *file)
{
#if Z_ZTEST_THREADS
	/* Static, not on the test thread's stack: a 1024-byte test stack (Zephyr's default) has
	 * no room for a 512-byte buffer in the assertion path (docs/protection.md: stacks are as
	 * large as declared). Test threads run one at a time. */
	static char buf[512];
	const char *cwd = getcwd(buf, sizeof(buf));

	if (cwd != NULL) {
		size_t n = strlen(cwd);

		if (strncmp(file, cwd, n) == 0 && file[n] == '/') {
			return file + n + 1;
		}
	}
#endif
	return file;
}

void __ztest_set_test_result(enum ztest_result new_result)
{
	test_result = new_result;
}

void __ztest_set_test_phase(enum ztest_phase new_phase)
{
	cur_phase = new_phase;
}

static const char *phase_name(enum ztest_phase phase)
{
	switch (phase) {
	case TEST_PHASE_SETUP:
		return "setup";
	case TEST_PHASE_BEFORE:
		return "before";
	case TEST_PHASE_TEST:
		return "test";
	case TEST_PHASE_AFTER:
		return "after";
	case TEST_PHASE_TEARDOWN:
		return "teardown";
	case TEST_PHASE_FRAMEWORK:
	default:
		return "framework";
	}
}

/* The test's outcome is recorded: leave the test (its thread, or by longjmp). */
static void test_finalize(int how)
{
#if Z_ZTEST_THREADS
	(void)how;
	if (k_is_in_isr()) {
		/* From an ISR the test thread ends when the ISR returns. */
		k_thread_abort(&ztest_thread);
		return;
	}
	if (k_current_get() == runner_thread) {
		/* before()/after() of a suite run on the runner thread: nothing to leave. */
		return;
	}
	k_thread_abort(&ztest_thread);
	/* Failed in another thread the test created: that thread ends too. */
	k_thread_abort(k_current_get());
#else
	longjmp(how == TC_FAIL ? test_fail_jmp : how == TC_SKIP ? test_skip_jmp : test_pass_jmp, 1);
#endif
}

static void bail_out(const char *what)
{
	PRINT_DATA(" ERROR: cannot %s in test phase '%s()', bailing\n", what,
		   phase_name(cur_phase));
	test_status = ZTEST_STATUS_CRITICAL_ERROR;
}

/*
 * ztest_test_fail() and ztest_test_skip(): in a suite's setup the whole suite ends with
 * @p suite_result; in a test or its before step, the test ends with @p result (@p how for
 * test_finalize()); anywhere else the run bails out (@p what: "fail" or "skip").
 */
static void end_early(enum ztest_result suite_result, enum ztest_result result, int how,
		      const char *what)
{
	switch (cur_phase) {
	case TEST_PHASE_SETUP:
		__ztest_set_test_result(suite_result);
#if !Z_ZTEST_THREADS
		longjmp(suite_fail_jmp, 1);
#endif
		break;
	case TEST_PHASE_BEFORE:
	case TEST_PHASE_TEST:
		__ztest_set_test_result(result);
		test_finalize(how);
		break;
	default:
		bail_out(what);
		break;
	}
}

void ztest_test_fail(void)
{
	end_early(ZTEST_RESULT_SUITE_FAIL, ZTEST_RESULT_FAIL, TC_FAIL, "fail");
}

void ztest_test_pass(void)
{
	switch (cur_phase) {
	case TEST_PHASE_TEST:
		__ztest_set_test_result(ZTEST_RESULT_PASS);
		test_finalize(TC_PASS);
		break;
	default:
		bail_out("pass");
		break;
	}
}

void ztest_test_skip(void)
{
	end_early(ZTEST_RESULT_SUITE_SKIP, ZTEST_RESULT_SKIP, TC_SKIP, "skip");
}

void ztest_test_expect_fail(void)
{
	failed_expectation = true;
	if (cur_phase != TEST_PHASE_BEFORE && cur_phase != TEST_PHASE_TEST &&
	    cur_phase != TEST_PHASE_SETUP) {
		bail_out("fail");
	}
}

void ztest_skip_failed_assumption(void)
{
#if defined(CONFIG_ZTEST_FAIL_ON_ASSUME) && CONFIG_ZTEST_FAIL_ON_ASSUME
	failed_assumption = true;
	ztest_test_fail();
#else
	ztest_test_skip();
#endif
}

bool z_zcheck(enum z_ztest_check_kind kind, bool cond, const char *default_msg, const char *file,
	      int line, const char *func, const char *msg, ...)
{
	static const char *const what[] = {"Assertion", "Assumption", "Expectation"};

	if (cond) {
#if Z_ZTEST_ASSERT_VERBOSE == 2
		PRINT_DATA("\n   %s succeeded at %s:%d (%s)\n", what[kind],
			   ztest_relative_filename(file), line, func);
#endif
		return true;
	}
#if Z_ZTEST_ASSERT_VERBOSE == 0
	(void)default_msg;
	(void)func;
	(void)msg;
	PRINT_DATA("\n    %s failed at %s:%d\n", what[kind], ztest_relative_filename(file), line);
#else
	va_list ap;

	PRINT_DATA("\n    %s failed at %s:%d: %s: %s\n", what[kind], ztest_relative_filename(file),
		   line, func, default_msg);
	va_start(ap, msg);
	z_ztest_vprint(msg, ap);
	va_end(ap);
	PRINT_DATA("\n");
#endif
	switch (kind) {
	case Z_ZTEST_ASSERT:
		ztest_test_fail();
		break;
	case Z_ZTEST_ASSUME:
		ztest_skip_failed_assumption();
		break;
	case Z_ZTEST_EXPECT:
	default:
		ztest_test_expect_fail();
		break;
	}
	return false;
}

void unit_test_noop(void)
{
}

void z_test_1cpu_start(void)
{
	/* One CPU: nothing else can run this test's code concurrently. */
}

void z_test_1cpu_stop(void)
{
}

void ztest_simple_1cpu_before(void *data)
{
	(void)data;
	z_test_1cpu_start();
}

void ztest_simple_1cpu_after(void *data)
{
	(void)data;
	z_test_1cpu_stop();
}

#if Z_ZTEST_THREADS
bool z_ztest_fatal_error(unsigned int reason)
{
	k_tid_t cur = k_current_get();

	if (cur == runner_thread || runner_thread == NULL || cur_phase == TEST_PHASE_FRAMEWORK) {
		return false; /* not inside a test: the system halts */
	}
	PRINT_DATA("\n    Fatal error %u in thread %p (%s) of the running test: the test fails\n",
		   reason, (void *)cur, cur->name);
	test_faulted = true;
	return true;
}
#endif

/* ---- Running ---- */

/* Always inlined: a frame of its own (64 bytes with its canary) was the deepest point of
 * main's stack when it ran the after_each rules. */
static inline __attribute__((always_inline)) void
run_rules(bool before, struct ztest_unit_test *test, void *data)
{
	for (struct ztest_test_rule *const *r = __start_zmem_ztest_rules;
	     r != NULL && r < __stop_zmem_ztest_rules; r++) {
		if (before && (*r)->before_each != NULL) {
			(*r)->before_each(test, data);
		} else if (!before && (*r)->after_each != NULL) {
			(*r)->after_each(test, data);
		}
	}
}

static void run_before(struct ztest_suite_node *suite, struct ztest_unit_test *test, void *data)
{
	run_rules(true, test, data);
	if (suite != NULL && suite->before != NULL) {
		suite->before(data);
	}
	if (test->legacy_setup != NULL) {
		test->legacy_setup();
	}
}

static void run_body(struct ztest_unit_test *test, void *data)
{
	__ztest_set_test_phase(TEST_PHASE_TEST);
	if (test->legacy_test != NULL) {
		test->legacy_test();
	} else {
		test->test(data);
	}
}

static void run_after(struct ztest_suite_node *suite, struct ztest_unit_test *test, void *data)
{
	if (test->legacy_teardown != NULL) {
		test->legacy_teardown();
	}
	if (suite != NULL && suite->after != NULL) {
		suite->after(data);
	}
	run_rules(false, test, data);
}

#if Z_ZTEST_THREADS
static void test_cb(void *a, void *b, void *c)
{
	struct ztest_suite_node *suite = a;
	struct ztest_unit_test *test = b;

	if (!k_is_user_context()) {
		__ztest_set_test_result(ZTEST_RESULT_PENDING);
		run_before(suite, test, c);
#if defined(CONFIG_USERSPACE) && CONFIG_USERSPACE
		if ((test->thread_options & K_USER) != 0U) {
			k_thread_user_mode_enter(test_cb, a, b, c);
		}
#endif
	}
	run_body(test, c);
	__ztest_set_test_result(ZTEST_RESULT_PASS);
}
#endif

static int expected_result(const struct ztest_unit_test *test, const char *suite_name, int ret)
{
	for (struct ztest_expected_result_entry *const *e = __start_zmem_ztest_expected;
	     e != NULL && e < __stop_zmem_ztest_expected; e++) {
		if (strcmp((*e)->test_name, test->name) == 0 &&
		    strcmp((*e)->test_suite_name, suite_name) == 0) {
			if ((*e)->expected_result == ZTEST_EXPECTED_RESULT_FAIL) {
				return ret == TC_FAIL ? TC_PASS : TC_FAIL;
			}
			return ret == TC_SKIP ? TC_PASS : TC_FAIL;
		}
	}
	return ret;
}

/* One test case on its way through the runner, shared by the pieces of run_test(). */
struct case_run {
	struct ztest_suite_node *suite;
	struct ztest_unit_test *test;
	const char *suite_name;
	const char *case_name; /* the test's name, or a parameterised case's */
	void *data;
	uint32_t start;
	int ret;
};

/* The runner's first piece of a case: "START - name", then the test's before() and body (on
 * the test's thread, joined here). */
static void case_start(void *arg)
{
	struct case_run *run = arg;

	TC_START(run->case_name);
	__ztest_set_test_phase(TEST_PHASE_BEFORE);
	failed_expectation = false;
	test_faulted = false;
	run->start = now_ms();
	if (test_result != ZTEST_RESULT_SUITE_SKIP && test_result != ZTEST_RESULT_SUITE_FAIL) {
#if Z_ZTEST_THREADS
		k_thread_create(&ztest_thread, ztest_thread_stack,
				K_THREAD_STACK_SIZEOF(ztest_thread_stack), test_cb, run->suite,
				run->test, run->data, CONFIG_ZTEST_THREAD_PRIORITY, K_INHERIT_PERMS,
				K_FOREVER);
		k_thread_name_set(&ztest_thread, run->test->name);
		k_thread_start(&ztest_thread);
		k_thread_join(&ztest_thread, K_FOREVER);
#else
		/* Each jump lands here with test_result set; case_end() reads it. */
		__ztest_set_test_result(ZTEST_RESULT_PENDING);
		if (setjmp(test_fail_jmp) != 0) {
		} else if (setjmp(test_pass_jmp) != 0) {
		} else if (setjmp(test_skip_jmp) != 0) {
		} else {
			run_before(run->suite, run->test, run->data);
			run_body(run->test, run->data);
			__ztest_set_test_result(ZTEST_RESULT_PASS);
		}
#endif
	}
	__ztest_set_test_phase(TEST_PHASE_AFTER);
}

/* The runner's last piece of a case, after after(): the result, its line and the counts. */
static void case_end(void *arg)
{
	struct case_run *run = arg;
	struct ztest_unit_test *test = run->test;
	int ret;

	tc_spend_time = now_ms() - run->start;
	if (tc_spend_time > test->stats->duration_worst_ms) {
		test->stats->duration_worst_ms = tc_spend_time;
	}
	__ztest_set_test_phase(TEST_PHASE_FRAMEWORK);

	if (test_result == ZTEST_RESULT_FAIL || test_result == ZTEST_RESULT_SUITE_FAIL ||
	    failed_expectation || test_faulted) {
		ret = TC_FAIL;
	} else if (test_result == ZTEST_RESULT_SKIP || test_result == ZTEST_RESULT_SUITE_SKIP) {
		ret = TC_SKIP;
	} else {
		ret = TC_PASS;
	}
	failed_expectation = false;
	test_faulted = false;
#if Z_ZTEST_THREADS
	k_thread_abort(&ztest_thread); /* a test thread blocked forever must not linger */
#endif
	ret = expected_result(test, run->suite_name, ret);
	Z_TC_END_RESULT(ret, run->case_name);
	if (ret == TC_SKIP && failed_assumption) {
		test_status = ZTEST_STATUS_HAS_FAILURE;
	}
	test->stats->run_count++;
	if (ret == TC_PASS) {
		test->stats->pass_count++;
	} else if (ret == TC_SKIP) {
		test->stats->skip_count++;
	} else {
		test->stats->fail_count++;
	}
	run->ret = ret;
}

/* Runs one test case, reported as @p case_name (the test's name, or a parameterised case's).
 * The suite's after() is the application's code and runs on main's stack, as on Zephyr; the
 * runner's own pieces around it go through framework_call(). */
static int run_test(struct ztest_suite_node *suite, const char *suite_name,
		    struct ztest_unit_test *test, const char *case_name, void *data)
{
	/* Static: one case runs at a time, and main's stack is the scarce one. */
	static struct case_run run;

	run = (struct case_run){.suite = suite,
				.test = test,
				.suite_name = suite_name,
				.case_name = case_name,
				.data = data};
	framework_call(case_start, &run);
	run_after(suite, test, data);
	framework_call(case_end, &run);
	return run.ret;
}

/* ---- Value-parameterised tests (ZTEST_P, ZTEST_INSTANTIATE_TEST_SUITE_P) ---- */

const void *ztest_get_current_param(void)
{
	return param_state.active ? param_state.value : NULL;
}

size_t ztest_get_current_param_index(void)
{
	return param_state.active ? param_state.index : 0U;
}

size_t ztest_get_current_param_size(void)
{
	return param_state.active ? param_state.elem_size : 0U;
}

bool ztest_has_current_param(void)
{
	return param_state.active;
}

/* The instantiation of @p suite's test @p test after @p prev in instance-name order (the first
 * for NULL), or NULL: Zephyr's sorted section orders them by name too. */
static const struct ztest_param_inst *inst_after(const char *suite, const char *test,
						 const struct ztest_param_inst *prev)
{
	const struct ztest_param_inst *best = NULL;

	for (struct ztest_param_inst *const *p = __start_zmem_ztest_params;
	     p != NULL && p < __stop_zmem_ztest_params; p++) {
		if (strcmp((*p)->test_suite_name, suite) != 0 ||
		    strcmp((*p)->test_name, test) != 0 ||
		    (prev != NULL && strcmp((*p)->instance_name, prev->instance_name) <= 0)) {
			continue;
		}
		if (best == NULL || strcmp((*p)->instance_name, best->instance_name) < 0) {
			best = *p;
		}
	}
	return best;
}

/* The name of the parameterised case being run or listed. Static, not on main's stack: the
 * runner is main alone, and 128 bytes live across the test's whole run are a fifth of the
 * 640 bytes some of Zephyr's tests give main. */
static char param_case_name[128];

/* A case name's parts, formatted by framework_call(param_name_format). */
struct param_name_job {
	const struct ztest_param_inst *inst;
	size_t index;
	const char *value_name; /* the name callback's answer, or NULL */
};

static void param_name_format(void *arg)
{
	const struct param_name_job *job = arg;

	if (job->value_name != NULL) {
		snprintf(param_case_name, sizeof(param_case_name), "%s[%s/%s]",
			 job->inst->test_name, job->inst->instance_name, job->value_name);
	} else {
		snprintf(param_case_name, sizeof(param_case_name), "%s[%s/%zu]",
			 job->inst->test_name, job->inst->instance_name, job->index);
	}
}

/* Makes value @p i of @p inst current and writes its case name, Zephyr's
 * `test[instance/index]` (or `test[instance/name]` with a name callback), to param_case_name.
 * The callbacks are the application's code: they run here, on main's stack. */
static const char *param_select(const struct ztest_param_inst *inst, size_t i)
{
	const struct ztest_param_values *v = inst->values;
	struct param_name_job job = {.inst = inst, .index = i};

	if (v->value_at_cb != NULL) {
		v->value_at_cb(i, param_state.value_buf);
		param_state.value = param_state.value_buf;
	} else {
		param_state.value = (const uint8_t *)v->values + i * v->elem_size;
	}
	param_state.index = i;
	param_state.elem_size = v->elem_size;
	if (v->name_cb != NULL) {
		job.value_name = v->name_cb(i, param_state.value);
	}
	framework_call(param_name_format, &job);
	return param_case_name;
}

static void param_clear(void)
{
	param_state.active = false;
	param_state.value = NULL;
	param_state.index = 0U;
	param_state.elem_size = 0U;
}

/* Runs @p test of @p suite: once per value of each of its instantiations (each a case of its
 * own, selected by its own name or the test's), or once when it has none. Returns the number
 * of failed cases. */
static int run_dispatch(struct ztest_suite_node *suite, struct ztest_unit_test *test, void *data)
{
	const struct ztest_param_inst *inst = inst_after(suite->name, test->name, NULL);
	int fail = 0;

	if (inst == NULL) {
		if (!should_test_run(suite->name, test->name)) {
			return 0;
		}
		return run_test(suite, suite->name, test, test->name, data) == TC_FAIL ? 1 : 0;
	}
	bool whole = should_test_run(suite->name, test->name);

	for (; inst != NULL; inst = inst_after(suite->name, test->name, inst)) {
		bool set_up = false;

		for (size_t i = 0; i < inst->values->count; i++) {
			if (!set_up && inst->values->setup_cb != NULL) {
				inst->values->setup_cb();
			}
			set_up = true;
			const char *name = param_select(inst, i);

			if (!whole && !should_test_run(suite->name, name)) {
				continue;
			}
			param_state.active = true;
			if (run_test(suite, suite->name, test, name, data) == TC_FAIL) {
				fail++;
			}
			param_clear();
			if ((fail != 0 && FAIL_FAST) ||
			    test_status == ZTEST_STATUS_CRITICAL_ERROR) {
				return fail;
			}
		}
	}
	return fail;
}

/* Where an iteration over one suite's tests is. */
struct test_cursor {
	size_t pos;                         /* legacy arrays: the next index */
	const struct ztest_unit_test *prev; /* registered tests: the last one returned */
};

/* The next test of suite @p name (in @p legacy, or the registered ones in name order). */
static struct ztest_unit_test *suite_next(const char *name, struct ztest_unit_test *legacy,
					  struct test_cursor *cur)
{
	struct ztest_unit_test *best = NULL;

	if (legacy != NULL) {
		return legacy[cur->pos].name != NULL ? &legacy[cur->pos++] : NULL;
	}
	for (struct ztest_unit_test *const *t = __start_zmem_ztest_tests;
	     t != NULL && t < __stop_zmem_ztest_tests; t++) {
		if (strcmp((*t)->test_suite_name, name) != 0 ||
		    (cur->prev != NULL && strcmp((*t)->name, cur->prev->name) <= 0)) {
			continue;
		}
		if (best == NULL || strcmp((*t)->name, best->name) < 0) {
			best = *t;
		}
	}
	cur->prev = best;
	return best;
}

/* A suite's console line: "Running TESTSUITE name" or its end, by framework_call(). */
struct suite_line {
	const char *name;
	int result; /* for the end line: TC_FAIL or TC_PASS */
};

static void suite_start_line(void *arg)
{
	const struct suite_line *line = arg;

	TC_SUITE_START(line->name);
}

static void suite_end_line(void *arg)
{
	const struct suite_line *line = arg;

	TC_SUITE_END(line->name, line->result);
}

static void suite_line(void (*fn)(void *), const char *name, int result)
{
	struct suite_line line = {.name = name, .result = result};

	framework_call(fn, &line);
}

/* The suite's setup; a ztest_test_fail/skip() in it marks the whole suite. */
static void *run_setup(struct ztest_suite_node *suite)
{
	void *volatile data = NULL;

#if !Z_ZTEST_THREADS
	if (setjmp(suite_fail_jmp) != 0) {
		return NULL;
	}
#endif
	if (suite->setup != NULL) {
		data = suite->setup();
	}
	return data;
}

static int run_suite(struct ztest_suite_node *suite, int case_iter)
{
	void *data = NULL;
	int fail = 0;

	if (FAIL_FAST && test_status != ZTEST_STATUS_OK) {
		return 0;
	}
	suite_line(suite_start_line, suite->name, TC_PASS);
	failed_assumption = false;
	__ztest_set_test_result(ZTEST_RESULT_PENDING);
	__ztest_set_test_phase(TEST_PHASE_SETUP);
	data = run_setup(suite);
	for (int i = 0; i < case_iter; i++) {
		struct test_cursor cur = {0};

		for (struct ztest_unit_test *t;
		     (t = suite_next(suite->name, NULL, &cur)) != NULL;) {
			fail += run_dispatch(suite, t, data);
			if ((fail != 0 && FAIL_FAST) ||
			    test_status == ZTEST_STATUS_CRITICAL_ERROR) {
				break;
			}
		}
		if (test_status == ZTEST_STATUS_OK && fail != 0) {
			test_status = ZTEST_STATUS_HAS_FAILURE;
		}
	}
	suite_line(suite_end_line, suite->name, fail > 0 ? TC_FAIL : TC_PASS);
	__ztest_set_test_phase(TEST_PHASE_TEARDOWN);
	if (suite->teardown != NULL) {
		suite->teardown(data);
	}
	__ztest_set_test_phase(TEST_PHASE_FRAMEWORK);
	return fail;
}

int z_ztest_run_test_suite(const char *name, bool shuffle, int suite_iter, int case_iter,
			   void *param)
{
	struct ztest_suite_node *suite = find_suite(name);
	int fail = 0;

	(void)shuffle;
	(void)param;
	if (suite == NULL) {
		PRINT_DATA("ERROR: no test suite named '%s'\n", name);
		test_status = ZTEST_STATUS_CRITICAL_ERROR;
		return -1;
	}
	for (int i = 0; i < suite_iter; i++) {
		int f = run_suite(suite, case_iter);

		suite->stats->run_count++;
		suite->stats->fail_count += f != 0 ? 1U : 0U;
		fail += f;
	}
	return fail;
}

int ztest_run_test_suites(const void *state, bool shuffle, int suite_iter, int case_iter)
{
	int count = 0;

	(void)shuffle;
	if (test_status == ZTEST_STATUS_CRITICAL_ERROR) {
		return 0;
	}
	for (struct ztest_suite_node *s = suite_after(NULL); s != NULL; s = suite_after(s)) {
		for (int i = 0; i < suite_iter; i++) {
			if (should_suite_run(state, s)) {
				int f = run_suite(s, case_iter);

				count++;
				s->stats->run_count++;
				s->stats->fail_count += f != 0 ? 1U : 0U;
			} else {
				s->stats->skip_count++;
			}
		}
		if (test_status == ZTEST_STATUS_CRITICAL_ERROR ||
		    (test_status == ZTEST_STATUS_HAS_FAILURE && FAIL_FAST)) {
			break;
		}
	}
	return count;
}

void ztest_run_all(const void *state, bool shuffle, int suite_iter, int case_iter)
{
	(void)ztest_run_test_suites(state, shuffle, suite_iter, case_iter);
}

int z_ztest_run_legacy_suite(const char *name, struct ztest_unit_test *tests,
			     struct ztest_unit_test_stats *stats)
{
	int fail = 0;

	if (legacy_count < Z_ZTEST_LEGACY_MAX) {
		legacy_suites[legacy_count].name = name;
		legacy_suites[legacy_count].tests = tests;
		legacy_count++;
	}
	if (!should_suite_run(NULL, &(struct ztest_suite_node){.name = name})) {
		return 0;
	}
	suite_line(suite_start_line, name, TC_PASS);
	failed_assumption = false;
	__ztest_set_test_result(ZTEST_RESULT_PENDING);
	for (size_t i = 0; tests[i].name != NULL; i++) {
		tests[i].test_suite_name = name;
		tests[i].stats = &stats[i];
		if (!should_test_run(name, tests[i].name)) {
			continue;
		}
		if (run_test(NULL, name, &tests[i], tests[i].name, NULL) == TC_FAIL) {
			fail++;
		}
		if ((fail != 0 && FAIL_FAST) || test_status == ZTEST_STATUS_CRITICAL_ERROR) {
			break;
		}
	}
	if (test_status == ZTEST_STATUS_OK && fail != 0) {
		test_status = ZTEST_STATUS_HAS_FAILURE;
	}
	suite_line(suite_end_line, name, fail > 0 ? TC_FAIL : TC_PASS);
	return fail;
}

/* ztest_verify_all_test_suites_ran()'s checks and lines (no application code). */
static void verify_all_ran(void *arg)
{
	bool all_ran = true;

	(void)arg;
	if (Z_ZTEST_VERIFY_RUN_ALL && z_ztest_selection() == NULL) {
		for (struct ztest_suite_node *const *s = __start_zmem_ztest_suites;
		     s != NULL && s < __stop_zmem_ztest_suites; s++) {
			if ((*s)->stats->run_count < 1U && (*s)->stats->skip_count < 1U) {
				PRINT_DATA("ERROR: Test suite '%s' did not run.\n", (*s)->name);
				all_ran = false;
			}
		}
	}
	for (struct ztest_unit_test *const *t = __start_zmem_ztest_tests;
	     t != NULL && t < __stop_zmem_ztest_tests; t++) {
		if (find_suite((*t)->test_suite_name) == NULL) {
			PRINT_DATA("ERROR: Test '%s' assigned to test suite '%s' which doesn't "
				   "exist\n",
				   (*t)->name, (*t)->test_suite_name);
			all_ran = false;
		}
		const struct ztest_unit_test_stats *st = (*t)->stats;

		if (st->fail_count + st->pass_count + st->skip_count != st->run_count) {
			PRINT_DATA("Bad stats for %s.%s\n", (*t)->test_suite_name, (*t)->name);
			all_ran = false;
		}
	}
	if (!all_ran) {
		test_status = ZTEST_STATUS_HAS_FAILURE;
	}
}

void ztest_verify_all_test_suites_ran(void)
{
	framework_call(verify_all_ran, NULL);
}

__attribute__((weak)) void test_main(void)
{
	ztest_run_all(NULL, false, 1, 1);
	ztest_verify_all_test_suites_ran();
}

/* ---- The report ---- */

/* One suite's line and, verbose, one line per test. @p tests: the legacy array or NULL. */
static void suite_summary(const char *name, struct ztest_unit_test *tests)
{
	int pass = 0, fail = 0, skip = 0, total = 0;
	uint32_t duration = 0;
	int result;
	struct ztest_unit_test *t;

	for (struct test_cursor cur = {0}; (t = suite_next(name, tests, &cur)) != NULL;) {
		const struct ztest_unit_test_stats *st = t->stats;

		total++;
		duration += st->duration_worst_ms;
		if (st->skip_count == st->run_count) {
			skip++;
		} else if (st->pass_count + st->skip_count == st->run_count) {
			pass++;
		} else {
			fail++;
		}
	}
	if (skip == total) {
		result = TC_SKIP;
	} else {
		result = fail > 0 ? TC_FAIL : TC_PASS;
	}
	/* Pass rate over the tests that were not skipped, rounded to 0.01 %. */
	unsigned int rate = 0; /* in 0.001 % */

	if (total > skip) {
		rate = (unsigned int)(pass * 100000 / (total - skip));
	}
	unsigned int major = rate / 1000U;
	unsigned int minor = (rate % 1000U) / 10U;

	if (rate % 10U >= 5U) {
		minor++;
	}
	TC_SUMMARY_PRINT("SUITE %s - %3u.%02u%% [%s]: pass = %d, fail = %d, skip = %d, total = %d "
			 "duration = %u.%03u seconds\n",
			 TC_RESULT_TO_STR(result), major, minor, name, pass, fail, skip, total,
			 (unsigned int)(duration / 1000U), (unsigned int)(duration % 1000U));
	if (!Z_ZTEST_VERBOSE_SUMMARY) {
		return;
	}
	for (struct test_cursor cur = {0}; (t = suite_next(name, tests, &cur)) != NULL;) {
		const struct ztest_unit_test_stats *st = t->stats;

		if (st->skip_count == st->run_count) {
			result = TC_SKIP;
		} else if (st->pass_count + st->skip_count == st->run_count) {
			result = TC_PASS;
		} else if (st->pass_count == 0U) {
			result = TC_FAIL;
		} else {
			result = TC_FLAKY;
		}
		if (result == TC_FLAKY) {
			TC_SUMMARY_PRINT(
			    " - %s - [%s.%s] - (Failed %u of %u attempts) - duration = "
			    "%u.%03u seconds\n",
			    TC_RESULT_TO_STR(result), name, t->name,
			    (unsigned int)(st->run_count - st->pass_count),
			    (unsigned int)st->run_count,
			    (unsigned int)(st->duration_worst_ms / 1000U),
			    (unsigned int)(st->duration_worst_ms % 1000U));
		} else {
			TC_SUMMARY_PRINT(" - %s - [%s.%s] duration = %u.%03u seconds\n",
					 TC_RESULT_TO_STR(result), name, t->name,
					 (unsigned int)(st->duration_worst_ms / 1000U),
					 (unsigned int)(st->duration_worst_ms % 1000U));
		}
	}
	TC_SUMMARY_PRINT("\n");
}

/* The summary and the verdict line (no application code: a framework_call() piece). */
static void end_report(void *arg)
{
	(void)arg;
	if (Z_ZTEST_SUMMARY) {
		TC_SUMMARY_PRINT("\n------ TESTSUITE SUMMARY START ------\n\n");
		for (struct ztest_suite_node *s = suite_after(NULL); s != NULL;
		     s = suite_after(s)) {
			suite_summary(s->name, NULL);
		}
		for (size_t i = 0; i < legacy_count; i++) {
			suite_summary(legacy_suites[i].name, legacy_suites[i].tests);
		}
		TC_SUMMARY_PRINT("------ TESTSUITE SUMMARY END ------\n\n");
	}
	TC_END_REPORT(test_status != ZTEST_STATUS_OK ? TC_FAIL : TC_PASS);
}

/* One line of the list: "suite::case". */
struct list_line {
	const char *suite;
	const char *name;
};

static void list_line_print(void *arg)
{
	const struct list_line *line = arg;

	PRINT_DATA("%s::%s\n", line->suite, line->name);
}

static void list_line(const char *suite, const char *name)
{
	struct list_line line = {.suite = suite, .name = name};

	framework_call(list_line_print, &line);
}

/* The parameter callbacks it calls are the application's: it runs on main's stack. Not inlined
 * into main(): its locals would stay in main's frame during the whole run. */
static __attribute__((noinline)) void list_tests(void)
{
	for (struct ztest_suite_node *s = suite_after(NULL); s != NULL; s = suite_after(s)) {
		struct test_cursor cur = {0};

		for (struct ztest_unit_test *t; (t = suite_next(s->name, NULL, &cur)) != NULL;) {
			const struct ztest_param_inst *inst = inst_after(s->name, t->name, NULL);

			if (inst == NULL) {
				list_line(s->name, t->name);
			}
			/* A parameterised test: one line per case, as it runs. */
			for (; inst != NULL; inst = inst_after(s->name, t->name, inst)) {
				if (inst->values->setup_cb != NULL && inst->values->count > 0U) {
					inst->values->setup_cb();
				}
				for (size_t i = 0; i < inst->values->count; i++) {
					list_line(s->name, param_select(inst, i));
				}
				param_clear();
			}
		}
	}
}

/* main()'s work once the command line is read: list the tests (-list), or run them and report;
 * the exit status is 1 when a test failed. */
static int run_or_list(void)
{
	if (z_ztest_list_requested()) {
		list_tests();
		return 0;
	}
	test_main();
	framework_call(end_report, NULL);
	return test_status != ZTEST_STATUS_OK ? 1 : 0;
}

#if Z_ZTEST_THREADS
int main(void)
{
	runner_thread = k_current_get();
#if defined(CONFIG_USERSPACE) && CONFIG_USERSPACE
	/* ztest's data (and ZTEST_BMEM/ZTEST_DMEM variables) is open to user-mode tests. */
	(void)k_mem_domain_add_partition(&k_mem_domain_default, &ztest_mem_partition);
#endif
	return run_or_list();
}
#else
/* Bare-metal boards pass the command line through semihosting: the same -list / -test=. */
int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *opt = argv[i];

		opt += opt[0] == '-' ? (opt[1] == '-' ? 2 : 1) : 0;
		if (!z_ztest_option(opt)) {
			PRINT_DATA("ztest: unknown option '%s'\n", argv[i]);
			return 2;
		}
	}
	return run_or_list();
}
#endif

#endif /* CONFIG_ZTEST || ZTEST_SINGLE_THREAD */
