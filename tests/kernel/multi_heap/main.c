/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* sys_multi_heap: routing by configuration, owner lookup, free and realloc across heaps. */
#include <stdint.h>
#include <string.h>

#include <zephyr/sys/multi_heap.h>

#include <zephyr/ztest.h>

#define NHEAPS  3
#define HEAP_SZ 2048

static uint8_t mem[NHEAPS][HEAP_SZ] __attribute__((aligned(64)));
static struct sys_heap heaps[NHEAPS];
static struct sys_multi_heap mh;
static int choices;

/* cfg is the wanted heap index; a full heap falls back to the next one. */
static void *choose(struct sys_multi_heap *m, void *cfg, size_t align, size_t size)
{
	uintptr_t want = (uintptr_t)cfg;

	choices++;
	for (unsigned int i = 0; i < m->nheaps; i++) {
		const struct sys_multi_heap_rec *rec = &m->heaps[i];

		if ((uintptr_t)rec->user_data < want) {
			continue;
		}
		void *p = sys_heap_aligned_alloc(rec->heap, align, size);

		if (p != NULL) {
			return p;
		}
	}
	return NULL;
}

static unsigned int owner(void *p)
{
	const struct sys_multi_heap_rec *rec = sys_multi_heap_get_heap(&mh, p);

	return rec == NULL ? 99 : (unsigned int)(uintptr_t)rec->user_data;
}

static void *suite_setup(void)
{
	sys_multi_heap_init(&mh, choose);
	/* Added out of address order: lookups must still work. */
	for (int i = NHEAPS - 1; i >= 0; i--) {
		sys_heap_init(&heaps[i], mem[i], HEAP_SZ);
		sys_multi_heap_add_heap(&mh, &heaps[i], (void *)(uintptr_t)i);
	}
	zassert_equal(mh.nheaps, NHEAPS);
	for (unsigned int i = 1; i < mh.nheaps; i++) {
		zassert_true((uintptr_t)mh.heaps[i - 1].heap->init_mem <
			     (uintptr_t)mh.heaps[i].heap->init_mem);
	}
	return NULL;
}

ZTEST(kernel_multi_heap, test_routing)
{
	void *a = sys_multi_heap_alloc(&mh, (void *)0, 100);
	void *b = sys_multi_heap_alloc(&mh, (void *)2, 100);
	void *c = sys_multi_heap_aligned_alloc(&mh, (void *)1, 64, 100);

	zassert_true(a != NULL && b != NULL && c != NULL);
	zassert_equal(owner(a), 0);
	zassert_equal(owner(b), 2);
	zassert_equal(owner(c), 1);
	zassert_equal((uintptr_t)c % 64, 0);
	zassert_true(sys_multi_heap_alloc(&mh, (void *)0, 0) == NULL);

	int local;
	zassert_true(sys_multi_heap_get_heap(&mh, &local) == NULL);
	zassert_true(sys_multi_heap_get_heap(&mh, mem[2] + HEAP_SZ - 1) != NULL);
	zassert_true(sys_multi_heap_get_heap(&mh, mem[2] + HEAP_SZ) == NULL ||
		     owner(mem[2] + HEAP_SZ) != 2);

	sys_multi_heap_free(&mh, a);
	sys_multi_heap_free(&mh, b);
	sys_multi_heap_free(&mh, c);
	sys_multi_heap_free(&mh, NULL);
	sys_multi_heap_free(&mh, &local); /* logged, ignored */
	for (int i = 0; i < NHEAPS; i++) {
		struct sys_memory_stats st;

		zassert_equal(sys_heap_runtime_stats_get(&heaps[i], &st), 0);
		zassert_equal(st.allocated_bytes, 0);
		zassert_true(sys_heap_validate(&heaps[i]));
	}
	/* The choice function decided every routed allocation. */
	zassert_true(choices > 0);
}

ZTEST(kernel_multi_heap, test_fallback_and_realloc)
{
	/* Fill heap 0, then the next request for heap 0 spills over to heap 1. */
	void *big = sys_multi_heap_alloc(&mh, (void *)0, HEAP_SZ / 2 + 256);
	void *spill = sys_multi_heap_alloc(&mh, (void *)0, HEAP_SZ / 2);

	zassert_true(big != NULL && spill != NULL);
	zassert_equal(owner(big), 0);
	zassert_equal(owner(spill), 1);

	/* realloc NULL allocates; growing beyond its own heap moves through the choice fn. */
	char *r = sys_multi_heap_realloc(&mh, (void *)0, NULL, 64);
	zassert_true(r != NULL);
	memset(r, 0x5a, 64);
	unsigned int before = owner(r);
	char *g = sys_multi_heap_realloc(&mh, (void *)0, r, HEAP_SZ / 2 + 64);
	zassert_true(g != NULL);
	if (g != NULL) {
		zassert_true(owner(g) != before || g == r);
		int same = 1;
		for (int i = 0; i < 64; i++) {
			same &= g[i] == 0x5a;
		}
		zassert_true(same);
	}
	/* Too big for any heap: NULL, old block kept. */
	zassert_true(sys_multi_heap_realloc(&mh, (void *)0, g, HEAP_SZ * 4) == NULL);
	zassert_true(g[0] == 0x5a);
	/* Shrink, then 0 frees. */
	char *s = sys_multi_heap_realloc(&mh, (void *)0, g, 16);
	zassert_true(s != NULL && s[15] == 0x5a);
	zassert_true(sys_multi_heap_realloc(&mh, (void *)0, s, 0) == NULL);
	sys_multi_heap_free(&mh, big);
	sys_multi_heap_free(&mh, spill);
	for (int i = 0; i < NHEAPS; i++) {
		struct sys_memory_stats st;

		zassert_equal(sys_heap_runtime_stats_get(&heaps[i], &st), 0);
		zassert_equal(st.allocated_bytes, 0);
		zassert_true(sys_heap_validate(&heaps[i]));
	}
}

ZTEST(kernel_multi_heap, test_limits)
{
	struct sys_multi_heap full;
	struct sys_heap extra[MAX_MULTI_HEAPS + 1];
	static uint8_t extra_mem[MAX_MULTI_HEAPS + 1][256] __attribute__((aligned(8)));

	sys_multi_heap_init(&full, choose);
	for (int i = 0; i <= MAX_MULTI_HEAPS; i++) {
		sys_heap_init(&extra[i], extra_mem[i], sizeof(extra_mem[i]));
		sys_multi_heap_add_heap(&full, &extra[i], NULL);
	}
	zassert_equal(full.nheaps, MAX_MULTI_HEAPS);
	zassert_true(sys_multi_heap_get_heap(&full, extra_mem[MAX_MULTI_HEAPS]) == NULL);
	zassert_true(sys_multi_heap_get_heap(&full, extra_mem[0] + 8) != NULL);
}

ZTEST_SUITE(kernel_multi_heap, NULL, suite_setup, NULL, NULL, NULL);
