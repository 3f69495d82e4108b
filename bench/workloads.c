/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Workloads W1, W2, W3 exactly as peer-figures.md defines them, and W4 to W7 (see
 * workloads.h).
 */
#include "workloads.h"

static uint64_t wl_rnd(struct wl *w)
{
	uint64_t x = w->rng;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	w->rng = x;
	return x;
}

void wl_init(struct wl *w, enum wl_kind kind)
{
	w->kind = kind;
	w->rng = WL_SEED;
	for (uint32_t i = 0; i < WL_SLOTS; i++) {
		w->slot[i] = NULL;
		w->slot_bytes[i] = 0;
	}
	w->w2_next = 0;
	w->w2_free_due = 0;
	w->depth = 0;
	w->pinned_bytes = 0;
	w->heap_bytes = 0;
	w->live_bytes = 0;
	w->ops = 0;
	w->allocs = 0;
	w->frees = 0;
	w->failed = 0;
	w->failed_live_sum = 0;
}

static void wl_free_slot(struct wl *w, uint32_t s)
{
	w1_free(w->slot[s]);
	w->slot[s] = NULL;
	w->live_bytes -= w->slot_bytes[s];
	w->frees++;
}

static void wl_account(struct wl *w, uint32_t s, void *mem, uint32_t bytes)
{
	w->allocs++;
	if (mem == NULL) {
		w->failed++;
		w->failed_live_sum += w->live_bytes;
		return;
	}
	w->slot[s] = mem;
	w->slot_bytes[s] = bytes;
	w->live_bytes += bytes;
}

/* W1 and W3: one op = one call. */
static void wl_slots_step(struct wl *w)
{
	uint32_t s = (uint32_t)(wl_rnd(w) % WL_SLOTS);

	if (w->slot[s] != NULL) {
		wl_free_slot(w, s);
		return;
	}
	if (w->kind == WL_W3) {
		size_t align = (size_t)8u << (uint32_t)(wl_rnd(w) % 6u);
		uint32_t bytes = 16u + (uint32_t)(wl_rnd(w) % 2033u);

		wl_account(w, s, w1_aligned_alloc(align, bytes), bytes);
		return;
	}
	uint32_t r = (uint32_t)(wl_rnd(w) % 100u);
	uint32_t bytes;

	if (r < 70u) {
		bytes = 16u + (uint32_t)(wl_rnd(w) % 113u);
	} else if (r < 95u) {
		bytes = 128u + (uint32_t)(wl_rnd(w) % 897u);
	} else {
		bytes = 1024u + (uint32_t)(wl_rnd(w) % 3073u);
	}
	wl_account(w, s, w1_alloc(bytes), bytes);
}

/*
 * The free due right after an allocation in a FIFO schedule (W2, W5): of the block allocated
 * @p delay allocations before the latest, in a ring of @p ring slots. Returns 1 when a call was
 * made, 0 for the turn of an allocation that failed (no call, no op).
 */
static int wl_due_free(struct wl *w, uint32_t delay, uint32_t ring)
{
	uint32_t s = (w->w2_next - 1u - delay) % ring;

	w->w2_free_due = 0;
	if (w->slot[s] != NULL) {
		wl_free_slot(w, s);
		return 1;
	}
	return 0;
}

/*
 * W2: one allocation or one free; returns 1 when a call was made. The turn of a failed
 * allocation to be freed makes no call and is no op: counted so, zmem 3d4346e gives exactly
 * the peer figures' 145,688 failures on 32-bit (counting it as an op gives 135,971).
 */
static int wl_w2_step(struct wl *w)
{
	if (w->w2_free_due) {
		return wl_due_free(w, WL_W2_DELAY, WL_W2_RING);
	}
	uint32_t k = w->w2_next++;
	uint32_t r = (uint32_t)(wl_rnd(w) % 100u);
	uint32_t bytes;

	if (r < 40u) {
		bytes = 64u;
	} else if (r < 60u) {
		bytes = 128u;
	} else if (r < 75u) {
		bytes = 256u;
	} else if (r < 85u) {
		bytes = 576u;
	} else {
		bytes = 1500u;
	}
	bytes += 1u + (uint32_t)(wl_rnd(w) % 8u);
	wl_account(w, k % WL_W2_RING, w1_alloc(bytes), bytes);
	w->w2_free_due = k >= WL_W2_DELAY;
	return 1;
}

/* W4: push (allocate) or free one of the top WL_W4_TOP blocks; one op = one call. */
static void wl_w4_step(struct wl *w)
{
	uint32_t r = (uint32_t)(wl_rnd(w) % 100u);

	if (w->depth == 0u || (r < 52u && w->depth < WL_SLOTS)) {
		uint32_t bytes = 8u << (uint32_t)(wl_rnd(w) % 9u);
		void *mem = w1_alloc(bytes);

		wl_account(w, w->depth, mem, bytes);
		if (mem != NULL) {
			w->depth++;
		}
		return;
	}
	uint32_t top = w->depth < WL_W4_TOP ? w->depth : WL_W4_TOP;
	uint32_t i = w->depth - 1u - (uint32_t)(wl_rnd(w) % top);

	wl_free_slot(w, i);
	for (; i + 1u < w->depth; i++) {
		w->slot[i] = w->slot[i + 1u];
		w->slot_bytes[i] = w->slot_bytes[i + 1u];
	}
	w->depth--;
	w->slot[w->depth] = NULL;
}

/* W5: one allocation (pinned or short-lived) or the due free of a short-lived one; returns 1
 * when a call was made (W2's counting). */
static int wl_w5_step(struct wl *w)
{
	if (w->w2_free_due) {
		return wl_due_free(w, WL_W5_DELAY, WL_W5_RING);
	}
	uint32_t r = (uint32_t)(wl_rnd(w) % 100u);
	uint32_t bytes = 16u + (uint32_t)(wl_rnd(w) % 1009u);

	if (r < 10u && w->pinned_bytes * 10u < w->heap_bytes * 6u &&
	    w->depth < WL_SLOTS - WL_W5_RING) {
		void *mem = w1_alloc(bytes);

		wl_account(w, WL_W5_RING + w->depth, mem, bytes);
		if (mem != NULL) {
			w->depth++;
			w->pinned_bytes += bytes;
		}
		return 1;
	}
	uint32_t j = w->w2_next++;

	wl_account(w, j % WL_W5_RING, w1_alloc(bytes), bytes);
	w->w2_free_due = j >= WL_W5_DELAY;
	return 1;
}

/* W6 and W7: a slot toggles, as in W1; one op = one call. */
static void wl_toggle_step(struct wl *w)
{
	uint32_t s;
	uint32_t bytes;

	if (w->kind == WL_W7) {
		s = (uint32_t)(wl_rnd(w) % WL_W7_SLOTS);
	} else if (wl_rnd(w) % 32u == 0u) {
		s = WL_W6_SMALL + (uint32_t)(wl_rnd(w) % WL_W6_LARGE);
	} else {
		s = (uint32_t)(wl_rnd(w) % WL_W6_SMALL);
	}
	if (w->slot[s] != NULL) {
		wl_free_slot(w, s);
		return;
	}
	if (w->kind == WL_W7) {
		bytes = 1u + (uint32_t)(wl_rnd(w) % 8192u);
		wl_account(w, s, w1_alloc(bytes), bytes);
		return;
	}
	if (s >= WL_W6_SMALL) {
		bytes = 4096u + (uint32_t)(wl_rnd(w) % 12289u);
	} else {
		bytes = 8u + (uint32_t)(wl_rnd(w) % 41u);
	}
	wl_account(w, s, w1_aligned_alloc(8, bytes), bytes);
}

void wl_run(struct wl *w, uint32_t ops)
{
	uint64_t end = w->ops + ops;

	while (w->ops < end) {
		int calls = 1; /* W2 and W5 count only the steps that made a call */

		switch (w->kind) {
		case WL_W2:
			calls = wl_w2_step(w);
			break;
		case WL_W5:
			calls = wl_w5_step(w);
			break;
		case WL_W4:
			wl_w4_step(w);
			break;
		case WL_W6:
		case WL_W7:
			wl_toggle_step(w);
			break;
		case WL_W1:
		case WL_W3:
			wl_slots_step(w);
			break;
		}
		w->ops += (uint64_t)calls;
	}
}

void wl_release(struct wl *w)
{
	for (uint32_t i = 0; i < WL_SLOTS; i++) {
		if (w->slot[i] != NULL) {
			wl_free_slot(w, i);
		}
	}
	w->w2_free_due = 0;
	w->depth = 0;
	w->pinned_bytes = 0;
}

uint32_t wl_util_ppm(const struct wl *w, size_t heap_bytes)
{
	if (w->failed == 0u || heap_bytes == 0u) {
		return 0;
	}
	/* live bytes never exceed the heap (at most a few MiB) and failures 2^21, so the sum
	 * times 10^6 stays far below 2^64 */
	return (uint32_t)(w->failed_live_sum * 1000000u / (w->failed * (uint64_t)heap_bytes));
}

const char *wl_name(enum wl_kind kind)
{
	switch (kind) {
	case WL_W1:
		return "W1";
	case WL_W2:
		return "W2";
	case WL_W3:
		return "W3";
	case WL_W4:
		return "W4";
	case WL_W5:
		return "W5";
	case WL_W6:
		return "W6";
	case WL_W7:
		return "W7";
	}
	return "?";
}
