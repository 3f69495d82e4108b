/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief zmem's figures for the peer-figures method: workloads W1, W2, W3 (failures and
 * utilization at failure) and fixed overhead per heap size. Portable: the same program runs on a
 * 64-bit host, a 32-bit host (-m32) and Cortex-M3 under QEMU, and prints integer figures only
 * (32-bit builds must print identical lines). Instructions are counted from outside with callgrind
 * (bench/run_all.sh).
 *
 *   bench_report [all]                 every workload at 2,000,000 ops + overhead; PASS/FAIL
 *   bench_report wl W HEAP_KIB [OPS]   one workload run (W = 1 .. 7, workloads.h)
 *   bench_report overhead              the fixed-overhead lines
 *   bench_report worst                 the adversarial sequence (worst.h): every measured call
 *                                      announced by a "WC" line, for bench/worst_case.sh
 *
 * Every heap is validated after each run and after releasing every block; a heap that does
 * not validate or does not return to empty fails the program (exit status 1).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zephyr/sys/sys_heap.h>

#include "workloads.h"
#include "worst.h"
#include "worst_dump.h"

#define WL_MAX_HEAP_KIB 256u

#if defined(__GNUC__)
#define BENCH_NOINLINE __attribute__((noinline, used))
#else
#define BENCH_NOINLINE
#endif

/* One buffer for every workload run, page-aligned: W3's aligned requests (up to 256 bytes)
 * make a run depend on the buffer's address modulo 256, so every build must place it alike. */
static _Alignas(4096) uint8_t heap_mem[WL_MAX_HEAP_KIB * 1024u];
static struct sys_heap wl_heap;
static struct wl state;

/* The driver's wrappers (workloads.h): what callgrind's count covers. */
BENCH_NOINLINE void *w1_alloc(size_t bytes)
{
	return sys_heap_alloc(&wl_heap, bytes);
}

BENCH_NOINLINE void w1_free(void *mem)
{
	sys_heap_free(&wl_heap, mem);
}

BENCH_NOINLINE void *w1_aligned_alloc(size_t align, size_t bytes)
{
	return sys_heap_aligned_alloc(&wl_heap, align, bytes);
}

/*
 * The largest buffer (16 MiB, for the overhead table): the host's C library, or on the
 * Cortex-M boards the 16 MiB PSRAM QEMU's mps2 machines map at 0x21000000, which the board's
 * linker script leaves unused (BENCH_BIG_BUFFER_ADDR, set by the target build).
 */
#define BIG_BYTES (16u * 1024u * 1024u)

static uint8_t *big_buffer(void)
{
#if defined(BENCH_BIG_BUFFER_ADDR)
	return (uint8_t *)(uintptr_t)BENCH_BIG_BUFFER_ADDR;
#else
	static uint8_t *buf;

	if (buf == NULL) {
		buf = aligned_alloc(4096, BIG_BYTES);
	}
	return buf;
#endif
}

static bool heap_empty_and_valid(struct sys_heap *h)
{
	struct sys_memory_stats stats;
	/* Without runtime statistics the call may return -ENOTSUP (no high-water mark) and
	 * still fill in the current bytes. */
	int rc = sys_heap_runtime_stats_get(h, &stats);

	return sys_heap_validate(h) && (rc == 0 || rc == -ENOTSUP) && stats.allocated_bytes == 0u;
}

static int run_workload(enum wl_kind kind, uint32_t heap_kib, uint32_t ops)
{
	size_t heap_bytes = (size_t)heap_kib * 1024u;
	int failures = 0;

	sys_heap_init(&wl_heap, heap_mem, heap_bytes);
	wl_init(&state, kind);
	state.heap_bytes = heap_bytes;
	wl_run(&state, ops);
	if (!sys_heap_validate(&wl_heap)) {
		printf("FAIL: %s heap %" PRIu32 " KiB does not validate after the run\n",
		       wl_name(kind), heap_kib);
		failures++;
	}
	printf("%s heap_kib=%" PRIu32 " ops=%" PRIu64 " allocs=%" PRIu64 " frees=%" PRIu64
	       " failed=%" PRIu64 " failed_live_sum=%" PRIu64 " util_ppm=%" PRIu32 "\n",
	       wl_name(kind), heap_kib, state.ops, state.allocs, state.frees, state.failed,
	       state.failed_live_sum, wl_util_ppm(&state, heap_bytes));
	wl_release(&state);
	if (!heap_empty_and_valid(&wl_heap)) {
		printf("FAIL: %s heap %" PRIu32 " KiB not valid and empty after release\n",
		       wl_name(kind), heap_kib);
		failures++;
	}
	return failures;
}

/* ---- Fixed overhead ---------------------------------------------------------------------- */

static unsigned int init_errors;

static void count_hook(struct sys_heap *h, void *mem, enum sys_heap_error err)
{
	(void)h;
	(void)mem;
	(void)err;
	init_errors++;
}

/* A fresh heap of @p bytes over @p buf; false when sys_heap_init() refused it. */
static bool fresh(struct sys_heap *h, uint8_t *buf, size_t bytes)
{
	unsigned int before = init_errors;

	sys_heap_init(h, buf, bytes);
	return init_errors == before;
}

/* Does a fresh heap serve one allocation of @p bytes? (Validated after.) */
static bool serves(uint8_t *buf, size_t heap_bytes, size_t bytes, int *failures)
{
	struct sys_heap h;

	if (!fresh(&h, buf, heap_bytes)) {
		return false;
	}
	void *mem = sys_heap_alloc(&h, bytes);

	if (!sys_heap_validate(&h)) {
		printf("FAIL: heap of %zu B does not validate after alloc(%zu)\n", heap_bytes,
		       bytes);
		(*failures)++;
	}
	return mem != NULL;
}

static int overhead_line(uint8_t *buf, size_t heap_bytes)
{
	struct sys_heap h;
	int failures = 0;

	if (!fresh(&h, buf, heap_bytes)) {
		printf("OVERHEAD heap=%zu refused\n", heap_bytes);
		return 0;
	}
	/* Largest single allocation: binary search between lo (served, or 0) and hi (refused),
	 * each probe on a fresh heap; then verified by a real allocation and by lo + 1 failing. */
	size_t lo = 0;
	size_t hi = heap_bytes + 1u;

	while (hi - lo > 1u) {
		size_t mid = lo + (hi - lo) / 2u;

		if (serves(buf, heap_bytes, mid, &failures)) {
			lo = mid;
		} else {
			hi = mid;
		}
	}
	bool verified = lo == 0u || serves(buf, heap_bytes, lo, &failures);

	if (serves(buf, heap_bytes, lo + 1u, &failures)) {
		verified = false;
	}
	/* 16-byte blocks until the first failure. */
	uint32_t blocks = 0;

	fresh(&h, buf, heap_bytes);
	while (sys_heap_alloc(&h, 16) != NULL) {
		blocks++;
	}
	if (!sys_heap_validate(&h)) {
		printf("FAIL: heap of %zu B does not validate full of 16-byte blocks\n",
		       heap_bytes);
		failures++;
	}
	if (!verified) {
		printf("FAIL: heap of %zu B: largest allocation %zu not confirmed\n", heap_bytes,
		       lo);
		failures++;
	}
	printf("OVERHEAD heap=%zu largest=%zu blocks16=%" PRIu32 "\n", heap_bytes, lo, blocks);
	return failures;
}

static int overhead(void)
{
	static const uint32_t sizes[] = {64,   128,   256,    512,     1024,    2048,
					 8192, 65536, 262144, 1048576, 16777216};
	uint8_t *buf = big_buffer();
	int failures = 0;

	if (buf == NULL) {
		printf("FAIL: no %u-byte buffer\n", BIG_BYTES);
		return 1;
	}
	sys_heap_error_hook_set(count_hook);
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		failures += overhead_line(buf, sizes[i]);
	}
	/* Smallest heap that serves one 16-byte block (every size from 1 byte up). */
	size_t smallest = 0;

	for (size_t bytes = 1; bytes <= 4096u && smallest == 0u; bytes++) {
		if (serves(buf, bytes, 16, &failures)) {
			smallest = bytes;
		}
	}
	printf("SMALLEST16 heap=%zu\n", smallest);
	sys_heap_error_hook_set(NULL);
	return failures;
}

/* ---- Worst case: the workloads on small heaps, every call measured, then worst.c ----------- */

static int worst_all(void)
{
	static const struct {
		enum wl_kind kind;
		uint32_t heap_bytes;
		uint32_t ops;
	} runs[] = {
	    {WL_W1, 2048, 3000},
	    {WL_W1, 65536, 3000},
	    {WL_W2, 4096, 3000},
	    {WL_W3, 8192, 3000},
	};
	int failures = 0;
	uint8_t *buf = big_buffer();

	if (buf == NULL) {
		printf("FAIL: no %u-byte buffer\n", BIG_BYTES);
		return 1;
	}
	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		sys_heap_init(&wl_heap, heap_mem, runs[i].heap_bytes);
		wl_init(&state, runs[i].kind);
		/* One op is one call (W2 counts no op without a call): a dump after each. */
		for (uint32_t op = 0; op < runs[i].ops; op++) {
			WC_ZERO();
			wl_run(&state, 1);
			WC_DUMP("workload %s heap=%" PRIu32 " op=%" PRIu32, wl_name(runs[i].kind),
				runs[i].heap_bytes, op);
		}
		if (state.allocs + state.frees != runs[i].ops) {
			printf("FAIL: worst case: %s made %" PRIu64 " calls, not %" PRIu32 "\n",
			       wl_name(runs[i].kind), state.allocs + state.frees, runs[i].ops);
			failures++;
		}
		wl_release(&state);
		if (!heap_empty_and_valid(&wl_heap)) {
			printf("FAIL: worst case: %s heap not valid and empty\n",
			       wl_name(runs[i].kind));
			failures++;
		}
	}
	return failures + worst(buf, BIG_BYTES);
}

/* ---- main --------------------------------------------------------------------------------- */

static int all(void)
{
	int failures = 0;

	failures += run_workload(WL_W1, 64, WL_OPS);
	failures += run_workload(WL_W1, 256, WL_OPS);
	failures += run_workload(WL_W2, 64, WL_OPS);
	failures += run_workload(WL_W3, 256, WL_OPS);
	failures += overhead();
	return failures;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "all";
	int failures;

	if (strcmp(mode, "all") == 0) {
		failures = all();
	} else if (strcmp(mode, "wl") == 0 && argc > 3) {
		uint32_t kind = (uint32_t)strtoul(argv[2], NULL, 10);
		uint32_t kib = (uint32_t)strtoul(argv[3], NULL, 10);
		uint32_t ops = argc > 4 ? (uint32_t)strtoul(argv[4], NULL, 10) : WL_OPS;

		if (kind < 1u || kind > WL_KIND_MAX || kib == 0u || kib > WL_MAX_HEAP_KIB) {
			printf("usage: wl 1..%u HEAP_KIB(1..%u) [OPS]\n", WL_KIND_MAX,
			       WL_MAX_HEAP_KIB);
			return 2;
		}
		failures = run_workload((enum wl_kind)kind, kib, ops);
	} else if (strcmp(mode, "overhead") == 0) {
		failures = overhead();
	} else if (strcmp(mode, "worst") == 0) {
		failures = worst_all();
	} else {
		printf("usage: %s [all | wl W HEAP_KIB [OPS] | overhead | worst]\n", argv[0]);
		return 2;
	}
	printf("%s\n", failures == 0 ? "PASS" : "FAIL");
	return failures == 0 ? 0 : 1;
}
