/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Workload W1, exactly as issue 2 specifies it.
 */
#include "w1.h"

static uint64_t w1_rnd(struct w1 *w)
{
	uint64_t x = w->rng;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	w->rng = x;
	return x;
}

void w1_init(struct w1 *w)
{
	w->rng = W1_SEED;
	for (uint32_t i = 0; i < W1_SLOTS; i++) {
		w->slot[i] = NULL;
		w->slot_bytes[i] = 0;
	}
	w->live_bytes = 0;
	w->allocs = 0;
	w->frees = 0;
	w->failed = 0;
	w->failed_live_sum = 0;
}

void w1_step(struct w1 *w, const struct w1_allocator *a)
{
	uint32_t s = (uint32_t)(w1_rnd(w) % W1_SLOTS);

	if (w->slot[s] != NULL) {
		a->free(a->ctx, w->slot[s]);
		w->slot[s] = NULL;
		w->live_bytes -= w->slot_bytes[s];
		w->frees++;
		return;
	}

	uint32_t r = (uint32_t)(w1_rnd(w) % 100u);
	uint32_t bytes;

	if (r < 70u) {
		bytes = 16u + (uint32_t)(w1_rnd(w) % 113u);
	} else if (r < 95u) {
		bytes = 128u + (uint32_t)(w1_rnd(w) % 897u);
	} else {
		bytes = 1024u + (uint32_t)(w1_rnd(w) % 3073u);
	}
	w->allocs++;
	void *mem = a->alloc(a->ctx, bytes);

	if (mem == NULL) {
		w->failed++;
		w->failed_live_sum += w->live_bytes;
		return;
	}
	w->slot[s] = mem;
	w->slot_bytes[s] = bytes;
	w->live_bytes += bytes;
}

void w1_run(struct w1 *w, const struct w1_allocator *a, uint32_t ops)
{
	for (uint32_t i = 0; i < ops; i++) {
		w1_step(w, a);
	}
}

void w1_release(struct w1 *w, const struct w1_allocator *a)
{
	for (uint32_t i = 0; i < W1_SLOTS; i++) {
		if (w->slot[i] != NULL) {
			a->free(a->ctx, w->slot[i]);
			w->slot[i] = NULL;
		}
	}
	w->live_bytes = 0;
}

uint32_t w1_util_ppm(const struct w1 *w, size_t heap_bytes)
{
	if (w->failed == 0u || heap_bytes == 0u) {
		return 0;
	}
	/* sum / (failed * heap) in ppm; sum < 2^43 over 2M ops of < 4 MiB live, so no overflow */
	return (uint32_t)(w->failed_live_sum * 1000000u / (w->failed * (uint64_t)heap_bytes));
}
