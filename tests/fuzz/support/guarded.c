/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_util.h"

/* Margins of 64 KiB + a page: defect 2 of issue 13 wrote 64 KiB outside the buffer. Anything
 * further hits a guard page (SIGSEGV, a crash libFuzzer reports). */
#define MARGIN (64 * 1024 + 4096)

void guarded_setup(struct guarded *g, size_t inner_size, size_t skew)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t body = (2 * MARGIN + inner_size + 16 + page - 1) & ~(page - 1);
	size_t need = body + 2 * page;

	if (g->map == NULL || g->map_size < need) {
		if (g->map != NULL) {
			munmap(g->map, g->map_size);
		}
		g->map = mmap(NULL, need, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			      0);
		FUZZ_CHECK(g->map != MAP_FAILED);
		g->map_size = need;
		FUZZ_CHECK(mprotect(g->map, page, PROT_NONE) == 0);
		FUZZ_CHECK(mprotect(g->map + need - page, page, PROT_NONE) == 0);
	}

	/* The inner area ends MARGIN bytes before the upper guard page. */
	uint8_t *top = g->map + g->map_size - page - MARGIN;
	uintptr_t start = ((uintptr_t)(top - inner_size - 15) & ~(uintptr_t)15) + (skew & 15);

	g->inner = (uint8_t *)start;
	g->inner_size = inner_size;
	g->margin = MARGIN;
	memset(g->inner - MARGIN, GUARD_CANARY, MARGIN);
	memset(g->inner + inner_size, GUARD_CANARY, MARGIN);
}

static bool all_canary(const uint8_t *p, size_t n)
{
	static uint8_t canary[4096];

	if (canary[0] != GUARD_CANARY) {
		memset(canary, GUARD_CANARY, sizeof(canary));
	}
	for (size_t done = 0; done < n;) {
		size_t k = n - done < sizeof(canary) ? n - done : sizeof(canary);

		if (memcmp(p + done, canary, k) != 0) {
			return false;
		}
		done += k;
	}
	return true;
}

bool guarded_margins_intact_near(const struct guarded *g, size_t near)
{
	size_t n = near < g->margin ? near : g->margin;

	if (all_canary(g->inner - n, n) && all_canary(g->inner + g->inner_size, n)) {
		return true;
	}
	fprintf(stderr, "write outside the region (within %zu bytes of it)\n", n);
	return false;
}

bool guarded_margins_intact(const struct guarded *g)
{
	return guarded_margins_intact_near(g, g->margin);
}
