/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Host driver for workload W1: speed, latency and packing of one allocator.
 *
 * Usage: bench_w1 ALLOCATOR HEAP_KIB [OPS] [MODE]
 *   ALLOCATOR  zmem, or the system allocator this binary was linked with (glibc, jemalloc,
 *              mimalloc; see BENCH_SYSTEM_NAME)
 *   HEAP_KIB   zmem heap size (ignored by unbounded allocators, still printed)
 *   MODE       all (default): throughput run, then a latency run;
 *              count: one plain run only, for callgrind (--toggle-collect on the
 *              allocator's entry points gives the instructions inside the allocator).
 * Prints one line of key=value pairs.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zephyr/sys/sys_heap.h>

#include "w1.h"

#if defined(BENCH_USE_MIMALLOC)
#include <mimalloc.h>
#define SYS_MALLOC mi_malloc
#define SYS_FREE   mi_free
#else
#define SYS_MALLOC malloc
#define SYS_FREE   free
#endif
#ifndef BENCH_SYSTEM_NAME
#define BENCH_SYSTEM_NAME "glibc"
#endif

static void *zmem_alloc(void *ctx, size_t bytes)
{
	return sys_heap_alloc(ctx, bytes);
}

static void zmem_free(void *ctx, void *mem)
{
	sys_heap_free(ctx, mem);
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

static inline uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Latency run: the wrapped allocator times every call. */
static const struct w1_allocator *lat_inner;
static uint32_t *lat_ns;
static uint32_t lat_n;

static void *lat_alloc(void *ctx, size_t bytes)
{
	(void)ctx;
	uint64_t t0 = now_ns();
	void *mem = lat_inner->alloc(lat_inner->ctx, bytes);

	lat_ns[lat_n++] = (uint32_t)(now_ns() - t0);
	return mem;
}

static void lat_free(void *ctx, void *mem)
{
	(void)ctx;
	uint64_t t0 = now_ns();

	lat_inner->free(lat_inner->ctx, mem);
	lat_ns[lat_n++] = (uint32_t)(now_ns() - t0);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a;
	uint32_t y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* Cost of the timer itself: the median of back-to-back readings. */
static uint32_t clock_overhead(void)
{
	static uint32_t d[10001];

	for (int i = 0; i < 10001; i++) {
		uint64_t t0 = now_ns();

		d[i] = (uint32_t)(now_ns() - t0);
	}
	qsort(d, 10001, sizeof(d[0]), cmp_u32);
	return d[5000];
}

static uint32_t pct(const uint32_t *sorted, uint32_t n, uint32_t parts_per_10000, uint32_t ovh)
{
	uint64_t i = (uint64_t)(n - 1u) * parts_per_10000 / 10000u;
	uint32_t v = sorted[i];

	return v > ovh ? v - ovh : 0u;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: %s zmem|%s HEAP_KIB [OPS] [all|count]\n", argv[0],
			BENCH_SYSTEM_NAME);
		return 2;
	}
	const char *name = argv[1];
	size_t heap_bytes = (size_t)strtoul(argv[2], NULL, 0) * 1024u;
	uint32_t ops = argc > 3 ? (uint32_t)strtoul(argv[3], NULL, 0) : W1_OPS;
	bool count_only = argc > 4 && strcmp(argv[4], "count") == 0;
	bool is_zmem = strcmp(name, "zmem") == 0;

	if (!is_zmem && strcmp(name, BENCH_SYSTEM_NAME) != 0) {
		fprintf(stderr, "unknown allocator %s\n", name);
		return 2;
	}

	void *buf = aligned_alloc(64, heap_bytes);
	struct sys_heap heap;
	struct w1_allocator a = {sys_alloc, sys_free, NULL};
	static struct w1 w;

	if (is_zmem) {
		a = (struct w1_allocator){zmem_alloc, zmem_free, &heap};
	}

	/* Throughput run: nothing but the workload and the allocator. */
	if (is_zmem) {
		sys_heap_init(&heap, buf, heap_bytes);
	}
	w1_init(&w);
	uint64_t t0 = now_ns();

	w1_run(&w, &a, ops);
	uint64_t t1 = now_ns();

	printf("allocator=%s heap_kib=%zu ops=%u allocs=%llu frees=%llu failed=%llu "
	       "util_ppm=%u ns_per_op=%.2f",
	       name, heap_bytes / 1024u, ops, (unsigned long long)w.allocs,
	       (unsigned long long)w.frees, (unsigned long long)w.failed,
	       w1_util_ppm(&w, heap_bytes), (double)(t1 - t0) / ops);
	if (is_zmem && !sys_heap_validate(&heap)) {
		printf(" INVALID\n");
		return 1;
	}
	if (count_only) {
		printf("\n");
		return 0;
	}
	if (!is_zmem) {
		w1_release(&w, &a);
	}

	/* Latency run: same workload again, each allocator call timed. */
	lat_ns = malloc(sizeof(*lat_ns) * ops);
	lat_n = 0;
	lat_inner = &a;
	if (is_zmem) {
		sys_heap_init(&heap, buf, heap_bytes);
	}
	struct w1_allocator timed = {lat_alloc, lat_free, NULL};
	uint32_t ovh = clock_overhead();

	w1_init(&w);
	w1_run(&w, &timed, ops);
	qsort(lat_ns, lat_n, sizeof(lat_ns[0]), cmp_u32);
	printf(" clock_ovh_ns=%u p50_ns=%u p99_ns=%u p9999_ns=%u max_ns=%u\n", ovh,
	       pct(lat_ns, lat_n, 5000, ovh), pct(lat_ns, lat_n, 9900, ovh),
	       pct(lat_ns, lat_n, 9999, ovh), pct(lat_ns, lat_n, 10000, ovh));
	return 0;
}
