/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Runs the benchmark's W1 workload (bench/w1.c) on sys_heap and prints its integer figures:
 * allocation attempts, frees, failures, the live-bytes sum at failures and utilization at
 * failure (ppm). The same source runs on the Cortex-M target under QEMU and in a 32-bit host
 * build; both must print the same lines (same algorithm, same 32-bit layout). No timing: QEMU
 * is not cycle-accurate.
 *
 *   w1_report [OPS [HEAP_KIB...]]     defaults: W1_OPS ops, heaps of 64 and 256 KiB
 *
 * The heap is validated after the run and after releasing every block; a failed validation or
 * a heap that does not return to empty fails the program.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zephyr/sys/sys_heap.h>

#include "w1.h"

#define MAX_HEAP_KIB 256u

/* One buffer for every run, aligned beyond any chunk rule so the heap layout is the same on
 * every build whatever the linker does with the address. */
static _Alignas(64) uint8_t heap_mem[MAX_HEAP_KIB * 1024u];
static struct w1 state;

static void *w1_heap_alloc(void *ctx, size_t bytes)
{
	return sys_heap_alloc(ctx, bytes);
}

static void w1_heap_free(void *ctx, void *mem)
{
	sys_heap_free(ctx, mem);
}

static int run(uint32_t ops, uint32_t heap_kib)
{
	struct sys_heap heap;
	size_t heap_bytes = (size_t)heap_kib * 1024u;
	const struct w1_allocator a = {w1_heap_alloc, w1_heap_free, &heap};
	int failures = 0;

	sys_heap_init(&heap, heap_mem, heap_bytes);
	w1_init(&state);
	w1_run(&state, &a, ops);
	if (!sys_heap_validate(&heap)) {
		printf("FAIL: heap %" PRIu32 " KiB does not validate after the run\n", heap_kib);
		failures++;
	}
	printf("W1 heap_kib=%" PRIu32 " ops=%" PRIu32 " allocs=%" PRIu64 " frees=%" PRIu64
	       " failed=%" PRIu64 " failed_live_sum=%" PRIu64 " util_ppm=%" PRIu32 "\n",
	       heap_kib, ops, state.allocs, state.frees, state.failed, state.failed_live_sum,
	       w1_util_ppm(&state, heap_bytes));

	w1_release(&state, &a);
	struct sys_memory_stats stats;

	if (!sys_heap_validate(&heap)) {
		printf("FAIL: heap %" PRIu32 " KiB does not validate after release\n", heap_kib);
		failures++;
	}
	if (sys_heap_runtime_stats_get(&heap, &stats) != 0 || stats.allocated_bytes != 0u) {
		printf("FAIL: heap %" PRIu32 " KiB not empty after release\n", heap_kib);
		failures++;
	}
	return failures;
}

int main(int argc, char **argv)
{
	uint32_t ops = argc > 1 ? (uint32_t)strtoul(argv[1], NULL, 10) : W1_OPS;
	static const uint32_t default_kib[] = {64, 256};
	int failures = 0;

	if (argc > 2) {
		for (int i = 2; i < argc; i++) {
			uint32_t kib = (uint32_t)strtoul(argv[i], NULL, 10);

			if (kib == 0u || kib > MAX_HEAP_KIB) {
				printf("heap size %s KiB: must be 1..%u\n", argv[i], MAX_HEAP_KIB);
				return 2;
			}
			failures += run(ops, kib);
		}
	} else {
		for (size_t i = 0; i < sizeof(default_kib) / sizeof(default_kib[0]); i++) {
			failures += run(ops, default_kib[i]);
		}
	}
	printf("%s\n", failures == 0 ? "PASS" : "FAIL");
	return failures == 0 ? 0 : 1;
}
