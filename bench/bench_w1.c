/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Host driver for the workloads (bench/workloads.c, W1 by default): speed, latency and
 * packing of one allocator, zmem or a system allocator.
 *
 * Usage: bench_w1 ALLOCATOR HEAP_KIB [OPS] [MODE] [WORKLOAD]
 *   ALLOCATOR  zmem, or the system allocator this binary was linked with (glibc, jemalloc,
 *              mimalloc; see BENCH_SYSTEM_NAME)
 *   HEAP_KIB   zmem heap size (ignored by unbounded allocators, still printed)
 *   MODE       all (default): throughput (fastest of 3 runs), then latency runs (per call,
 *              fastest of 5);
 *              count: one plain run only, for callgrind (--toggle-collect on the
 *              allocator's entry points gives the instructions inside the allocator).
 *   WORKLOAD   1 (default), 2 or 3: W1, W2 or W3.
 * Prints one line of key=value pairs.
 *
 * The workload calls w1_alloc/w1_free/w1_aligned_alloc (workloads.h); here they forward to the
 * allocator chosen at run time, through a timing layer in the latency runs.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zephyr/sys/sys_heap.h>

#include "workloads.h"

#if defined(BENCH_USE_MIMALLOC)
#include <mimalloc.h>
#define SYS_MALLOC              mi_malloc
#define SYS_FREE                mi_free
#define SYS_ALIGNED_ALLOC(a, n) mi_malloc_aligned((n), (a))
#else
#define SYS_MALLOC              malloc
#define SYS_FREE                free
#define SYS_ALIGNED_ALLOC(a, n) aligned_alloc((a), ((n) + (a)-1u) / (a) * (a))
#endif
#ifndef BENCH_SYSTEM_NAME
#define BENCH_SYSTEM_NAME "glibc"
#endif

/** An allocator under test. */
struct w1_allocator {
	void *(*alloc)(void *ctx, size_t bytes);
	void (*free)(void *ctx, void *mem);
	void *(*aligned_alloc)(void *ctx, size_t align, size_t bytes);
	void *ctx;
};

static void *zmem_alloc(void *ctx, size_t bytes)
{
	return sys_heap_alloc(ctx, bytes);
}

static void zmem_free(void *ctx, void *mem)
{
	sys_heap_free(ctx, mem);
}

static void *zmem_aligned_alloc(void *ctx, size_t align, size_t bytes)
{
	return sys_heap_aligned_alloc(ctx, align, bytes);
}

static void *sys_alloc(void *ctx, size_t bytes)
{
	(void)ctx;
	return SYS_MALLOC(bytes);
}

static void sys_free(void *ctx, void *mem)
{
	(void)ctx;
	SYS_FREE(mem);
}

static void *sys_aligned(void *ctx, size_t align, size_t bytes)
{
	(void)ctx;
	return SYS_ALIGNED_ALLOC(align, bytes);
}

/* The allocator the workload's calls go to. */
static const struct w1_allocator *current;

__attribute__((noinline)) void *w1_alloc(size_t bytes)
{
	return current->alloc(current->ctx, bytes);
}

__attribute__((noinline)) void w1_free(void *mem)
{
	current->free(current->ctx, mem);
}

__attribute__((noinline)) void *w1_aligned_alloc(size_t align, size_t bytes)
{
	return current->aligned_alloc(current->ctx, align, bytes);
}

static inline uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/*
 * Per-call timer for the latency run: the TSC on x86-64 (a few ns to read, sub-ns
 * resolution), converted to ns with a rate calibrated against CLOCK_MONOTONIC; elsewhere the
 * monotonic clock itself.
 */
#if defined(__x86_64__)
#include <x86intrin.h>
static inline uint64_t now_ticks(void)
{
	return __rdtsc();
}
#else
static inline uint64_t now_ticks(void)
{
	return now_ns();
}
#endif

static double ticks_per_ns(void)
{
	uint64_t n0 = now_ns();
	uint64_t t0 = now_ticks();

	while (now_ns() - n0 < 50000000u) {
	}
	return (double)(now_ticks() - t0) / (double)(now_ns() - n0);
}

/* Latency run: the wrapped allocator times every call. */
static const struct w1_allocator *lat_inner;
static uint32_t *lat_ns;
static uint32_t lat_n;

static void *lat_alloc(void *ctx, size_t bytes)
{
	(void)ctx;
	uint64_t t0 = now_ticks();
	void *mem = lat_inner->alloc(lat_inner->ctx, bytes);

	lat_ns[lat_n++] = (uint32_t)(now_ticks() - t0);
	return mem;
}

static void lat_free(void *ctx, void *mem)
{
	(void)ctx;
	uint64_t t0 = now_ticks();

	lat_inner->free(lat_inner->ctx, mem);
	lat_ns[lat_n++] = (uint32_t)(now_ticks() - t0);
}

static void *lat_aligned(void *ctx, size_t align, size_t bytes)
{
	(void)ctx;
	uint64_t t0 = now_ticks();
	void *mem = lat_inner->aligned_alloc(lat_inner->ctx, align, bytes);

	lat_ns[lat_n++] = (uint32_t)(now_ticks() - t0);
	return mem;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a;
	uint32_t y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* Cost of the timer itself, in ticks: the median of back-to-back readings. */
static uint32_t clock_overhead(void)
{
	static uint32_t d[10001];

	for (int i = 0; i < 10001; i++) {
		uint64_t t0 = now_ticks();

		d[i] = (uint32_t)(now_ticks() - t0);
	}
	qsort(d, 10001, sizeof(d[0]), cmp_u32);
	return d[5000];
}

/* Percentile of the sorted tick counts, less the timer's own cost, in ns. */
static double pct(const uint32_t *sorted, uint32_t n, uint32_t parts_per_10000, uint32_t ovh,
		  double tpn)
{
	uint64_t i = (uint64_t)(n - 1u) * parts_per_10000 / 10000u;
	uint32_t v = sorted[i];

	return (v > ovh ? v - ovh : 0u) / tpn;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: %s zmem|%s HEAP_KIB [OPS] [all|count] [1|2|3]\n", argv[0],
			BENCH_SYSTEM_NAME);
		return 2;
	}
	const char *name = argv[1];
	size_t heap_bytes = (size_t)strtoul(argv[2], NULL, 0) * 1024u;
	uint32_t ops = argc > 3 ? (uint32_t)strtoul(argv[3], NULL, 0) : WL_OPS;
	bool count_only = argc > 4 && strcmp(argv[4], "count") == 0;
	uint32_t kind = argc > 5 ? (uint32_t)strtoul(argv[5], NULL, 0) : 1u;

	if (kind < 1u || kind > 3u) {
		fprintf(stderr, "workload must be 1, 2 or 3\n");
		return 2;
	}
	bool is_zmem = strcmp(name, "zmem") == 0;

	if (!is_zmem && strcmp(name, BENCH_SYSTEM_NAME) != 0) {
		fprintf(stderr, "unknown allocator %s\n", name);
		return 2;
	}

	void *buf = aligned_alloc(4096, heap_bytes); /* as bench_report: W3 depends on it */

	memset(buf, 0, heap_bytes); /* no first-touch page faults inside the timed calls */
	struct sys_heap heap;
	struct w1_allocator a = {sys_alloc, sys_free, sys_aligned, NULL};
	static struct wl w;

	if (is_zmem) {
		a = (struct w1_allocator){zmem_alloc, zmem_free, zmem_aligned_alloc, &heap};
	}
	current = &a;

	/*
	 * Throughput: nothing but the workload and the allocator; the fastest of THRU_RUNS runs
	 * (one in count mode), since a shared machine only ever adds time.
	 */
	enum { THRU_RUNS = 3 };
	uint64_t best_ns = UINT64_MAX;

	for (int run = 0; run < (count_only ? 1 : THRU_RUNS); run++) {
		if (is_zmem) {
			sys_heap_init(&heap, buf, heap_bytes);
		} else if (run != 0) {
			wl_release(&w);
		}
		wl_init(&w, (enum wl_kind)kind);
		uint64_t t0 = now_ns();

		wl_run(&w, ops);
		uint64_t t1 = now_ns();

		best_ns = t1 - t0 < best_ns ? t1 - t0 : best_ns;
	}

	printf("allocator=%s workload=%s heap_kib=%zu ops=%u allocs=%llu frees=%llu failed=%llu "
	       "util_ppm=%u ns_per_op=%.2f",
	       name, wl_name((enum wl_kind)kind), heap_bytes / 1024u, ops,
	       (unsigned long long)w.allocs, (unsigned long long)w.frees,
	       (unsigned long long)w.failed, wl_util_ppm(&w, heap_bytes), (double)best_ns / ops);
	if (is_zmem && !sys_heap_validate(&heap)) {
		printf(" INVALID\n");
		return 1;
	}
	if (count_only) {
		printf("\n");
		return 0;
	}
	if (!is_zmem) {
		wl_release(&w);
	}
	/*
	 * Latency runs: the same workload LAT_RUNS more times, each allocator call timed. The
	 * workload is deterministic, so call i is the same operation on the same heap state in
	 * every run; keeping each call's fastest time filters out preemptions and interrupts,
	 * which would have to hit the same call in every run to show.
	 */
	enum { LAT_RUNS = 5 };
	uint32_t *best = malloc(sizeof(*best) * ops);

	lat_ns = malloc(sizeof(*lat_ns) * ops);
	lat_inner = &a;
	struct w1_allocator timed = {lat_alloc, lat_free, lat_aligned, NULL};
	uint32_t ovh = clock_overhead();
	double tpn = ticks_per_ns();
	uint32_t calls = 0;

	for (int run = 0; run < LAT_RUNS; run++) {
		if (is_zmem) {
			sys_heap_init(&heap, buf, heap_bytes);
		} else if (run != 0) {
			current = &a;
			wl_release(&w);
		}
		lat_n = 0;
		current = &timed;
		wl_init(&w, (enum wl_kind)kind);
		wl_run(&w, ops);
		for (uint32_t i = 0; i < lat_n; i++) {
			best[i] = run == 0 || lat_ns[i] < best[i] ? lat_ns[i] : best[i];
		}
		calls = lat_n;
	}
	qsort(best, calls, sizeof(best[0]), cmp_u32);
	printf(" timer_ovh_ns=%.1f p50_ns=%.1f p99_ns=%.1f p9999_ns=%.1f max_ns=%.1f\n", ovh / tpn,
	       pct(best, calls, 5000, ovh, tpn), pct(best, calls, 9900, ovh, tpn),
	       pct(best, calls, 9999, ovh, tpn), pct(best, calls, 10000, ovh, tpn));
	return 0;
}
