/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The sys_heap reference model shared by the three sys_heap fuzz targets (see heap_model.h).
 *
 * Input layout: byte 0 picks the heap size, byte 1 the buffer's misalignment (0-15), then one
 * operation after another: an opcode byte, a slot byte and the operation's arguments.
 */
#include <errno.h>
#include <string.h>

#include <zephyr/sys/sys_heap.h>

#include "fuzz_util.h"
#include "heap_model.h"

#define NSLOTS  48
#define MAX_OPS 3000

struct slot {
	uint8_t *p;      /* NULL: empty */
	size_t req;      /* bytes asked for */
	size_t usable;   /* usable_size when handed out (all of it was filled) */
	uint8_t seed;    /* contents: seed + 13 * i */
	bool tainted;    /* the input wrote into it (HEAP_OVERFLOW) */
	uint8_t *stale;  /* the last block freed from this slot, for double frees */
};

static bool trace;

static struct {
	enum heap_mode mode;
	struct guarded g;
	struct sys_heap heap;
	uint8_t *mem;
	size_t bytes;
	struct slot s[NSLOTS];
	unsigned int hook_calls;
	enum sys_heap_error last_err;
	size_t capacity; /* free + allocated after init */
	uint8_t *snapshot;
	size_t snapshot_size;
} M;

static void hook(struct sys_heap *h, void *mem, enum sys_heap_error err)
{
	(void)h;
	(void)mem;
	M.hook_calls++;
	M.last_err = err;
}

static void fill(struct slot *sl)
{
	fuzz_fill(sl->p, sl->usable, sl->seed);
	sl->tainted = false;
}

/* Contents intact (the first @p n bytes; all usable bytes when n is SIZE_MAX). */
static bool intact(const struct slot *sl, size_t n)
{
	return fuzz_intact(sl->p, n < sl->usable ? n : sl->usable, sl->seed);
}

static void check_all_intact(void)
{
	for (int i = 0; i < NSLOTS; i++) {
		if (M.s[i].p != NULL && !M.s[i].tainted) {
			FUZZ_CHECK(intact(&M.s[i], SIZE_MAX));
		}
	}
}

static bool overlaps(const uint8_t *a, size_t an, const uint8_t *b, size_t bn)
{
	return a < b + bn && b < a + an;
}

/* A block just handed out for @p req bytes: inside the buffer, aligned, overlapping no live
 * block but @p self's old one. Returns its usable size. */
static size_t check_new_block(uint8_t *p, size_t req, size_t align, int self)
{
	size_t usable = sys_heap_usable_size(&M.heap, p);

	if (M.mode == HEAP_OVERFLOW && usable < req) {
		/* Damaged metadata may make the heap disown the block it just gave (its free
		 * will be refused): what counts is the range the application will use. */
		usable = req;
	}
	FUZZ_CHECK(usable >= req);
	FUZZ_CHECK(p >= M.mem && usable <= M.bytes && (size_t)(p - M.mem) <= M.bytes - usable);
	/* sys_heap_alloc() promises sizeof(void *): 4-byte units make 32-bit blocks 4-aligned. */
	FUZZ_CHECK(((uintptr_t)p & (align < sizeof(void *) ? sizeof(void *) - 1 : align - 1)) == 0);
	for (int i = 0; i < NSLOTS; i++) {
		if (i != self && M.s[i].p != NULL && overlaps(p, usable, M.s[i].p, M.s[i].usable)) {
			fprintf(stderr, "block %p+%zu handed out over live block %d: %p+%zu\n", (void *)p,
				usable, i, (void *)M.s[i].p, M.s[i].usable);
			FUZZ_CHECK(!"a live block handed out twice");
		}
	}
	return usable;
}

static int live_slot_of(const uint8_t *p)
{
	for (int i = 0; i < NSLOTS; i++) {
		if (M.s[i].p != NULL && M.s[i].p == p) {
			return i;
		}
	}
	return -1;
}

static bool inside_live_block(const uint8_t *p)
{
	for (int i = 0; i < NSLOTS; i++) {
		if (M.s[i].p != NULL && p >= M.s[i].p && p < M.s[i].p + M.s[i].usable) {
			return true;
		}
	}
	return false;
}

static size_t align_arg(struct fuzz_in *in)
{
	uint8_t a = fi_u8(in);

	return (size_t)1 << (a % 13); /* 1 .. 4096 */
}

static void do_free(int i)
{
	struct slot *sl = &M.s[i];
	unsigned int before = M.hook_calls;

	if (M.mode != HEAP_OVERFLOW || !sl->tainted) {
		FUZZ_CHECK(intact(sl, SIZE_MAX));
	}
	sys_heap_free(&M.heap, sl->p);
	if (M.mode != HEAP_OVERFLOW) {
		FUZZ_CHECK(M.hook_calls == before);
	}
	/* HEAP_OVERFLOW: a refused free leaves the block with the heap; the application has
	 * given it up either way. */
	sl->stale = sl->p;
	sl->p = NULL;
}

static void do_alloc(int i, struct fuzz_in *in, bool aligned)
{
	struct slot *sl = &M.s[i];
	size_t align = aligned ? align_arg(in) : 0;
	size_t req = fi_size(in);
	unsigned int before = M.hook_calls;
	bool empty = true;

	if (sl->p != NULL) {
		do_free(i);
	}
	for (int k = 0; k < NSLOTS; k++) {
		empty = empty && M.s[k].p == NULL;
	}

	uint8_t *p = aligned ? sys_heap_aligned_alloc(&M.heap, align, req)
			     : sys_heap_alloc(&M.heap, req);

	if (M.mode != HEAP_OVERFLOW) {
		FUZZ_CHECK(M.hook_calls == before);
		/* An empty heap of a few hundred bytes serves a small request. */
		if (empty && M.mode == HEAP_LEGAL && req > 0 && req <= 8 && align <= 8 &&
		    M.bytes >= 512) {
			FUZZ_CHECK(p != NULL);
		}
	}
	if (trace) {
		fprintf(stderr, "  alloc(align %zu, %zu) = %p\n", align, req, (void *)p);
	}
	if (p == NULL) {
		return;
	}
	size_t usable = check_new_block(p, req, align, -1);

	sl->p = p;
	sl->req = req;
	sl->usable = usable;
	sl->seed = fi_u8(in);
	fill(sl);
}

static void do_realloc(int i, struct fuzz_in *in, bool aligned)
{
	struct slot *sl = &M.s[i];
	size_t align = aligned ? align_arg(in) : 0;
	size_t req = fi_size(in);
	unsigned int before = M.hook_calls;

	if (sl->p == NULL) {
		return;
	}
	if (M.mode != HEAP_OVERFLOW || !sl->tainted) {
		FUZZ_CHECK(intact(sl, SIZE_MAX));
	}

	uint8_t *p = aligned ? sys_heap_aligned_realloc(&M.heap, sl->p, align, req)
			     : sys_heap_realloc(&M.heap, sl->p, req);

	if (trace) {
		fprintf(stderr, "  realloc(%p, align %zu, %zu) = %p\n", (void *)sl->p, align, req,
			(void *)p);
	}

	if (M.mode != HEAP_OVERFLOW) {
		FUZZ_CHECK(M.hook_calls == before);
	} else if (M.hook_calls != before) {
		/* Refused as damaged: the application gives the block up. */
		FUZZ_CHECK(p == NULL);
		sl->p = NULL;
		return;
	}
	if (req == 0) {
		FUZZ_CHECK(p == NULL); /* freed */
		sl->stale = sl->p;
		sl->p = NULL;
		return;
	}
	if (p == NULL) {
		/* Failed: the old block is untouched and still ours. */
		if (M.mode != HEAP_OVERFLOW || !sl->tainted) {
			FUZZ_CHECK(intact(sl, SIZE_MAX));
		}
		return;
	}

	size_t keep = sl->req < req ? sl->req : req;
	struct slot moved = *sl;

	moved.p = p;
	moved.usable = check_new_block(p, req, align, i);
	if (M.mode != HEAP_OVERFLOW || !sl->tainted) {
		FUZZ_CHECK(intact(&moved, keep));
	}
	if (p != sl->p) {
		sl->stale = sl->p;
	}
	*sl = moved;
	sl->req = req;
	sl->seed = fi_u8(in);
	fill(sl);
}

/* A pointer for a bad call; NULL when the input picked a live block's own start (that would
 * be a legal call). */
static uint8_t *bad_pointer(struct fuzz_in *in, int i)
{
	uint8_t kind = fi_u8(in) % 5;
	uint8_t *p;

	switch (kind) {
	case 0: /* double free / stale */
		p = M.s[i].stale;
		break;
	case 1: /* interior of a live block */
		if (M.mode == HEAP_OVERFLOW || M.s[i].p == NULL || M.s[i].usable == 0) {
			return NULL;
		}
		p = M.s[i].p + 1 + fi_u16(in) % M.s[i].usable;
		break;
	case 2: /* anywhere in the buffer, on the grid or not */
		p = M.mem + fi_u32(in) % (M.bytes + 1);
		break;
	case 3: /* just outside the buffer */
		p = (fi_u8(in) & 1) ? M.mem - 1 - fi_u8(in) % 64 : M.mem + M.bytes + fi_u8(in) % 64;
		break;
	default: /* a chunk-grid neighbour of a live block */
		if (M.s[i].p == NULL) {
			return NULL;
		}
		p = M.s[i].p + 8 * (int)(int8_t)fi_u8(in);
		break;
	}
	if (p == NULL || live_slot_of(p) >= 0) {
		return NULL;
	}
	if (M.mode == HEAP_OVERFLOW && inside_live_block(p)) {
		return NULL; /* interior pointers are HEAP_MISUSE's (see heap_model.h) */
	}
	return p;
}

static void snapshot_take(void)
{
	if (M.snapshot_size < M.bytes) {
		free(M.snapshot);
		M.snapshot = malloc(M.bytes);
		FUZZ_CHECK(M.snapshot != NULL);
		M.snapshot_size = M.bytes;
	}
	memcpy(M.snapshot, M.mem, M.bytes);
}

static void do_bad_call(int i, struct fuzz_in *in)
{
	uint8_t *p = bad_pointer(in, i);
	uint8_t which = fi_u8(in) % 4;
	unsigned int before = M.hook_calls;

	if (p == NULL) {
		return;
	}
	if (M.mode == HEAP_MISUSE) {
		snapshot_take();
	}
	switch (which) {
	case 0:
	case 1:
		sys_heap_free(&M.heap, p);
		break;
	case 2: {
		/* HEAP_OVERFLOW: a pointer the model dropped may still be a block to the heap (a
		 * free refused as damaged leaves it allocated): any answer, no crash. */
		void *r = sys_heap_realloc(&M.heap, p, 1 + fi_u8(in));

		FUZZ_CHECK(M.mode != HEAP_MISUSE || r == NULL);
		break;
	}
	default: {
		size_t u = sys_heap_usable_size(&M.heap, p);

		FUZZ_CHECK(M.mode != HEAP_MISUSE || u == 0);
		break;
	}
	}
	if (M.mode == HEAP_MISUSE) {
		/* Reported once; nothing changed. (realloc to 0 bytes frees: also refused.) */
		FUZZ_CHECK(M.hook_calls == before + 1);
		FUZZ_CHECK(memcmp(M.snapshot, M.mem, M.bytes) == 0);
	}
}

/* HEAP_OVERFLOW: the input writes bytes past the end (or before the start) of a live block,
 * inside the buffer. Live blocks written into are tainted. */
static void do_overflow(int i, struct fuzz_in *in)
{
	struct slot *sl = &M.s[i];

	if (sl->p == NULL) {
		return;
	}

	uint8_t where = fi_u8(in);
	size_t len = 1 + fi_u8(in) % 16;
	uint8_t *start = (where & 0x80) ? sl->p + sl->usable + (where & 0x1F)
					: sl->p - 1 - (where & 0x1F);

	if (start < M.mem || start >= M.mem + M.bytes) {
		return;
	}
	if (len > (size_t)(M.mem + M.bytes - start)) {
		len = (size_t)(M.mem + M.bytes - start);
	}
	for (int k = 0; k < NSLOTS; k++) {
		if (M.s[k].p != NULL && overlaps(start, len, M.s[k].p, M.s[k].usable)) {
			M.s[k].tainted = true;
		}
	}
	for (size_t k = 0; k < len; k++) {
		start[k] = fi_u8(in);
	}
}

/* The figures; 0, or -ENOTSUP when the heap keeps no high-water mark (free and allocated bytes
 * are filled in either way). */
static void stats_get(struct sys_memory_stats *st)
{
	int ret = sys_heap_runtime_stats_get(&M.heap, st);

	FUZZ_CHECK(ret == 0 || ret == -ENOTSUP);
}

static void check_stats(void)
{
	struct sys_memory_stats st;

	stats_get(&st);
	FUZZ_CHECK(st.free_bytes + st.allocated_bytes == M.capacity);
}

static size_t heap_size(uint8_t sel, struct fuzz_in *in)
{
	switch (sel >> 6) {
	case 0:
		return 16 + fi_u8(in) * 4;       /* tiny: 16 .. 1036 (init limits) */
	case 1:
	case 2:
		return 512 + (fi_u16(in) & 0x3FFF); /* up to 16 KiB */
	default:
		/* big: across the 256 KiB segment limit now and then */
		return (sel & 0x3F) == 0x3F ? 256 * 1024 + (fi_u16(in) & 0x7FFF) * 8
					     : 16384 + (fi_u16(in) & 0xFFFF);
	}
}

void heap_model_run(const uint8_t *data, size_t size, enum heap_mode mode)
{
	struct fuzz_in in = {data, size};
	uint8_t sel = fi_u8(&in);

	M.mode = mode;
	M.bytes = heap_size(sel, &in);
	guarded_setup(&M.g, M.bytes, fi_u8(&in));
	M.mem = M.g.inner;
	memset(M.s, 0, sizeof(M.s));
	M.hook_calls = 0;
	sys_heap_error_hook_set(hook);
	sys_heap_init(&M.heap, M.mem, M.bytes);
	if (M.hook_calls != 0) {
		/* A buffer too small to hold a heap: refused, and every allocation fails. */
		FUZZ_CHECK(sys_heap_alloc(&M.heap, 1) == NULL);
		FUZZ_CHECK(guarded_margins_intact(&M.g));
		sys_heap_error_hook_set(NULL);
		return;
	}
	if (mode != HEAP_OVERFLOW) {
		FUZZ_CHECK(sys_heap_validate(&M.heap));
	}

	struct sys_memory_stats st;

	stats_get(&st);
	M.capacity = st.free_bytes + st.allocated_bytes;
	FUZZ_CHECK(st.allocated_bytes == 0);

	trace = getenv("ZMEM_FUZZ_TRACE") != NULL;

	for (int ops = 0; fi_more(&in) && ops < MAX_OPS; ops++) {
		uint8_t op = fi_u8(&in);
		int i = fi_u8(&in) % NSLOTS;

		if (trace) {
			fprintf(stderr, "op %d: %u slot %d (%p)\n", ops, op % 10U, i,
				(void *)M.s[i].p);
		}

		switch (op % 10) {
		case 0:
		case 1:
			do_alloc(i, &in, false);
			break;
		case 2:
			do_alloc(i, &in, true);
			break;
		case 3:
			if (M.s[i].p != NULL) {
				do_free(i);
			}
			break;
		case 4:
			do_realloc(i, &in, false);
			break;
		case 5:
			do_realloc(i, &in, true);
			break;
		case 6:
			if (M.s[i].p != NULL) {
				size_t u = sys_heap_usable_size(&M.heap, M.s[i].p);

				/* After overflows a header may have been rewritten: any answer. */
				FUZZ_CHECK(mode == HEAP_OVERFLOW || u == M.s[i].usable);
			}
			break;
		case 7:
			if (mode != HEAP_LEGAL) {
				do_bad_call(i, &in);
			}
			break;
		case 8:
			if (mode == HEAP_OVERFLOW) {
				do_overflow(i, &in);
			}
			break;
		default:
			if (mode != HEAP_OVERFLOW) {
				check_stats();
			}
			check_all_intact();
			break;
		}
		/* Near the buffer after every call, all of the margins now and then and at the
		 * end (a whole check per call would cost more than the call). */
		FUZZ_CHECK((ops & 63) != 63 ? guarded_margins_intact_near(&M.g, 64)
					    : guarded_margins_intact(&M.g));
		if (mode != HEAP_OVERFLOW) {
			/* validate is linear: after every call on small heaps, else now and then */
			if (M.bytes <= 16384 || (ops & 15) == 0) {
				FUZZ_CHECK(sys_heap_validate(&M.heap));
			}
			FUZZ_CHECK(M.hook_calls == 0 || mode == HEAP_MISUSE);
		}
	}

	check_all_intact();
	for (int i = 0; i < NSLOTS; i++) {
		if (M.s[i].p != NULL) {
			do_free(i);
		}
	}
	FUZZ_CHECK(guarded_margins_intact(&M.g));
	if (mode != HEAP_OVERFLOW) {
		FUZZ_CHECK(sys_heap_validate(&M.heap));
		stats_get(&st);
		FUZZ_CHECK(st.allocated_bytes == 0);
		FUZZ_CHECK(st.free_bytes == M.capacity);
	}
	sys_heap_error_hook_set(NULL);
}
