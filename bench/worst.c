/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Adversarial call sequence for the worst-case instruction path (see worst.h).
 *
 * The scenarios aim at what makes a segregated-fit allocator do more work in one call:
 *
 * - fragmented heaps of 4 KiB to 16 MiB: blocks of sizes spread over every size class,
 *   separated by small used blocks and freed, so every class list is populated; then every
 *   request size (each 8 bytes up to 1 KiB, then geometric up to the heap size and beyond)
 *   and every alignment 8..4096, each followed by a free of the block;
 * - a class whose free chunks are all slightly too small for the request (a search that
 *   probes and then has to look further, with and without a larger chunk elsewhere);
 * - frees that merge with both neighbours, of every size class;
 * - realloc: grow in place, shrink, move of a small block (the copy of a large block is
 *   linear in its size, as in every allocator, and measured on its own);
 * - requests that must fail: 0 bytes, larger than the heap, SIZE_MAX, after a free, and
 *   frees of bad pointers (the error hook is a counter here).
 */
#include "worst.h"

#include <stdbool.h>
#include <stdio.h>

#include "worst_dump.h"

#include <zephyr/sys/sys_heap.h>

#if defined(__GNUC__)
#define WC_NOINLINE __attribute__((noinline, used))
#else
#define WC_NOINLINE
#endif

/* The measured calls (bench/worst_case.sh dumps callgrind's counters after each). */
WC_NOINLINE void *wc_alloc(struct sys_heap *h, size_t bytes)
{
	return sys_heap_alloc(h, bytes);
}

WC_NOINLINE void wc_free(struct sys_heap *h, void *mem)
{
	sys_heap_free(h, mem);
}

WC_NOINLINE void *wc_aligned_alloc(struct sys_heap *h, size_t align, size_t bytes)
{
	return sys_heap_aligned_alloc(h, align, bytes);
}

WC_NOINLINE void *wc_realloc(struct sys_heap *h, void *mem, size_t bytes)
{
	return sys_heap_realloc(h, mem, bytes);
}

static unsigned int hook_calls;

static void wc_hook(struct sys_heap *h, void *mem, enum sys_heap_error err)
{
	(void)h;
	(void)mem;
	(void)err;
	hook_calls++;
}

static const char *scenario = "";
static size_t scenario_heap;

/* Each measured call, then a dump of its cost named after it. */
static void *m_alloc(struct sys_heap *h, size_t bytes)
{
	WC_ZERO();
	void *mem = wc_alloc(h, bytes);

	WC_DUMP("alloc %s heap=%zu bytes=%zu%s", scenario, scenario_heap, bytes,
		mem == NULL ? " (NULL)" : "");
	return mem;
}

static void m_free(struct sys_heap *h, void *mem, size_t bytes)
{
	WC_ZERO();
	wc_free(h, mem);
	WC_DUMP("free %s heap=%zu bytes=%zu", scenario, scenario_heap, bytes);
}

static void *m_aligned(struct sys_heap *h, size_t align, size_t bytes)
{
	WC_ZERO();
	void *mem = wc_aligned_alloc(h, align, bytes);

	WC_DUMP("aligned_alloc %s heap=%zu align=%zu bytes=%zu%s", scenario, scenario_heap, align,
		bytes, mem == NULL ? " (NULL)" : "");
	return mem;
}

static void *m_realloc(struct sys_heap *h, void *mem, size_t bytes, const char *what)
{
	WC_ZERO();
	void *r = wc_realloc(h, mem, bytes);

	WC_DUMP("realloc %s %s heap=%zu bytes=%zu%s", scenario, what, scenario_heap, bytes,
		r == NULL ? " (NULL)" : "");
	return r;
}

static int check(struct sys_heap *h, const char *where)
{
	if (!sys_heap_validate(h)) {
		printf("FAIL: worst case: heap does not validate after %s (%s, heap %zu)\n", where,
		       scenario, scenario_heap);
		return 1;
	}
	return 0;
}

/* The next request size of a sweep: every 8 bytes to 1 KiB, then about 6 % steps. */
static size_t next_size(size_t s)
{
	return s < 1024u ? s + 8u : s + s / 16u + 8u;
}

/* Fill @p h with blocks whose sizes walk over every class (separated by 16-byte used blocks),
 * then free the big ones: every class list holds chunks. Returns the count freed. */
static size_t fragment(struct sys_heap *h, size_t heap_bytes, void **keep, size_t keep_max)
{
	size_t sz = 8;
	size_t n = 0;
	size_t freed = 0;

	for (;;) {
		void *a = sys_heap_alloc(h, sz);
		void *sep = sys_heap_alloc(h, 16);

		if (a == NULL || sep == NULL) {
			if (a != NULL) {
				sys_heap_free(h, a);
			}
			break;
		}
		if (n < keep_max) {
			keep[n++] = a;
		}
		sz = next_size(sz);
		if (sz > heap_bytes / 64u) {
			sz = 8;
		}
	}
	for (size_t i = 0; i < n; i++) {
		sys_heap_free(h, keep[i]);
		freed++;
	}
	return freed;
}

static int sweep(struct sys_heap *h, size_t heap_bytes)
{
	int failures = 0;

	for (size_t s = 8; s <= heap_bytes + 64u; s = next_size(s)) {
		void *p = m_alloc(h, s);

		if (p != NULL) {
			m_free(h, p, s);
		}
	}
	for (size_t align = 8; align <= 4096u; align *= 2u) {
		static const size_t sizes[] = {16, 200, 1000, 5000, 70000};

		for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			void *p = m_aligned(h, align, sizes[i]);

			if (p != NULL) {
				m_free(h, p, sizes[i]);
			}
		}
	}
	failures += check(h, "sweep");
	return failures;
}

/* Free chunks of one class all a little too small for the request. */
static int too_small(struct sys_heap *h, uint8_t *buf, size_t heap_bytes, size_t x, bool leave_tail)
{
	static void *blocks[4096];
	size_t n = 0;
	int failures = 0;

	sys_heap_init(h, buf, heap_bytes);
	scenario = leave_tail ? "class-too-small+tail" : "class-too-small";
	while (n < 4096u) {
		void *a = sys_heap_alloc(h, x);
		void *sep = sys_heap_alloc(h, 16);

		if (a == NULL || sep == NULL) {
			if (a != NULL) {
				sys_heap_free(h, a);
			}
			break;
		}
		blocks[n++] = a;
		if (leave_tail && n == 64u) {
			break;
		}
	}
	for (size_t i = 0; i < n; i++) {
		sys_heap_free(h, blocks[i]);
	}
	/* Requests just above x, up to twice it: the lower ones share x's class. */
	for (size_t s = x + 1u; s <= 2u * x; s += (x / 16u > 8u ? x / 16u : 8u)) {
		void *p = m_alloc(h, s);

		if (p != NULL) {
			m_free(h, p, s);
		}
	}
	failures += check(h, scenario);
	return failures;
}

/* Frees merging with both neighbours. */
static int merges(struct sys_heap *h, uint8_t *buf, size_t heap_bytes)
{
	int failures = 0;

	sys_heap_init(h, buf, heap_bytes);
	scenario = "free-merging-both-sides";
	for (size_t s = 8; s <= heap_bytes / 8u; s = next_size(s)) {
		void *a = sys_heap_alloc(h, s);
		void *b = sys_heap_alloc(h, s);
		void *c = sys_heap_alloc(h, s);
		void *d = sys_heap_alloc(h, 16); /* keeps c's right side used */

		if (a == NULL || b == NULL || c == NULL || d == NULL) {
			sys_heap_free(h, a);
			sys_heap_free(h, b);
			sys_heap_free(h, c);
			sys_heap_free(h, d);
			break;
		}
		sys_heap_free(h, a);
		sys_heap_free(h, c);
		m_free(h, b, s);
		sys_heap_free(h, d);
	}
	failures += check(h, scenario);
	return failures;
}

static int reallocs(struct sys_heap *h, uint8_t *buf, size_t heap_bytes)
{
	int failures = 0;

	sys_heap_init(h, buf, heap_bytes);
	scenario = "realloc";
	for (size_t s = 8; s <= 2048u; s = next_size(s)) {
		void *p = sys_heap_alloc(h, s);
		void *q = sys_heap_alloc(h, s);
		void *r = sys_heap_alloc(h, 16);

		if (p == NULL || q == NULL || r == NULL) {
			printf("FAIL: worst case: realloc setup\n");
			return failures + 1;
		}
		sys_heap_free(h, q);
		p = m_realloc(h, p, 2u * s, "grow-in-place");
		p = m_realloc(h, p, s / 2u + 1u, "shrink");
		/* a block right of p is used: growing beyond the free gap moves */
		q = sys_heap_alloc(h, 2u * s - s / 2u);
		p = m_realloc(h, p, 4u * s, "move");
		sys_heap_free(h, p);
		sys_heap_free(h, q);
		sys_heap_free(h, r);
	}
	/* One large move: the copy is linear in the block size. */
	scenario = "realloc-large-copy";
	void *p = sys_heap_alloc(h, 65536);
	void *r = sys_heap_alloc(h, 16);

	if (p != NULL && r != NULL) {
		p = m_realloc(h, p, 131072, "move");
	}
	sys_heap_free(h, p);
	sys_heap_free(h, r);
	failures += check(h, scenario);
	return failures;
}

static int failing(struct sys_heap *h, uint8_t *buf, size_t heap_bytes)
{
	int failures = 0;
	static int not_a_block[4];

	sys_heap_init(h, buf, heap_bytes);
	scenario = "failing";
	(void)m_alloc(h, 0);
	(void)m_alloc(h, heap_bytes);
	(void)m_alloc(h, (size_t)-1);
	(void)m_aligned(h, 3, 64);
	(void)m_aligned(h, (size_t)1 << (sizeof(size_t) * 8u - 1u), 64);
	void *a = sys_heap_alloc(h, heap_bytes / 2u);

	(void)m_alloc(h, heap_bytes / 2u + 64u);
	sys_heap_free(h, a);
	(void)m_alloc(h, heap_bytes + 1u);
	hook_calls = 0;
	m_free(h, &not_a_block[1], 0);
	m_free(h, (uint8_t *)buf + 3, 0);
	m_free(h, NULL, 0);
	if (hook_calls < 2u) {
		printf("FAIL: worst case: bad pointers not reported\n");
		failures++;
	}
	failures += check(h, scenario);
	return failures;
}

int worst(uint8_t *buf, size_t buf_bytes)
{
	static const size_t heaps[] = {4096, 65536, 1048576, 16777216};
	static void *keep[1u << 16];
	struct sys_heap h;
	int failures = 0;

	sys_heap_error_hook_set(wc_hook);
	for (size_t i = 0; i < sizeof(heaps) / sizeof(heaps[0]); i++) {
		size_t heap_bytes = heaps[i];

		if (heap_bytes > buf_bytes) {
			continue;
		}
		scenario_heap = heap_bytes;
		sys_heap_init(&h, buf, heap_bytes);
		scenario = "empty";
		failures += sweep(&h, heap_bytes);
		sys_heap_init(&h, buf, heap_bytes);
		fragment(&h, heap_bytes, keep, sizeof(keep) / sizeof(keep[0]));
		scenario = "fragmented";
		failures += check(&h, "fragment");
		failures += sweep(&h, heap_bytes);
		failures += too_small(&h, buf, heap_bytes, 300, false);
		failures += too_small(&h, buf, heap_bytes, 300, true);
		if (heap_bytes >= 65536u) {
			failures += too_small(&h, buf, heap_bytes, 2100, false);
			failures += too_small(&h, buf, heap_bytes, 2100, true);
		}
		if (heap_bytes >= 1048576u) {
			failures += too_small(&h, buf, heap_bytes, 20000, false);
			failures += too_small(&h, buf, heap_bytes, 20000, true);
		}
		failures += merges(&h, buf, heap_bytes);
		if (heap_bytes >= 1048576u) {
			failures += reallocs(&h, buf, heap_bytes);
		}
		failures += failing(&h, buf, heap_bytes);
	}
	sys_heap_error_hook_set(NULL);
	return failures;
}
