/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Zephyr's preprocessor utilities (<zephyr/sys/util_macro.h>, through <zephyr/sys/util.h>):
 * each expansion is compared as text (STRINGIFY of the result) or as the values it produces,
 * so a wrong count, order, index or separator fails here.
 */
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/sys/util.h>
#include <zephyr/ztest.h>

/* Text of an expansion, after the expansion (Z_STR_OF(m(...)) expands m first). */
#define Z_STR_OF(...)  Z_STR_OF_(__VA_ARGS__)
#define Z_STR_OF_(...) #__VA_ARGS__

/*
 * Whether two token texts are the same apart from spaces (stringizing puts one space wherever
 * the expansion had any, which depends on how the macros were written, not on the result).
 */
static bool same_tokens(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ') {
			a++;
		}
		while (*b == ' ') {
			b++;
		}
		if (*a != *b) {
			return false;
		}
		if (*a == '\0') {
			return true;
		}
		a++;
		b++;
	}
}

#define zassert_text(expansion, text, ...)                                                         \
	zassert_true(same_tokens(Z_STR_OF(expansion), text), "expanded to \"%s\", not \"%s\"",        \
		     Z_STR_OF(expansion), text)

/* LISTIFY's F and FOR_EACH_IDX's get the index first. */
#define IDENTITY_I(i, ...) i
#define PLUS(i, ...)       +i

ZTEST(util_macro, test_counting)
{
	zassert_equal(NUM_VA_ARGS_LESS_1(), 0);
	zassert_equal(NUM_VA_ARGS_LESS_1(a), 0);
	zassert_equal(NUM_VA_ARGS_LESS_1(a, b, c), 2);
	zassert_equal(NUM_VA_ARGS(), 0);
	zassert_equal(NUM_VA_ARGS(x), 1);
	zassert_equal(NUM_VA_ARGS(a, , c), 3, "an empty element counts");
	/* 64 arguments, the most Zephyr counts. */
	zassert_equal(NUM_VA_ARGS(LISTIFY(64, IDENTITY_I, (,))), 64);
	zassert_equal(NUM_VA_ARGS_LESS_1(LISTIFY(64, IDENTITY_I, (,))), 63);
}
ZTEST(util_macro, test_emptiness)
{
	zassert_equal(IS_EMPTY(), 1);
	zassert_equal(IS_EMPTY(EMPTY), 1);
	zassert_equal(IS_EMPTY(a), 0);
	zassert_equal(IS_EMPTY(()), 0, "parentheses are not empty");
	zassert_equal(IS_EMPTY(IDENTITY), 0, "a function-like macro's name is not empty");
	zassert_equal(IS_EMPTY(a, b), 0);
	zassert_text(LIST_DROP_EMPTY(, a, , b, c, ), "a, b, c");
	zassert_text(LIST_DROP_EMPTY(, , ), "");
}

ZTEST(util_macro, test_arguments)
{
	zassert_equal(GET_ARG_N(1, 10, 20, 30), 10);
	zassert_equal(GET_ARG_N(3, 10, 20, 30), 30);
	zassert_text(GET_ARGS_LESS_N(2, a, b, c, d), "c, d");
	zassert_text(GET_ARGS_LESS_N(0, a, b), "a, b");
	zassert_text(REVERSE_ARGS(a, b, c), "c, b, a");
	zassert_text(REVERSE_ARGS(a), "a");
	zassert_text(REVERSE_ARGS(), "");
}

#define DECL(x)                int v_##x = x
#define PAIR(i, x)             [i] = x
#define WITH(x, fixed)         x##fixed
#define WITH_IDX(i, x, fixed)  fixed##i##x
#define SQUARE(x)              ((x) * (x))

ZTEST(util_macro, test_for_each)
{
	FOR_EACH(DECL, (;), 4, 5, 6);
	zassert_equal(v_4 + v_5 + v_6, 15);
	zassert_text(FOR_EACH(IDENTITY, (+), a, b, c), "a + b + c");
	zassert_text(FOR_EACH(IDENTITY, (,), a), "a");
	zassert_text(FOR_EACH(IDENTITY, (,)), "", "no argument, no call");
	zassert_text(FOR_EACH_IDX(PAIR, (,), x, y, z), "[0] = x , [1] = y , [2] = z");
	zassert_text(FOR_EACH_FIXED_ARG(WITH, (;), _t, a, b), "a_t ; b_t");
	zassert_text(FOR_EACH_IDX_FIXED_ARG(WITH_IDX, (,), p, a, b), "p0a , p1b");
	zassert_text(FOR_EACH_NONEMPTY_TERM(SQUARE, (,), 1, , 2, ), "((1) * (1)) , ((2) * (2)) ,");
	zassert_text(FOR_EACH_NONEMPTY_TERM(SQUARE, (,), , ), "");

	/* 64 elements, in order. */
	int idx[] = {FOR_EACH_IDX(IDENTITY_I, (,), LISTIFY(64, IDENTITY_I, (,)))};

	zassert_equal(ARRAY_SIZE(idx), 64);
	for (int i = 0; i < 64; i++) {
		zassert_equal(idx[i], i);
	}
}

#define SEQ(i, base) (base + i)

ZTEST(util_macro, test_listify)
{
	int seq[] = {LISTIFY(5, SEQ, (,), 100)};

	zassert_equal(ARRAY_SIZE(seq), 5);
	for (int i = 0; i < 5; i++) {
		zassert_equal(seq[i], 100 + i);
	}
	zassert_text(LISTIFY(0, SEQ, (,), 1), "");
	/* The longest sequence Zephyr allows: 0 + 1 + ... + 4094. */
	zassert_equal(0 LISTIFY(4095, PLUS, ()), 4095 * 4094 / 2);
	zassert_text(UTIL_LISTIFY(2, SEQ, 7), "(7 + 0) (7 + 1)");
}

ZTEST(util_macro, test_arithmetic)
{
	zassert_text(UTIL_INC(0), "1");
	zassert_text(UTIL_INC(4094), "4095");
	zassert_text(UTIL_DEC(0), "0");
	zassert_text(UTIL_DEC(4095), "4094");
	zassert_text(UTIL_X2(2047), "4094");
	zassert_equal(IS_EQ(0, 0), 1);
	zassert_equal(IS_EQ(255, 255), 1);
	zassert_equal(IS_EQ(17, 71), 0);
	zassert_equal(UTIL_BOOL(0), 0);
	zassert_equal(UTIL_BOOL(9), 1);
	zassert_equal(UTIL_OR(0, 5), 5);
	zassert_equal(UTIL_OR(1, undefined_symbol), 1, "b is not expanded when a is 1");
	zassert_equal(UTIL_AND(0, undefined_symbol), 0, "b is not expanded when a is 0");
	zassert_equal(UTIL_AND(1, 7), 7);
	/* Decided by the preprocessor: usable in #if. */
#if !IS_EQ(3, 3) || IS_EQ(3, 4) || NUM_VA_ARGS(a, b) != 2
	zassert_unreachable("preprocessor-time results");
#endif
}

ZTEST(util_macro, test_concatenation)
{
	int CONCAT(con, cat, ed) = 3;
	int MACRO_MAP_CAT(IDENTITY, m, a, p) = 4;

	zassert_equal(concated + map, 7);
	zassert_text(MACRO_MAP_CAT_N(2, IDENTITY, x, y, z), "xy");
}

/* Constant expressions: usable where C needs one. */
BUILD_ASSERT(LOG2(1) == 0 && LOG2(2) == 1 && LOG2(1023) == 9 && LOG2(1024) == 10);
BUILD_ASSERT(LOG2(0) == -1 && LOG2(0xFFFFFFFFFFFFFFFFULL) == 63);
BUILD_ASSERT(LOG2CEIL(0) == 0 && LOG2CEIL(1) == 0 && LOG2CEIL(5) == 3 && LOG2CEIL(1024) == 10);
BUILD_ASSERT(NHPOT(0) == 1 && NHPOT(1) == 1 && NHPOT(3) == 4 && NHPOT(1024) == 1024);
BUILD_ASSERT(NHPOT((1ULL << 63) + 1) == 0);
static char sized[NHPOT(100)];

ZTEST(util_macro, test_math_macros)
{
	zassert_equal(sizeof(sized), 128);
	for (unsigned long long x = 1; x < 5000; x++) {
		unsigned long long p = NHPOT(x);

		zassert_true(p >= x && p / 2 < x && (p & (p - 1)) == 0, "NHPOT(%llu) = %llu", x, p);
		zassert_true((1ULL << LOG2(x)) <= x && (2ULL << LOG2(x)) > x, "LOG2(%llu)", x);
	}
	zassert_true(IN_RANGE(5, 5, 7));
	zassert_true(IN_RANGE(7, 5, 7));
	zassert_false(IN_RANGE(8, 5, 7));
	zassert_false(IN_RANGE(-1, 0, 7));
}

ZTEST_SUITE(util_macro, NULL, NULL, NULL, NULL, NULL);
