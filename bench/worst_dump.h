/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief WC_DUMP(fmt, ...): after a measured call, ask callgrind to dump the counters collected
 * since the last dump (the call's cost, as collection is only on inside the measured wrappers),
 * named after the call. Without valgrind's headers, or not running under valgrind, it does
 * nothing but format the name. WC_ZERO() drops what was collected so far (the workloads'
 * release of their blocks goes through the measured wrappers): called before each measured
 * call.
 */
#ifndef ZMEM_BENCH_WORST_DUMP_H_
#define ZMEM_BENCH_WORST_DUMP_H_

#include <stdio.h>

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define WC_HAVE_CALLGRIND 1
#endif
#endif

#if defined(WC_HAVE_CALLGRIND)
#define WC_DUMP(...)                                                                               \
	do {                                                                                       \
		char wc_name_[160];                                                                \
		snprintf(wc_name_, sizeof(wc_name_), __VA_ARGS__);                                 \
		CALLGRIND_DUMP_STATS_AT(wc_name_);                                                 \
	} while (0)
#define WC_ZERO() CALLGRIND_ZERO_STATS
#else
#define WC_ZERO()                                                                                  \
	do {                                                                                       \
	} while (0)
/* The arguments stay used (no unused-parameter warnings), the call compiles out. */
#define WC_DUMP(...)                                                                               \
	do {                                                                                       \
		if (0) {                                                                           \
			printf(__VA_ARGS__);                                                       \
		}                                                                                  \
	} while (0)
#endif

#endif /* ZMEM_BENCH_WORST_DUMP_H_ */
