/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Fuzz target: sys_multi_heap over 1-8 sys_heaps carved from one guarded region, added in an
 * input-chosen order, routed by a choice function that takes the heap index from cfg (or
 * tries every heap). Oracle: a block lies inside one heap's buffer, aligned, overlapping no
 * live block; get_heap names the heap holding any address inside a heap and NULL elsewhere;
 * realloc keeps the common prefix; a free of an address outside every heap changes nothing;
 * every heap validates after every call; nothing outside the region is written.
 */
#include <string.h>

#include <zephyr/sys/multi_heap.h>

#include "support/fuzz_util.h"

#define NSLOTS 32

static struct guarded g;
static struct sys_multi_heap mh;
static struct sys_heap heaps[MAX_MULTI_HEAPS];
static uint8_t *base[MAX_MULTI_HEAPS];
static size_t len[MAX_MULTI_HEAPS];
static unsigned int nh;

static struct {
	uint8_t *p;
	size_t req;
	uint8_t seed;
} s[NSLOTS];

static void *choose(struct sys_multi_heap *m, void *cfg, size_t align, size_t size)
{
	uintptr_t want = (uintptr_t)cfg;

	if (want < nh) {
		return sys_heap_aligned_alloc(&heaps[want], align, size);
	}
	for (unsigned int i = 0; i < m->nheaps; i++) {
		void *p = sys_heap_aligned_alloc(m->heaps[i].heap, align, size);

		if (p != NULL) {
			return p;
		}
	}
	return NULL;
}

static int heap_holding(const uint8_t *p)
{
	for (unsigned int i = 0; i < nh; i++) {
		if (p >= base[i] && p < base[i] + len[i]) {
			return (int)i;
		}
	}
	return -1;
}

static void check_block(int self, uint8_t *p, size_t req, size_t align)
{
	int h = heap_holding(p);

	FUZZ_CHECK(h >= 0);
	FUZZ_CHECK(p + req <= base[h] + len[h]);
	FUZZ_CHECK(((uintptr_t)p & (align > sizeof(void *) ? align - 1 : sizeof(void *) - 1)) == 0);
	for (int i = 0; i < NSLOTS; i++) {
		if (i != self && s[i].p != NULL) {
			FUZZ_CHECK(p + req <= s[i].p || s[i].p + s[i].req <= p);
		}
	}
	const struct sys_multi_heap_rec *rec = sys_multi_heap_get_heap(&mh, p);

	FUZZ_CHECK(rec != NULL && rec->heap == &heaps[h]);
	FUZZ_CHECK(rec->user_data == &base[h]);
}

static void fill(int i)
{
	for (size_t k = 0; k < s[i].req; k++) {
		s[i].p[k] = (uint8_t)(s[i].seed + k * 3);
	}
}

static bool intact(int i, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		if (s[i].p[k] != (uint8_t)(s[i].seed + k * 3)) {
			return false;
		}
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = {data, size};
	size_t total = 0;

	nh = 1 + fi_u8(&in) % MAX_MULTI_HEAPS;
	for (unsigned int i = 0; i < nh; i++) {
		len[i] = 256 + (fi_u16(&in) & 0x1FFF);
		total += len[i] + 64; /* 64-byte gaps: addresses in no heap */
	}
	guarded_setup(&g, total, 0);
	memset(s, 0, sizeof(s));
	sys_multi_heap_init(&mh, choose);

	uint8_t *at = g.inner;

	for (unsigned int i = 0; i < nh; i++) {
		base[i] = at + 64;
		at += len[i] + 64;
		sys_heap_init(&heaps[i], base[i], len[i]);
	}
	/* Added in an order the input picks (the multi-heap keeps them sorted by address). */
	uint8_t rot = fi_u8(&in);

	for (unsigned int k = 0; k < nh; k++) {
		unsigned int i = (k * (rot | 1U) + rot) % nh;

		if (sys_multi_heap_get_heap(&mh, base[i]) == NULL) {
			sys_multi_heap_add_heap(&mh, &heaps[i], &base[i]);
		}
	}
	for (unsigned int i = 0; i < nh; i++) {
		if (sys_multi_heap_get_heap(&mh, base[i]) == NULL) {
			sys_multi_heap_add_heap(&mh, &heaps[i], &base[i]);
		}
	}

	for (int ops = 0; fi_more(&in) && ops < 2000; ops++) {
		uint8_t op = fi_u8(&in);
		int i = fi_u8(&in) % NSLOTS;
		void *cfg = (void *)(uintptr_t)(fi_u8(&in) % (nh + 2));
		size_t align = (op & 0x80) ? (size_t)1 << (fi_u8(&in) % 10) : 0;
		size_t req = fi_size(&in) & 0x3FFF;

		switch (op % 5) {
		case 0: { /* alloc */
			if (s[i].p != NULL) {
				sys_multi_heap_free(&mh, s[i].p);
				s[i].p = NULL;
			}
			uint8_t *p = align ? sys_multi_heap_aligned_alloc(&mh, cfg, align, req)
					   : sys_multi_heap_alloc(&mh, cfg, req);

			if (p != NULL) {
				check_block(-1, p, req, align);
				s[i].p = p;
				s[i].req = req;
				s[i].seed = op;
				fill(i);
			}
			break;
		}
		case 1:
			if (s[i].p != NULL) {
				FUZZ_CHECK(intact(i, s[i].req));
				sys_multi_heap_free(&mh, s[i].p);
				s[i].p = NULL;
			}
			break;
		case 2: { /* realloc */
			if (s[i].p == NULL) {
				break;
			}
			uint8_t *p = sys_multi_heap_aligned_realloc(&mh, cfg, s[i].p, align, req);

			if (req == 0) {
				FUZZ_CHECK(p == NULL);
				s[i].p = NULL;
				break;
			}
			if (p == NULL) {
				FUZZ_CHECK(intact(i, s[i].req));
				break;
			}
			size_t keep = s[i].req < req ? s[i].req : req;

			s[i].p = p;
			check_block(i, p, req, align);
			FUZZ_CHECK(intact(i, keep));
			s[i].req = req;
			s[i].seed = op;
			fill(i);
			break;
		}
		case 3: { /* get_heap anywhere in the region */
			uint8_t *p = g.inner + fi_u32(&in) % total;
			const struct sys_multi_heap_rec *rec = sys_multi_heap_get_heap(&mh, p);
			int h = heap_holding(p);

			FUZZ_CHECK(h < 0 ? rec == NULL : rec != NULL && rec->heap == &heaps[h]);
			break;
		}
		default: { /* free of an address in no heap: ignored */
			unsigned int gap = fi_u8(&in) % nh;

			sys_multi_heap_free(&mh, base[gap] - 1 - fi_u8(&in) % 63);
			break;
		}
		}
		for (unsigned int h = 0; h < nh; h++) {
			FUZZ_CHECK(sys_heap_validate(&heaps[h]));
		}
		FUZZ_CHECK((ops & 63) != 63 ? guarded_margins_intact_near(&g, 64)
					    : guarded_margins_intact(&g));
	}
	FUZZ_CHECK(guarded_margins_intact(&g));
	for (int i = 0; i < NSLOTS; i++) {
		if (s[i].p != NULL) {
			FUZZ_CHECK(intact(i, s[i].req));
			sys_multi_heap_free(&mh, s[i].p);
		}
	}
	return 0;
}
