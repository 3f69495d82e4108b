/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief ztest's test registration: suites (ZTEST_SUITE), tests (ZTEST, ZTEST_F, ZTEST_USER,
 * ZTEST_USER_F), rules, expected results, the run calls and the legacy
 * ztest_test_suite()/ztest_run_test_suite() form.
 *
 * Suites and tests are collected through linker sections, so a test file needs nothing but the
 * macros; the runner (subsys/testsuite/ztest/src/ztest.c) runs suites and, inside each suite,
 * tests in the alphabetical order of their names, as Zephyr's sorted sections do. The sections
 * hold const pointers: read-only data on targets, nothing for the startup code to copy.
 */
#ifndef ZEPHYR_INCLUDE_ZTEST_TEST_H_
#define ZEPHYR_INCLUDE_ZTEST_TEST_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <zephyr/tc_util.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Per-test counters, kept across runs (repeats, parameter values). */
struct ztest_unit_test_stats {
	uint32_t run_count;         /**< Times the test ran. */
	uint32_t skip_count;        /**< Times it was skipped. */
	uint32_t fail_count;        /**< Times it failed. */
	uint32_t pass_count;        /**< Times it passed. */
	uint32_t duration_worst_ms; /**< Longest run, milliseconds. */
};

/** @brief One registered test. */
struct ztest_unit_test {
	const char *test_suite_name;         /**< The suite it belongs to. */
	const char *name;                    /**< The test's name (the function name). */
	void (*test)(void *data);            /**< Calls the test with the suite's fixture. */
	uint32_t thread_options;             /**< K_USER for ZTEST_USER tests. */
	struct ztest_unit_test_stats *stats; /**< Counters. */
	/* Legacy (ztest_test_suite) tests only: */
	void (*legacy_setup)(void);    /**< Runs before the test, or NULL. */
	void (*legacy_test)(void);     /**< The test. */
	void (*legacy_teardown)(void); /**< Runs after the test, or NULL. */
};

/** @brief Per-suite counters. */
struct ztest_suite_stats {
	uint32_t run_count;  /**< Times the suite ran. */
	uint32_t skip_count; /**< Times its predicate (or the command line) left it out. */
	uint32_t fail_count; /**< Runs with at least one failed test. */
};

/** @brief The suite's predicate: whether it runs with this global state. */
typedef bool (*ztest_suite_predicate_t)(const void *global_state);
/** @brief Runs once before the suite's tests; returns the fixture given to every test. */
typedef void *(*ztest_suite_setup_t)(void);
/** @brief Runs before each test (on the test's thread). */
typedef void (*ztest_suite_before_t)(void *fixture);
/** @brief Runs after each test (on the runner's thread). */
typedef void (*ztest_suite_after_t)(void *fixture);
/** @brief Runs once after the suite's tests. */
typedef void (*ztest_suite_teardown_t)(void *fixture);

/** @brief One registered suite. */
struct ztest_suite_node {
	const char *name;                  /**< Suite name. */
	ztest_suite_setup_t setup;         /**< Or NULL. */
	ztest_suite_before_t before;       /**< Or NULL. */
	ztest_suite_after_t after;         /**< Or NULL. */
	ztest_suite_teardown_t teardown;   /**< Or NULL. */
	ztest_suite_predicate_t predicate; /**< Or NULL: always runs. */
	struct ztest_suite_stats *stats;   /**< Counters. */
};

/** @brief A rule: code run before and after every test of every suite. */
struct ztest_test_rule {
	void (*before_each)(const struct ztest_unit_test *test, void *data); /**< Or NULL. */
	void (*after_each)(const struct ztest_unit_test *test, void *data);  /**< Or NULL. */
};

/** @brief What a test is expected to end with (ZTEST_EXPECT_FAIL / ZTEST_EXPECT_SKIP). */
enum ztest_expected_result {
	ZTEST_EXPECTED_RESULT_FAIL = 0,
	ZTEST_EXPECTED_RESULT_SKIP,
};

/** @brief An expected result registered for one test. */
struct ztest_expected_result_entry {
	const char *test_suite_name;                /**< Suite. */
	const char *test_name;                      /**< Test. */
	enum ztest_expected_result expected_result; /**< Fail or skip. */
};

/** @brief Where the runner is (what ztest_test_fail/skip/pass mean at that moment). */
enum ztest_phase {
	TEST_PHASE_SETUP,
	TEST_PHASE_BEFORE,
	TEST_PHASE_TEST,
	TEST_PHASE_AFTER,
	TEST_PHASE_TEARDOWN,
	TEST_PHASE_FRAMEWORK,
};

/** @brief The running test's outcome so far. */
enum ztest_result {
	ZTEST_RESULT_PENDING,
	ZTEST_RESULT_PASS,
	ZTEST_RESULT_FAIL,
	ZTEST_RESULT_SKIP,
	ZTEST_RESULT_SUITE_SKIP,
	ZTEST_RESULT_SUITE_FAIL,
};

/* Registration: pointers in named sections (the linker provides __start_/__stop_ symbols). */
#define Z_ZTEST_REGISTER(sect, type, obj)                                                          \
	static type *const z_ztest_ptr_##obj                                                       \
	    __attribute__((section(#sect), used, aligned(sizeof(void *)))) = &obj

/**
 * @brief Define test suite @p SUITE_NAME.
 *
 * @param SUITE_NAME the suite's name (an identifier)
 * @param PREDICATE `bool fn(const void *state)` deciding whether the suite runs, or NULL
 * @param setup_fn `void *fn(void)` run once first; its result is every test's fixture, or NULL
 * @param before_fn `void fn(void *fixture)` run before each test, or NULL
 * @param after_fn `void fn(void *fixture)` run after each test (even a failed one), or NULL
 * @param teardown_fn `void fn(void *fixture)` run once at the end, or NULL
 */
#define ZTEST_SUITE(SUITE_NAME, PREDICATE, setup_fn, before_fn, after_fn, teardown_fn)             \
	static struct ztest_suite_stats z_ztest_suite_node_stats_##SUITE_NAME;                     \
	struct ztest_suite_node z_ztest_test_node_##SUITE_NAME = {                                 \
	    .name = #SUITE_NAME,                                                                   \
	    .setup = (setup_fn),                                                                   \
	    .before = (before_fn),                                                                 \
	    .after = (after_fn),                                                                   \
	    .teardown = (teardown_fn),                                                             \
	    .predicate = (PREDICATE),                                                              \
	    .stats = &z_ztest_suite_node_stats_##SUITE_NAME,                                       \
	};                                                                                         \
	Z_ZTEST_REGISTER(zmem_ztest_suites, struct ztest_suite_node, z_ztest_test_node_##SUITE_NAME)

/* The fixture parameter of ZTEST_F tests, or none. */
#define Z_ZTEST_PARAMS_1(suite)         struct suite##_fixture *fixture
#define Z_ZTEST_PARAMS_0(suite)         void
#define Z_ZTEST_CALL_1(suite, fn, data) suite##_##fn((struct suite##_fixture *)(data))
#define Z_ZTEST_CALL_0(suite, fn, data) ((void)(data), suite##_##fn())

#define Z_TEST(suite, fn, t_options, use_fixture)                                                  \
	static struct ztest_unit_test_stats z_ztest_unit_test_stats_##suite##_##fn;                \
	static void _##suite##_##fn##_wrapper(void *data);                                         \
	static void suite##_##fn(Z_ZTEST_PARAMS_##use_fixture(suite));                             \
	static struct ztest_unit_test z_ztest_unit_test__##suite##__##fn = {                       \
	    .test_suite_name = #suite,                                                             \
	    .name = #fn,                                                                           \
	    .test = _##suite##_##fn##_wrapper,                                                     \
	    .thread_options = (t_options),                                                         \
	    .stats = &z_ztest_unit_test_stats_##suite##_##fn,                                      \
	};                                                                                         \
	Z_ZTEST_REGISTER(zmem_ztest_tests, struct ztest_unit_test,                                 \
			 z_ztest_unit_test__##suite##__##fn);                                      \
	static void _##suite##_##fn##_wrapper(void *data)                                          \
	{                                                                                          \
		Z_ZTEST_CALL_##use_fixture(suite, fn, data);                                       \
	}                                                                                          \
	static void suite##_##fn(Z_ZTEST_PARAMS_##use_fixture(suite))

#ifndef K_USER
#define Z_ZTEST_K_USER (1U << 2)
#else
#define Z_ZTEST_K_USER K_USER
#endif
#if defined(CONFIG_USERSPACE) && CONFIG_USERSPACE
#define Z_ZTEST_USER_OPTIONS Z_ZTEST_K_USER
#else
#define Z_ZTEST_USER_OPTIONS 0
#endif

/** @brief Define test @p fn of suite @p suite: `ZTEST(suite, fn) { ... }`. */
#define ZTEST(suite, fn) Z_TEST(suite, fn, 0, 0)
/** @brief Like ZTEST, run in user mode (with CONFIG_USERSPACE). */
#define ZTEST_USER(suite, fn) Z_TEST(suite, fn, Z_ZTEST_USER_OPTIONS, 0)
/** @brief Like ZTEST, with `struct suite##_fixture *fixture` (the setup function's result). */
#define ZTEST_F(suite, fn) Z_TEST(suite, fn, 0, 1)
/** @brief Like ZTEST_F, run in user mode (with CONFIG_USERSPACE). */
#define ZTEST_USER_F(suite, fn) Z_TEST(suite, fn, Z_ZTEST_USER_OPTIONS, 1)

/* ---- Value-parameterised tests: ZTEST_P + ZTEST_INSTANTIATE_TEST_SUITE_P ---- */

/**
 * @brief A set of parameter values: an array (@p values) or a generator (@p value_at_cb).
 *
 * Made by ZTEST_DEFINE_PARAM_VALUES(), ZTEST_DEFINE_PARAM_VALUES_ARRAY(),
 * ZTEST_DEFINE_PARAM_RANGE(), ZTEST_DEFINE_PARAM_GENERATOR() or
 * ZTEST_DEFINE_PARAM_GENERATOR_WITH_SETUP().
 */
struct ztest_param_values {
	const void *values; /**< The values (elem_size bytes each), or NULL with value_at_cb. */
	size_t count;       /**< Number of values (runs of the test). */
	size_t elem_size;   /**< Size of one value in bytes. */
	/** Optional: a name for value @p index, used in the case's name instead of the index. */
	const char *(*name_cb)(size_t index, const void *value);
	/** Optional: writes value @p index (elem_size bytes, at most 16) to @p out. */
	void (*value_at_cb)(size_t index, void *out);
	/** Optional: runs once before the first value of each instantiation's run. */
	void (*setup_cb)(void);
};

/** @brief One ZTEST_INSTANTIATE_TEST_SUITE_P(): a ZTEST_P test bound to a value set. */
struct ztest_param_inst {
	const char *test_suite_name;             /**< The suite. */
	const char *test_name;                   /**< The ZTEST_P test's name. */
	const char *instance_name;               /**< The instantiation's name (in case names). */
	const struct ztest_param_values *values; /**< Its values. */
};

/** @brief The running parameterised case's value, or NULL outside one. */
const void *ztest_get_current_param(void);
/** @brief The running case's value index (0-based), 0 outside a parameterised case. */
size_t ztest_get_current_param_index(void);
/** @brief The running case's value size in bytes, 0 outside a parameterised case. */
size_t ztest_get_current_param_size(void);
/** @brief Whether a parameterised case (a ZTEST_P test with a value) is running. */
bool ztest_has_current_param(void);

/** @brief The running case's value as `const type *`. */
#define ZTEST_GET_PARAM_PTR(type) ((const type *)ztest_get_current_param())
/** @brief The running case's value as `type`. */
#define ZTEST_GET_PARAM(type) (*ZTEST_GET_PARAM_PTR(type))

#define Z_ZTEST_ARRAY_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/** @brief Value set @p name_ of the listed values of type @p type_. */
#define ZTEST_DEFINE_PARAM_VALUES(name_, type_, ...)                                               \
	static const type_ z_ztest_param_arr_##name_[] = {__VA_ARGS__};                            \
	static const struct ztest_param_values name_ = {                                           \
	    .values = z_ztest_param_arr_##name_,                                                   \
	    .count = Z_ZTEST_ARRAY_COUNT(z_ztest_param_arr_##name_),                               \
	    .elem_size = sizeof(type_),                                                            \
	    .name_cb = NULL,                                                                       \
	    .value_at_cb = NULL,                                                                   \
	    .setup_cb = NULL,                                                                      \
	}

/** @brief Value set @p name_ of the elements of array @p array_ (in scope, not a pointer). */
#define ZTEST_DEFINE_PARAM_VALUES_ARRAY(name_, array_)                                             \
	static const struct ztest_param_values name_ = {                                           \
	    .values = (array_),                                                                    \
	    .count = Z_ZTEST_ARRAY_COUNT(array_),                                                  \
	    .elem_size = sizeof((array_)[0]),                                                      \
	    .name_cb = NULL,                                                                       \
	    .value_at_cb = NULL,                                                                   \
	    .setup_cb = NULL,                                                                      \
	}

/**
 * @brief Value set @p name_: @p begin_, @p begin_ + @p step_, ... below @p end_ (half-open, as
 * GoogleTest's Range). Computed on demand: no array.
 */
#define ZTEST_DEFINE_PARAM_RANGE(name_, type_, begin_, end_, step_)                                \
	_Static_assert((end_) > (begin_), "ZTEST_DEFINE_PARAM_RANGE: end must be > begin");        \
	_Static_assert((step_) > 0, "ZTEST_DEFINE_PARAM_RANGE: step must be > 0");                 \
	_Static_assert(sizeof(type_) <= 16U, "ZTEST_DEFINE_PARAM_RANGE: type over 16 bytes");      \
	static void z_ztest_range_value_at_##name_(size_t z_idx_, void *z_out_)                    \
	{                                                                                          \
		*(type_ *)z_out_ = (type_)((begin_) + (step_) * (type_)z_idx_);                    \
	}                                                                                          \
	static const struct ztest_param_values name_ = {                                           \
	    .values = NULL,                                                                        \
	    .count = (size_t)(((end_) - (begin_)-1) / (step_) + 1),                                \
	    .elem_size = sizeof(type_),                                                            \
	    .name_cb = NULL,                                                                       \
	    .value_at_cb = z_ztest_range_value_at_##name_,                                         \
	    .setup_cb = NULL,                                                                      \
	}

/**
 * @brief Value set @p name_ of @p count_ values written by `void gen_cb_(size_t index,
 * void *out)` at run time (type at most 16 bytes).
 */
#define ZTEST_DEFINE_PARAM_GENERATOR(name_, type_, count_, gen_cb_)                                \
	ZTEST_DEFINE_PARAM_GENERATOR_WITH_SETUP(name_, type_, count_, NULL, gen_cb_)

/** @brief ZTEST_DEFINE_PARAM_GENERATOR() with `void setup_cb_(void)` run before value 0. */
#define ZTEST_DEFINE_PARAM_GENERATOR_WITH_SETUP(name_, type_, count_, setup_cb_, gen_cb_)          \
	_Static_assert(sizeof(type_) <= 16U, "ZTEST_DEFINE_PARAM_GENERATOR: type over 16 bytes");  \
	static const struct ztest_param_values name_ = {                                           \
	    .values = NULL,                                                                        \
	    .count = (count_),                                                                     \
	    .elem_size = sizeof(type_),                                                            \
	    .name_cb = NULL,                                                                       \
	    .value_at_cb = (gen_cb_),                                                              \
	    .setup_cb = (setup_cb_),                                                               \
	}

/**
 * @brief Run ZTEST_P test @p fn_ of suite @p suite_ once per value of @p param_values_name_,
 * each value a test case of its own named `fn_[inst_/index]`.
 *
 * @p inst_ names the instantiation (unique per suite and test); one test may be instantiated
 * several times with different value sets.
 */
#define ZTEST_INSTANTIATE_TEST_SUITE_P(inst_, suite_, fn_, param_values_name_)                     \
	static struct ztest_param_inst z_ztest_param_inst_##suite_##_##fn_##_##inst_ = {           \
	    .test_suite_name = #suite_,                                                            \
	    .test_name = #fn_,                                                                     \
	    .instance_name = #inst_,                                                               \
	    .values = &(param_values_name_),                                                       \
	};                                                                                         \
	Z_ZTEST_REGISTER(zmem_ztest_params, struct ztest_param_inst,                               \
			 z_ztest_param_inst_##suite_##_##fn_##_##inst_)

/* The ZTEST_P body gets the suite's fixture as `void *data`, never the parameter. */
#define Z_TEST_P(suite, fn, t_options)                                                             \
	static struct ztest_unit_test_stats z_ztest_unit_test_stats_##suite##_##fn;                \
	static void suite##_##fn(void *data __attribute__((unused)));                              \
	static struct ztest_unit_test z_ztest_unit_test__##suite##__##fn = {                       \
	    .test_suite_name = #suite,                                                             \
	    .name = #fn,                                                                           \
	    .test = suite##_##fn,                                                                  \
	    .thread_options = (t_options),                                                         \
	    .stats = &z_ztest_unit_test_stats_##suite##_##fn,                                      \
	};                                                                                         \
	Z_ZTEST_REGISTER(zmem_ztest_tests, struct ztest_unit_test,                                 \
			 z_ztest_unit_test__##suite##__##fn);                                      \
	static void suite##_##fn(void *data __attribute__((unused)))

/**
 * @brief Define value-parameterised test @p fn of @p suite: `ZTEST_P(suite, fn) { ... }`; the
 * body has `void *data` (the suite's fixture) and reads its value with ZTEST_GET_PARAM().
 * Without a ZTEST_INSTANTIATE_TEST_SUITE_P() it runs once, with no value.
 */
#define ZTEST_P(suite, fn) Z_TEST_P(suite, fn, 0)
/** @brief Like ZTEST_P, run in user mode (with CONFIG_USERSPACE). */
#define ZTEST_USER_P(suite, fn) Z_TEST_P(suite, fn, Z_ZTEST_USER_OPTIONS)

/** @brief Run @p before_each_fn / @p after_each_fn around every test (either may be NULL). */
#define ZTEST_RULE(name, before_each_fn, after_each_fn)                                            \
	static struct ztest_test_rule z_ztest_test_rule_##name = {                                 \
	    .before_each = (before_each_fn),                                                       \
	    .after_each = (after_each_fn),                                                         \
	};                                                                                         \
	Z_ZTEST_REGISTER(zmem_ztest_rules, struct ztest_test_rule, z_ztest_test_rule_##name)

#define Z_ZTEST_EXPECT(_suite_name, _test_name, result)                                            \
	static struct ztest_expected_result_entry                                                  \
	    z_ztest_expected_result_##_suite_name##_##_test_name = {                               \
		.test_suite_name = #_suite_name,                                                   \
		.test_name = #_test_name,                                                          \
		.expected_result = (result),                                                       \
	};                                                                                         \
	Z_ZTEST_REGISTER(zmem_ztest_expected, struct ztest_expected_result_entry,                  \
			 z_ztest_expected_result_##_suite_name##_##_test_name)
/** @brief The test is expected to fail: a failure reports PASS, anything else FAIL. */
#define ZTEST_EXPECT_FAIL(_suite_name, _test_name)                                                 \
	Z_ZTEST_EXPECT(_suite_name, _test_name, ZTEST_EXPECTED_RESULT_FAIL)
/** @brief The test is expected to skip: a skip reports PASS, anything else FAIL. */
#define ZTEST_EXPECT_SKIP(_suite_name, _test_name)                                                 \
	Z_ZTEST_EXPECT(_suite_name, _test_name, ZTEST_EXPECTED_RESULT_SKIP)

/**
 * @brief Run every registered suite whose predicate accepts @p state (and which the command
 * line selects), each @p suite_iter times, each test @p case_iter times.
 */
void ztest_run_all(const void *state, bool shuffle, int suite_iter, int case_iter);
/** @brief The runner behind ztest_run_all(); returns the number of suites run. */
int ztest_run_test_suites(const void *state, bool shuffle, int suite_iter, int case_iter);
/** @brief Run registered suite @p name; returns its number of failed tests. */
int z_ztest_run_test_suite(const char *name, bool shuffle, int suite_iter, int case_iter,
			   void *param);
/** @brief Fail the run if a registered suite never ran or a test's counters do not add up. */
void ztest_verify_all_test_suites_ran(void);
/** @brief Runs the tests; ztest's main() calls it. Weak: the legacy form defines its own. */
void test_main(void);

/** @brief Before-each function that keeps the test on one CPU (the host has one). */
void ztest_simple_1cpu_before(void *data);
/** @brief After-each function matching ztest_simple_1cpu_before(). */
void ztest_simple_1cpu_after(void *data);
/** @brief Keep the running test on one CPU until z_test_1cpu_stop() (one CPU here: no-op). */
void z_test_1cpu_start(void);
/** @brief End z_test_1cpu_start(). */
void z_test_1cpu_stop(void);

/** @brief Set the running test's result (ztest's own bookkeeping). */
void __ztest_set_test_result(enum ztest_result new_result);
/** @brief Set the runner's phase (ztest's own bookkeeping). */
void __ztest_set_test_phase(enum ztest_phase new_phase);

/* ---- The legacy form: ztest_test_suite(name, ztest_unit_test(fn), ...) in test_main(). ---- */

/** @brief A test function that does nothing (legacy setup/teardown placeholder). */
void unit_test_noop(void);

/** @brief Legacy test with setup and teardown functions. */
#define ztest_unit_test_setup_teardown(fn, setup, teardown)                                        \
	{                                                                                          \
		.name = #fn, .legacy_setup = (setup), .legacy_test = (fn),                         \
		.legacy_teardown = (teardown), .thread_options = 0                                 \
	}
/** @brief Legacy user-mode test with setup and teardown functions. */
#define ztest_user_unit_test_setup_teardown(fn, setup, teardown)                                   \
	{                                                                                          \
		.name = #fn, .legacy_setup = (setup), .legacy_test = (fn),                         \
		.legacy_teardown = (teardown), .thread_options = Z_ZTEST_USER_OPTIONS              \
	}
/** @brief Legacy test. */
#define ztest_unit_test(fn) ztest_unit_test_setup_teardown(fn, unit_test_noop, unit_test_noop)
/** @brief Legacy user-mode test. */
#define ztest_user_unit_test(fn)                                                                   \
	ztest_user_unit_test_setup_teardown(fn, unit_test_noop, unit_test_noop)
/** @brief Legacy test kept on one CPU. */
#define ztest_1cpu_unit_test(fn)                                                                   \
	ztest_unit_test_setup_teardown(fn, z_test_1cpu_start, z_test_1cpu_stop)
/** @brief Legacy user-mode test kept on one CPU. */
#define ztest_1cpu_user_unit_test(fn)                                                              \
	ztest_user_unit_test_setup_teardown(fn, z_test_1cpu_start, z_test_1cpu_stop)

/** @brief Legacy: define the list of tests of suite @p suite. */
#define ztest_test_suite(suite, ...)                                                               \
	static struct ztest_unit_test_stats                                                        \
	    _##suite##_stats[sizeof((struct ztest_unit_test[]){__VA_ARGS__}) /                     \
			     sizeof(struct ztest_unit_test)];                                      \
	static struct ztest_unit_test _##suite[] = {__VA_ARGS__, {.name = NULL}};                  \
	static const char *const _##suite##_name = #suite

/** @brief Legacy runner: runs the tests of @p suite listed by ztest_test_suite(). */
int z_ztest_run_legacy_suite(const char *name, struct ztest_unit_test *tests,
			     struct ztest_unit_test_stats *stats);
#define Z_ZTEST_RUN_LEGACY(suite)                                                                  \
	z_ztest_run_legacy_suite(_##suite##_name, _##suite, _##suite##_stats)
#define Z_ZTEST_RUN_NEW(suite, shuffle, suite_iter, case_iter, param)                              \
	z_ztest_run_test_suite(#suite, shuffle, suite_iter, case_iter, param)
#define Z_ZTEST_PICK_RUN(_1, _2, _3, _4, _5, name, ...) name
/**
 * @brief Run a suite: ztest_run_test_suite(suite) for the legacy form,
 * ztest_run_test_suite(suite, shuffle, suite_iter, case_iter, param) for a ZTEST_SUITE.
 */
#define ztest_run_test_suite(...)                                                                  \
	Z_ZTEST_PICK_RUN(__VA_ARGS__, Z_ZTEST_RUN_NEW, ~, ~, ~, Z_ZTEST_RUN_LEGACY, ~)(__VA_ARGS__)

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_ZTEST_TEST_H_ */
