/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* The runner and failure reporting behind zmem_test.h; printf only, so it runs on targets. */
#include "zmem_test.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static bool current_failed;
static const char *current_name;

bool zt_failed(void)
{
	return current_failed;
}

void zt_fail(const char *file, int line, const char *expr)
{
	current_failed = true;
	printf("%s:%d: FAILED in %s: %s\n", file, line, current_name ? current_name : "?", expr);
	fflush(stdout);
}

void zt_fail_cmp(const char *file, int line, const char *expr, unsigned long long a,
		 unsigned long long b)
{
	zt_fail(file, line, expr);
	/* Printed as two 32-bit halves: newlib-nano's printf has no %llu. */
	printf("    left  = 0x%08lx%08lx (%lu)\n    right = 0x%08lx%08lx (%lu)\n",
	       (unsigned long)(a >> 32), (unsigned long)(a & 0xffffffffu), (unsigned long)a,
	       (unsigned long)(b >> 32), (unsigned long)(b & 0xffffffffu), (unsigned long)b);
	fflush(stdout);
}

void zt_note(const char *fmt, ...)
{
	va_list ap;

	printf("    ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

/* Run the tests for which @p selected is NULL or true. */
static int run_selected(const char *suite, const struct zt_case *cases, size_t count,
			const bool *selected)
{
	unsigned int passed = 0, failed = 0, skipped = 0;

	printf("suite %s: %u tests\n", suite, (unsigned int)count);
	for (size_t i = 0; i < count; i++) {
		if (selected != NULL && !selected[i]) {
			skipped++;
			continue;
		}
		current_failed = false;
		current_name = cases[i].name;
		printf("[ RUN  ] %s\n", cases[i].name);
		fflush(stdout);
		cases[i].fn();
		if (current_failed) {
			failed++;
			printf("[ FAIL ] %s\n", cases[i].name);
		} else {
			passed++;
			printf("[  OK  ] %s\n", cases[i].name);
		}
		fflush(stdout);
	}
	current_name = NULL;
	if (skipped != 0) {
		printf("suite %s: %u not selected\n", suite, skipped);
	}
	printf("suite %s: %u passed, %u failed\n", suite, passed, failed);
	fflush(stdout);
	return failed == 0 ? 0 : 1;
}

int zt_run(const char *suite, const struct zt_case *cases, size_t count)
{
	return run_selected(suite, cases, count, NULL);
}

#define ZT_MAX_CASES 128

int zt_main(int argc, char **argv, const char *suite, const struct zt_case *cases, size_t count)
{
	static bool selected[ZT_MAX_CASES];
	bool any_include = false;

	if (argc < 2 || argv == NULL) {
		return zt_run(suite, cases, count);
	}
	if (count > ZT_MAX_CASES) {
		printf("suite %s: more than %d tests\n", suite, ZT_MAX_CASES);
		return 1;
	}
	for (int a = 1; a < argc; a++) {
		any_include |= argv[a][0] != '-';
	}
	for (size_t i = 0; i < count; i++) {
		selected[i] = !any_include;
	}
	for (int a = 1; a < argc; a++) {
		bool skip = argv[a][0] == '-';
		const char *name = skip ? argv[a] + 1 : argv[a];
		bool found = false;

		for (size_t i = 0; i < count; i++) {
			if (strcmp(cases[i].name, name) == 0) {
				selected[i] = !skip;
				found = true;
			}
		}
		if (!found) {
			printf("suite %s: no test named %s\n", suite, name);
			printf("suite %s: 0 passed, 1 failed\n", suite);
			return 1;
		}
	}
	return run_selected(suite, cases, count, selected);
}

void zt_rng_seed(struct zt_rng *r, uint64_t seed)
{
	r->s = seed != 0 ? seed : 88172645463325252ull;
}

uint64_t zt_rng_next(struct zt_rng *r)
{
	uint64_t x = r->s;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	r->s = x;
	return x;
}

uint32_t zt_rng_below(struct zt_rng *r, uint32_t n)
{
	return (uint32_t)(zt_rng_next(r) % n);
}
