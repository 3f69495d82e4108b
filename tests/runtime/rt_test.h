/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Minimal checks for runtime tests: a failed check prints where and what, exit status 1. */
#ifndef ZMEM_TESTS_RUNTIME_RT_TEST_H_
#define ZMEM_TESTS_RUNTIME_RT_TEST_H_

#include <stdio.h>
#include <stdlib.h>

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);  \
			fflush(stdout);                                                            \
			_Exit(1);                                                                  \
		}                                                                                  \
	} while (0)

#define CHECK_EQ(a, b)                                                                             \
	do {                                                                                       \
		long long _a = (long long)(a), _b = (long long)(b);                                \
		if (_a != _b) {                                                                    \
			fprintf(stderr, "%s:%d: check failed: %s == %s (%lld != %lld)\n",          \
				__FILE__, __LINE__, #a, #b, _a, _b);                               \
			fflush(stdout);                                                            \
			_Exit(1);                                                                  \
		}                                                                                  \
	} while (0)

/* An event trace: threads append small integers; tests compare the order. */
struct trace {
	int ev[64];
	int n;
};

static inline void trace_add(struct trace *t, int e)
{
	if (t->n < 64) {
		t->ev[t->n++] = e;
	}
}

#define CHECK_TRACE(tr, ...)                                                                       \
	do {                                                                                       \
		static const int _want[] = {__VA_ARGS__};                                          \
		int _nw = (int)(sizeof(_want) / sizeof(_want[0]));                                 \
		int _ok = (tr)->n == _nw;                                                          \
		for (int _i = 0; _ok && _i < _nw; _i++) {                                          \
			_ok = (tr)->ev[_i] == _want[_i];                                           \
		}                                                                                  \
		if (!_ok) {                                                                        \
			fprintf(stderr, "%s:%d: trace mismatch, got:", __FILE__, __LINE__);        \
			for (int _i = 0; _i < (tr)->n; _i++) {                                     \
				fprintf(stderr, " %d", (tr)->ev[_i]);                              \
			}                                                                          \
			fprintf(stderr, "\n  want:");                                              \
			for (int _i = 0; _i < _nw; _i++) {                                         \
				fprintf(stderr, " %d", _want[_i]);                                 \
			}                                                                          \
			fprintf(stderr, "\n");                                                     \
			fflush(stdout);                                                            \
			_Exit(1);                                                                  \
		}                                                                                  \
		(tr)->n = 0;                                                                       \
	} while (0)

#define RUN(fn)                                                                                    \
	do {                                                                                       \
		printf("- %s\n", #fn);                                                             \
		fn();                                                                              \
	} while (0)

#endif /* ZMEM_TESTS_RUNTIME_RT_TEST_H_ */
