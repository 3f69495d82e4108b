/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Trace parsing and replay for heap_planner (format in trace.h).
 */
#include "trace.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* IDs index a flat table during replay; this bound keeps a typo from asking for gigabytes. */
#define TRACE_MAX_ID (1u << 24)

static bool parse_size(const char *s, size_t *out)
{
	char *end;

	errno = 0;
	unsigned long long v = strtoull(s, &end, 0);
	if (errno != 0 || end == s || *end != '\0' || s[0] == '-' || v > SIZE_MAX) {
		return false;
	}
	*out = (size_t)v;
	return true;
}

static int append(struct trace *t, size_t *cap, const struct trace_op *op)
{
	if (t->count == *cap) {
		size_t n = *cap ? *cap * 2u : 1024u;
		struct trace_op *ops = realloc(t->ops, n * sizeof(*ops));

		if (ops == NULL) {
			return -1;
		}
		t->ops = ops;
		*cap = n;
	}
	t->ops[t->count++] = *op;
	if (op->id > t->max_id) {
		t->max_id = op->id;
	}
	return 0;
}

int trace_parse(FILE *in, const char *name, struct trace *t)
{
	char line[256];
	size_t lineno = 0, cap = 0;

	memset(t, 0, sizeof(*t));
	while (fgets(line, sizeof(line), in) != NULL) {
		char *words[5];
		int n = 0;
		struct trace_op op = {0};
		size_t id;

		lineno++;
		char *hash = strchr(line, '#');
		if (hash != NULL) {
			*hash = '\0';
		}
		for (char *w = strtok(line, " \t\r\n"); w != NULL && n < 5;
		     w = strtok(NULL, " \t\r\n")) {
			words[n++] = w;
		}
		if (n == 0) {
			continue;
		}
		int want = 0;
		op.kind = words[0][1] == '\0' ? words[0][0] : '?';
		switch (op.kind) {
		case 'a':
		case 'r':
			want = 3;
			break;
		case 'm':
			want = 4;
			break;
		case 'f':
			want = 2;
			break;
		default:
			fprintf(stderr, "%s:%zu: unknown operation '%s' (a, m, r or f)\n", name,
				lineno, words[0]);
			goto fail;
		}
		if (n != want || !parse_size(words[1], &id) || id >= TRACE_MAX_ID ||
		    (want >= 3 && !parse_size(words[want - 1], &op.bytes)) ||
		    (op.kind == 'm' && !parse_size(words[2], &op.align))) {
			fprintf(stderr, "%s:%zu: malformed '%c' line\n", name, lineno, op.kind);
			goto fail;
		}
		op.id = (uint32_t)id;
		if (append(t, &cap, &op) != 0) {
			fprintf(stderr, "%s:%zu: out of memory\n", name, lineno);
			goto fail;
		}
	}
	return 0;
fail:
	trace_free(t);
	return -1;
}

void trace_free(struct trace *t)
{
	free(t->ops);
	memset(t, 0, sizeof(*t));
}

/* One live block of the replay. */
struct live {
	void *mem;
	size_t bytes;
};

int trace_stats_get(const struct trace *t, struct trace_stats *s)
{
	/* Requested bytes per ID; SIZE_MAX marks an ID that is not live (0 bytes can be). */
	size_t *bytes = malloc(((size_t)t->max_id + 1u) * sizeof(*bytes));
	size_t live = 0, blocks = 0;

	memset(s, 0, sizeof(*s));
	if (bytes == NULL) {
		return -1;
	}
	for (size_t i = 0; i <= t->max_id; i++) {
		bytes[i] = SIZE_MAX;
	}
	for (size_t i = 0; i < t->count; i++) {
		const struct trace_op *op = &t->ops[i];
		size_t *b = &bytes[op->id];

		if (op->kind != 'f' && op->bytes > s->largest_request) {
			s->largest_request = op->bytes;
		}
		/* As the replay does: 'a'/'m' of a live ID frees it first, 'r' of a dead ID
		 * allocates, 'r' to 0 bytes frees. */
		if (*b != SIZE_MAX && op->kind != 'r') {
			live -= *b;
			blocks--;
			*b = SIZE_MAX;
			s->frees += op->kind == 'f';
		}
		if (op->kind == 'a' || op->kind == 'm') {
			s->allocs++;
		} else if (op->kind == 'r') {
			s->reallocs++;
			if (*b != SIZE_MAX) {
				live -= *b;
				blocks--;
				*b = SIZE_MAX;
			}
			if (op->bytes == 0) {
				continue;
			}
		} else {
			continue;
		}
		*b = op->bytes;
		live += op->bytes;
		blocks++;
		if (live > s->peak_live_bytes) {
			s->peak_live_bytes = live;
		}
		if (blocks > s->peak_live_blocks) {
			s->peak_live_blocks = blocks;
		}
	}
	free(bytes);
	return 0;
}

static void note_failure(struct sys_heap *heap, size_t heap_bytes, size_t live_bytes,
			 struct replay_result *r, double *util_sum, const struct trace_op *op,
			 size_t op_index, replay_failure_cb cb, void *cb_user)
{
	struct sys_heap_fragmentation f;
	bool have_f = sys_heap_fragmentation_get(heap, &f) == 0;

	r->failures++;
	*util_sum += (double)live_bytes / (double)heap_bytes;
	if (have_f && f.fragmentation_pct > r->worst_frag_pct) {
		r->worst_frag_pct = f.fragmentation_pct;
	}
	if (cb != NULL) {
		struct replay_failure rf = {
			.op_index = op_index,
			.op = op,
			.live_bytes = live_bytes,
			.free_bytes = have_f ? f.free_bytes : 0,
			.largest_free = have_f ? f.largest_free_block : 0,
		};

		cb(&rf, cb_user);
	}
}

int trace_replay(const struct trace *t, size_t heap_bytes, struct replay_result *r,
		 replay_snapshot_cb snap, size_t every, void *user)
{
	return trace_replay_failures(t, heap_bytes, r, snap, every, user, NULL, NULL);
}

int trace_replay_failures(const struct trace *t, size_t heap_bytes, struct replay_result *r,
			  replay_snapshot_cb snap, size_t every, void *user,
			  replay_failure_cb on_failure, void *failure_user)
{
	struct sys_heap heap;
	size_t live_bytes = 0;
	double util_sum = 0.0;
	/* Aligned requests pad by the buffer's address; a page-aligned buffer makes every replay
	 * of the same trace and size give the same answer. */
	void *mem = aligned_alloc(4096, (heap_bytes + 4095u) & ~(size_t)4095u);
	struct live *blocks = calloc((size_t)t->max_id + 1u, sizeof(*blocks));

	memset(r, 0, sizeof(*r));
	if (mem == NULL || blocks == NULL) {
		free(mem);
		free(blocks);
		return -1;
	}
	sys_heap_init(&heap, mem, heap_bytes);
	for (size_t i = 0; i < t->count; i++) {
		const struct trace_op *op = &t->ops[i];
		struct live *b = &blocks[op->id];

		switch (op->kind) {
		case 'a':
		case 'm':
			if (b->mem != NULL) { /* the trace reuses a live ID: free it first */
				sys_heap_free(&heap, b->mem);
				live_bytes -= b->bytes;
			}
			b->mem = op->kind == 'a' ? sys_heap_alloc(&heap, op->bytes)
						 : sys_heap_aligned_alloc(&heap, op->align, op->bytes);
			b->bytes = b->mem != NULL ? op->bytes : 0;
			live_bytes += b->bytes;
			if (b->mem == NULL && op->bytes != 0) {
				note_failure(&heap, heap_bytes, live_bytes, r, &util_sum, op, i,
					     on_failure, failure_user);
			}
			break;
		case 'r': {
			void *p = sys_heap_realloc(&heap, b->mem, op->bytes);

			if (p == NULL && op->bytes != 0) {
				/* The old block stays, as realloc promises. */
				note_failure(&heap, heap_bytes, live_bytes, r, &util_sum, op, i,
					     on_failure, failure_user);
				break;
			}
			live_bytes = live_bytes - b->bytes + (p != NULL ? op->bytes : 0);
			b->mem = p;
			b->bytes = p != NULL ? op->bytes : 0;
			break;
		}
		default: /* 'f' */
			sys_heap_free(&heap, b->mem);
			live_bytes -= b->bytes;
			b->mem = NULL;
			b->bytes = 0;
			break;
		}
		if (live_bytes > r->peak_live_bytes) {
			r->peak_live_bytes = live_bytes;
		}
		if (snap != NULL && every != 0 && (i + 1u) % every == 0u) {
			snap(&heap, i + 1u, user);
		}
	}
	r->util_at_failure = r->failures ? util_sum / (double)r->failures : 0.0;
	r->valid = sys_heap_validate(&heap);
	free(blocks);
	free(mem);
	return 0;
}
