/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "heap_test_util.h"

#include <string.h>

#include "../common/test_rand.h"

struct hook_log hook_log;

static void counting_hook(struct sys_heap *h, void *mem, enum sys_heap_error err)
{
	hook_log.count++;
	hook_log.heap = h;
	hook_log.mem = mem;
	hook_log.err = err;
	if ((unsigned int)err < sizeof(hook_log.by_err) / sizeof(hook_log.by_err[0])) {
		hook_log.by_err[err]++;
	}
}

void hook_reset(void)
{
	memset(&hook_log, 0, sizeof(hook_log));
	hook_log.err = (enum sys_heap_error)-1;
}

void hook_install(void)
{
	hook_reset();
	sys_heap_error_hook_set(counting_hook);
}

void hook_restore_default(void)
{
	sys_heap_error_hook_set(NULL);
}

static uint8_t pattern_byte(size_t i, uint32_t id)
{
	uint32_t x = id * 2654435761u + (uint32_t)i * 40503u;

	return (uint8_t)(x ^ (x >> 13) ^ (x >> 24));
}

void pattern_fill(void *p, size_t n, uint32_t id)
{
	uint8_t *b = p;

	for (size_t i = 0; i < n; i++) {
		b[i] = pattern_byte(i, id);
	}
}

size_t pattern_check(const void *p, size_t n, uint32_t id)
{
	const uint8_t *b = p;

	for (size_t i = 0; i < n; i++) {
		if (b[i] != pattern_byte(i, id)) {
			return i;
		}
	}
	return PATTERN_OK;
}

struct walk_ctx {
	struct walk_rec *recs;
	size_t max;
	size_t n;
};

static bool walk_cb(void *mem, size_t bytes, bool used, void *user_data)
{
	struct walk_ctx *c = user_data;

	if (c->n < c->max) {
		c->recs[c->n].mem = (uintptr_t)mem;
		c->recs[c->n].bytes = bytes;
		c->recs[c->n].used = used;
	}
	c->n++;
	return true;
}

size_t walk_collect(struct sys_heap *h, struct walk_rec *recs, size_t max)
{
	struct walk_ctx c = {recs, max, 0};
	size_t visited = sys_heap_walk(h, walk_cb, &c);

	/* The return value and the callback count must agree; callers assert on it. */
	return visited == c.n ? c.n : (size_t)-1;
}

long walk_find(const struct walk_rec *recs, size_t n, const void *mem)
{
	for (size_t i = 0; i < n; i++) {
		if (recs[i].mem == (uintptr_t)mem) {
			return (long)i;
		}
	}
	return -1;
}

struct sys_memory_stats stats_of(struct sys_heap *h)
{
	struct sys_memory_stats s;

	memset(&s, 0xff, sizeof(s));
	if (sys_heap_runtime_stats_get(h, &s) != STATS_RC) {
		memset(&s, 0xff, sizeof(s));
	}
	return s;
}

void snapshot_take(struct sys_heap *h, struct heap_snapshot *s)
{
	s->bytes = h->init_bytes < SNAPSHOT_MAX ? h->init_bytes : SNAPSHOT_MAX;
	memcpy(s->copy, h->init_mem, s->bytes);
	s->stats = stats_of(h);
}

static size_t diff_from(struct sys_heap *h, const struct heap_snapshot *s, size_t from)
{
	const uint8_t *now = h->init_mem;
	struct sys_memory_stats st = stats_of(h);

	for (size_t i = from; i < s->bytes; i++) {
		if (now[i] != s->copy[i]) {
			return i;
		}
	}
	if (st.free_bytes != s->stats.free_bytes || st.allocated_bytes != s->stats.allocated_bytes ||
	    st.max_allocated_bytes != s->stats.max_allocated_bytes) {
		return s->bytes; /* the buffer is unchanged, the stats are not */
	}
	return (size_t)-1;
}

size_t snapshot_diff(struct sys_heap *h, const struct heap_snapshot *s)
{
	return diff_from(h, s, 0);
}

static bool first_block_cb(void *mem, size_t bytes, bool used, void *user_data)
{
	(void)bytes;
	(void)used;
	*(uintptr_t *)user_data = (uintptr_t)mem;
	return false;
}

size_t snapshot_diff_blocks(struct sys_heap *h, const struct heap_snapshot *s)
{
	uintptr_t first = 0;

	sys_heap_walk(h, first_block_cb, &first);
	/* 16 bytes before the first block cover its chunk header. */
	size_t from = first - (uintptr_t)h->init_mem;
	return diff_from(h, s, from >= 16 ? from - 16 : 0);
}

bool in_heap(const struct sys_heap *h, const void *p, size_t n)
{
	uintptr_t lo = (uintptr_t)h->init_mem;
	uintptr_t hi = lo + h->init_bytes;
	uintptr_t a = (uintptr_t)p;

	return a >= lo && a <= hi && n <= hi - a;
}

void test_rng_seed(struct test_rng *r, uint64_t seed)
{
	r->s = seed != 0 ? seed : 88172645463325252ull;
}

uint64_t test_rng_next(struct test_rng *r)
{
	return test_rand64(&r->s);
}

uint32_t test_rng_below(struct test_rng *r, uint32_t n)
{
	return (uint32_t)(test_rng_next(r) % n);
}

heap_alloc_fn_t noalign_alloc_elsewhere(void)
{
	return sys_heap_noalign_alloc;
}
