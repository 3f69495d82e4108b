/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Entry point of the freestanding proof image: links the whole core (--whole-archive) with
 * -nostdlib, so every symbol the core needs must come from mini_libc.c or libgcc, or the link
 * fails. The image is linked, not run: _start has no stack setup for any particular board.
 */
#include <stddef.h>
#include <stdint.h>
#include <zephyr/sys/sys_heap.h>

void _start(void);

static uint64_t heap_mem[512];
volatile uintptr_t z_proof_sink;

void _start(void)
{
	struct sys_heap heap;

	sys_heap_init(&heap, heap_mem, sizeof(heap_mem));
	void *a = sys_heap_alloc(&heap, 100);
	void *b = sys_heap_aligned_alloc(&heap, 64, 200);

	a = sys_heap_realloc(&heap, a, 300);
	z_proof_sink = (uintptr_t)a ^ (uintptr_t)b ^ (uintptr_t)sys_heap_validate(&heap);
	sys_heap_free(&heap, a);
	sys_heap_free(&heap, b);
	for (;;) {
	}
}
