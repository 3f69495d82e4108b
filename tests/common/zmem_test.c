/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* The runner and failure reporting behind zmem_test.h; printf only, so it runs on targets. */
#include "zmem_test.h"

#include <stdarg.h>
#include <stdio.h>

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

int zt_run(const char *suite, const struct zt_case *cases, size_t count)
{
	unsigned int passed = 0, failed = 0;

	printf("suite %s: %u tests\n", suite, (unsigned int)count);
	for (size_t i = 0; i < count; i++) {
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
	printf("suite %s: %u passed, %u failed\n", suite, passed, failed);
	fflush(stdout);
	return failed == 0 ? 0 : 1;
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
