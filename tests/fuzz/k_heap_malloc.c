/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Fuzz target: k_heap and the k_malloc family (kernel/kheap.c, kernel/mempool.c on the
 * one-thread stand-in scheduler of support/kernel_stub.c), over three heaps: one set up with
 * k_heap_init() on a guarded buffer of the input's size, one K_HEAP_DEFINE()d, and the system
 * heap.
 *
 * Calls: k_heap_alloc, k_heap_aligned_alloc, k_heap_calloc, k_heap_realloc and k_heap_free on
 * any of the three; k_malloc, k_aligned_alloc, k_calloc; z_thread_malloc and
 * z_thread_aligned_alloc through the thread's resource pool (any heap, or none); k_realloc,
 * k_free and k_malloc_usable_size; finite waits on a heap that cannot serve (the stand-in's
 * clock jumps to the end of the wait); a heap listener switched on and off. Misuse: frees and
 * reallocs of stale pointers (freed, or moved by a realloc), of pointers into live blocks, of
 * foreign memory, of the other family's blocks, and k_heap_free() on the wrong heap.
 *
 * Oracle: a block handed out lies inside its heap's buffer, aligned as asked, overlapping no
 * live block (a k_malloc-family block with its 16-byte header), with at least the bytes asked
 * for usable (all of which it fills); calloc'd blocks read zero; a realloc keeps the common
 * prefix, and a failed one leaves the block as it was; requests that overflow size_t fail; a
 * small request on an empty heap succeeds; a refused call (misuse) changes no live block's
 * bytes and no heap's statistics, and reports through the heap's error hook exactly when it
 * reaches a heap (k_heap_free/k_heap_realloc: once; the k_malloc family recognizes foreign
 * pointers itself, without the hook); the listener hears one event per block handed out or
 * freed and none for refused calls; every heap validates after every call; free plus allocated
 * bytes stay constant; nothing is written outside the guarded buffer; when the input ends and
 * everything is freed every heap is back to 0 allocated bytes.
 */
#include <errno.h>
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/sys/heap_listener.h>
#include <zephyr/sys/sys_heap.h>

#include "support/fuzz_util.h"

#define NSLOTS   40
#define NSTALE   8
#define HDR      16u /* the k_malloc family's header before the pointer (kernel/mempool.c) */
#define MAX_HEAP 16384u

K_HEAP_DEFINE(fz_defined_heap, 4096);

static struct k_heap guarded_heap;
static struct guarded g;

enum kind {
	KH, /* from k_heap_*(): freed with k_heap_free() on its heap */
	KM, /* from the k_malloc family: freed with k_free() */
};

struct slot {
	uint8_t *p;
	size_t req;    /* bytes asked for */
	size_t usable; /* usable bytes (all filled with the pattern) */
	struct k_heap *heap;
	enum kind kind;
	size_t front; /* k_malloc family: bytes from the heap's block to p (16, or the alignment) */
	uint8_t seed;
};

static struct slot s[NSLOTS];
static uint8_t *stale[NSTALE]; /* a ring of the last blocks freed or moved away */
static unsigned int stale_next;
static int hook_calls;
static size_t heard_alloc;
static size_t heard_free;
static bool listening;
static uint64_t foreign[16];

static void hook(struct sys_heap *h, void *mem, enum sys_heap_error err)
{
	(void)h;
	(void)mem;
	FUZZ_CHECK(err != SYS_HEAP_ERR_BAD_INIT);
	hook_calls++;
}

static void on_alloc(uintptr_t heap_id, void *mem, size_t bytes)
{
	(void)heap_id;
	(void)mem;
	(void)bytes;
	heard_alloc++;
}

static void on_free(uintptr_t heap_id, void *mem, size_t bytes)
{
	(void)heap_id;
	(void)mem;
	(void)bytes;
	heard_free++;
}

/* Registered only while `listening`; the heap id is set per input (the guarded heap's). */
static struct heap_listener alloc_listener = {
	.event = HEAP_ALLOC,
	.alloc_cb = on_alloc,
};
static struct heap_listener free_listener = {
	.event = HEAP_FREE,
	.free_cb = on_free,
};

static struct k_heap *heap_pick(uint8_t v)
{
	switch (v % 3u) {
	case 0:
		return &guarded_heap;
	case 1:
		return &fz_defined_heap;
	default:
		return k_system_heap_get();
	}
}

static void fill(struct slot *sl)
{
	fuzz_fill(sl->p, sl->usable, sl->seed);
}

/* Contents intact (the first @p n bytes; all usable bytes when n is SIZE_MAX). */
static bool intact(const struct slot *sl, size_t n)
{
	return fuzz_intact(sl->p, n < sl->usable ? n : sl->usable, sl->seed);
}

static void check_all_intact(void)
{
	for (int i = 0; i < NSLOTS; i++) {
		if (s[i].p != NULL) {
			FUZZ_CHECK(intact(&s[i], SIZE_MAX));
		}
	}
}

/* The bytes a block occupies for the overlap test: a k_malloc-family block has its header. */
static uintptr_t lo_of(const struct slot *sl)
{
	return (uintptr_t)sl->p - (sl->kind == KM ? HDR : 0u);
}

static bool inside_heap(const struct k_heap *h, uintptr_t lo, uintptr_t hi)
{
	uintptr_t b = (uintptr_t)h->heap.init_mem;

	return lo >= b && hi <= b + h->heap.init_bytes && lo <= hi;
}

static size_t usable_of(const struct slot *sl)
{
	return sl->kind == KM ? k_malloc_usable_size(sl->p)
			      : sys_heap_usable_size(&sl->heap->heap, sl->p);
}

/* A block just handed out into slot @p i (its fields set but usable): check and fill it. */
static void take(int i, size_t align, bool zeroed, size_t keep)
{
	struct slot *sl = &s[i];

	sl->usable = usable_of(sl);
	FUZZ_CHECK(sl->usable >= sl->req);
	if (align < sizeof(void *)) {
		align = sizeof(void *);
	}
	FUZZ_CHECK((uintptr_t)sl->p % align == 0);
	FUZZ_CHECK(inside_heap(sl->heap, lo_of(sl), (uintptr_t)sl->p + sl->usable));
	for (int j = 0; j < NSLOTS; j++) {
		if (j != i && s[j].p != NULL && lo_of(sl) < (uintptr_t)s[j].p + s[j].usable &&
		    lo_of(&s[j]) < (uintptr_t)sl->p + sl->usable) {
			fprintf(stderr, "block %p+%zu handed out over live block %p+%zu\n",
				(void *)sl->p, sl->usable, (void *)s[j].p, s[j].usable);
			FUZZ_CHECK(!"a live block handed out twice");
		}
	}
	if (zeroed) {
		for (size_t b = 0; b < sl->req; b++) {
			FUZZ_CHECK(sl->p[b] == 0);
		}
	}
	for (size_t b = 0; b < keep; b++) {
		FUZZ_CHECK(sl->p[b] == fuzz_pattern(sl->seed, b));
	}
	sl->seed = (uint8_t)(sl->seed + 1u);
	fill(sl);
}

static void remember_stale(uint8_t *p)
{
	stale[stale_next % NSTALE] = p;
	stale_next++;
}

/* Is @p p a live block, or the start of the heap's block under a live k_malloc-family one? */
static bool is_live(const uint8_t *p)
{
	for (int i = 0; i < NSLOTS; i++) {
		if (s[i].p != NULL && (s[i].p == p || s[i].p - s[i].front == p)) {
			return true;
		}
	}
	return false;
}

/* What kernel/mempool.c puts between the heap's block and the pointer it hands out. */
static size_t front_for(size_t align)
{
	return align > HDR ? align : HDR;
}

/* Both totals of each heap: free + allocated stay constant, allocated as it was. */
struct totals {
	size_t free_bytes[3];
	size_t allocated[3];
};

static void totals_get(struct totals *t)
{
	for (uint8_t k = 0; k < 3u; k++) {
		struct sys_memory_stats st;

		FUZZ_CHECK(k_heap_runtime_stats_get(heap_pick(k), &st) == 0);
		FUZZ_CHECK(st.max_allocated_bytes >= st.allocated_bytes);
		t->free_bytes[k] = st.free_bytes;
		t->allocated[k] = st.allocated_bytes;
	}
}

static size_t heap_total[3];

static void check_heaps(void)
{
	struct totals t;

	totals_get(&t);
	for (uint8_t k = 0; k < 3u; k++) {
		FUZZ_CHECK(sys_heap_validate(&heap_pick(k)->heap));
		FUZZ_CHECK(t.free_bytes[k] + t.allocated[k] == heap_total[k]);
	}
	FUZZ_CHECK(guarded_margins_intact_near(&g, 64));
}

static bool heap_empty(const struct k_heap *h)
{
	for (int i = 0; i < NSLOTS; i++) {
		if (s[i].p != NULL && s[i].heap == h) {
			return false;
		}
	}
	return true;
}

/* An alignment: mostly a power of two up to 512, sometimes none (0) or not a power of two. */
static size_t fi_align(struct fuzz_in *in)
{
	uint8_t a = fi_u8(in);

	if (a >= 0xF0u) {
		return (size_t)3u << (a & 3u); /* 3, 6, 12, 24 */
	}
	return a % 11u == 10u ? 0u : (size_t)1 << (a % 10u);
}

static size_t fi_req(struct fuzz_in *in)
{
	size_t n = fi_size(in);

	return n > MAX_HEAP * 2u && n < SIZE_MAX - 0x100u ? n % (MAX_HEAP * 2u) : n;
}

/* Allocate into empty slot @p i with one of the allocation calls. */
static void op_alloc(struct fuzz_in *in, int i)
{
	struct slot *sl = &s[i];
	uint8_t how = fi_u8(in) % 10u;
	struct k_heap *h = heap_pick(fi_u8(in));
	size_t req = fi_req(in);
	size_t align = 0;
	bool zeroed = false;
	bool overflow = false;
	size_t before_alloc = heard_alloc;
	int before_hook = hook_calls;
	void *p = NULL;

	sl->kind = how < 4u ? KH : KM;
	switch (how) {
	case 0:
		p = k_heap_alloc(h, req, K_NO_WAIT);
		break;
	case 1:
		align = fi_align(in);
		p = k_heap_aligned_alloc(h, align, req, K_NO_WAIT);
		break;
	case 2: {
		size_t n = fi_u8(in) == 0xFFu ? SIZE_MAX / 2u + fi_u8(in) : fi_u8(in) % 64u;
		size_t m = req % 257u;

		overflow = m != 0u && n > SIZE_MAX / m;
		req = overflow ? 0u : n * m;
		zeroed = true;
		p = k_heap_calloc(h, n, m, K_NO_WAIT);
		break;
	}
	case 3: {
		/* A finite wait: the stand-in's clock jumps to its end when nothing can serve. */
		int64_t t0 = sys_clock_tick_get();
		uint8_t ms = (uint8_t)(1u + fi_u8(in) % 50u);

		p = k_heap_alloc(h, req, K_MSEC(ms));
		if (p == NULL && req != 0u) {
			FUZZ_CHECK(sys_clock_tick_get() - t0 >= K_MSEC(ms).ticks);
		}
		break;
	}
	case 4:
		h = k_system_heap_get();
		p = k_malloc(req);
		break;
	case 5:
		h = k_system_heap_get();
		align = fi_align(in);
		p = k_aligned_alloc(align, req);
		break;
	case 6: {
		size_t n = fi_u8(in) == 0xFFu ? SIZE_MAX / 2u + fi_u8(in) : fi_u8(in) % 64u;
		size_t m = req % 257u;

		h = k_system_heap_get();
		overflow = m != 0u && n > SIZE_MAX / m;
		req = overflow ? 0u : n * m;
		zeroed = true;
		p = k_calloc(n, m);
		break;
	}
	case 7:
	case 8: {
		/* Through the thread's resource pool; sometimes it has none. */
		bool none = fi_u8(in) % 8u == 0u;

		k_thread_heap_assign(k_current_get(), none ? NULL : h);
		if (how == 8u) {
			align = fi_align(in);
			p = z_thread_aligned_alloc(align, req);
		} else {
			p = z_thread_malloc(req);
		}
		k_thread_heap_assign(k_current_get(), NULL);
		if (none) {
			FUZZ_CHECK(p == NULL);
			return;
		}
		break;
	}
	default: {
		/* k_realloc(NULL, n) allocates as k_malloc(n); n = 0 gives NULL (Zephyr's order). */
		h = k_system_heap_get();
		p = k_realloc(NULL, req);
		if (req == 0u) {
			FUZZ_CHECK(p == NULL);
		}
		break;
	}
	}

	bool bad_align = align != 0u && (align & (align - 1u)) != 0u;

	if (overflow || req >= SIZE_MAX - 0x100u || bad_align) {
		FUZZ_CHECK(p == NULL);
	}
	if (p == NULL) {
		/* Small, plain requests on an empty heap never fail. */
		FUZZ_CHECK(!(heap_empty(h) && req > 0u && req <= 64u && align <= 64u &&
			     !bad_align && h->heap.init_bytes >= 1024u));
		FUZZ_CHECK(heard_alloc == before_alloc);
		if (!bad_align) {
			FUZZ_CHECK(hook_calls == before_hook);
		}
		return;
	}
	FUZZ_CHECK(hook_calls == before_hook);
	if (listening && h == &guarded_heap) {
		FUZZ_CHECK(heard_alloc == before_alloc + 1u);
	}
	/* k_heap_alloc(h, 0) gives NULL, as on Zephyr (k_malloc(0) gives a block). */
	FUZZ_CHECK(sl->kind == KM || req != 0u);
	sl->p = p;
	sl->req = req;
	sl->heap = h;
	sl->front = sl->kind == KM ? front_for(align) : 0u;
	take(i, align, zeroed, 0);
}

static void op_free(int i)
{
	struct slot *sl = &s[i];
	int before_hook = hook_calls;
	size_t before_free = heard_free;

	if (sl->kind == KM) {
		k_free(sl->p);
	} else {
		k_heap_free(sl->heap, sl->p);
	}
	FUZZ_CHECK(hook_calls == before_hook);
	if (listening && sl->heap == &guarded_heap) {
		FUZZ_CHECK(heard_free == before_free + 1u);
	}
	remember_stale(sl->p);
	sl->p = NULL;
}

static void op_realloc(struct fuzz_in *in, int i)
{
	struct slot *sl = &s[i];
	size_t req = fi_req(in);
	int before_hook = hook_calls;
	struct slot old = *sl;
	void *p;

	if (sl->kind == KM) {
		p = k_realloc(sl->p, req);
	} else {
		uint8_t ms = fi_u8(in) % 4u;

		p = k_heap_realloc(sl->heap, sl->p, req, ms == 0u ? K_NO_WAIT : K_MSEC(ms));
	}
	FUZZ_CHECK(hook_calls == before_hook);
	if (req == 0u) {
		FUZZ_CHECK(p == NULL); /* freed */
		remember_stale(old.p);
		sl->p = NULL;
		return;
	}
	if (p == NULL) {
		FUZZ_CHECK(usable_of(sl) == sl->usable);
		FUZZ_CHECK(intact(sl, SIZE_MAX));
		return;
	}
	if (p != old.p) {
		remember_stale(old.p);
	}
	sl->p = p;
	sl->req = req;
	take(i, 0, false, old.usable < req ? old.usable : req);
}

/* A pointer that is not a live block of the kind and heap it is given as. */
static void op_misuse(struct fuzz_in *in, int i)
{
	uint8_t what = fi_u8(in);
	uint8_t call = fi_u8(in) % 5u;
	struct k_heap *h = heap_pick(fi_u8(in));
	uint8_t *p;
	bool to_heap = false; /* the call reaches a heap, which reports it */

	switch (what % 6u) {
	case 0: /* a stale pointer: freed, or moved away by a realloc */
		if (stale_next == 0u) {
			return;
		}
		p = stale[fi_u8(in) % (stale_next < NSTALE ? stale_next : NSTALE)];
		if (is_live(p)) {
			return; /* the same address was handed out again: legal */
		}
		break;
	case 1: /* inside a live block */
		if (s[i].p == NULL || s[i].usable < 2u) {
			return;
		}
		p = s[i].p + 1u + fi_u16(in) % (s[i].usable - 1u);
		break;
	case 2: /* foreign memory */
		p = (uint8_t *)&foreign[fi_u8(in) % 16u] + (fi_u8(in) % 4u == 0u ? 1 : 0);
		break;
	case 3: /* anywhere in a heap's buffer (k_malloc family only, see below) */
		if (call >= 3u) {
			/*
			 * The heap's own checks are sys_heap_misuse's subject, and a pointer to an
			 * old chunk header left whole inside a live block is accepted there by
			 * design (docs/sys_heap.md, "The exact promise"): not here.
			 */
			return;
		}
		p = (uint8_t *)h->heap.init_mem + fi_u16(in) % (h->heap.init_bytes + 64u);
		if (is_live(p)) {
			return;
		}
		break;
	case 4: /* a live block of the other family (or, for k_heap_free, of another heap) */
	default:
		if (s[i].p == NULL) {
			return;
		}
		p = s[i].p;
		if (s[i].kind == KH && call >= 3u && h == s[i].heap) {
			return; /* the right call on the right heap: legal */
		}
		if (s[i].kind == KM && call < 3u) {
			return; /* k_free() & co of a k_malloc block: legal */
		}
		if (s[i].kind == KM && s[i].front > HDR) {
			return; /* its padding below the header is old heap bytes: as in case 3 */
		}
		break;
	}

	struct totals before;
	struct totals after;
	int before_hook = hook_calls;
	size_t before_alloc = heard_alloc;
	size_t before_free = heard_free;

	totals_get(&before);
	switch (call) {
	case 0:
		k_free(p);
		break;
	case 1:
		FUZZ_CHECK(k_realloc(p, 1u + fi_u8(in)) == NULL);
		break;
	case 2:
		FUZZ_CHECK(k_malloc_usable_size(p) == 0u);
		break;
	case 3:
		to_heap = p != NULL;
		k_heap_free(h, p);
		break;
	default:
		to_heap = p != NULL;
		FUZZ_CHECK(k_heap_realloc(h, p, 1u + fi_u8(in), K_NO_WAIT) == NULL);
		break;
	}
	totals_get(&after);
	FUZZ_CHECK(memcmp(&before, &after, sizeof(before)) == 0);
	FUZZ_CHECK(heard_alloc == before_alloc && heard_free == before_free);
	/* k_heap calls report through the heap; the k_malloc family logs foreign pointers itself
	 * (a block it accepts as its own is always live: nothing here is). */
	FUZZ_CHECK(hook_calls == before_hook + (to_heap ? 1 : 0));
	check_all_intact();
}

static void listen(bool on)
{
	if (on == listening) {
		return;
	}
	if (on) {
		heap_listener_register(&alloc_listener);
		heap_listener_register(&free_listener);
	} else {
		heap_listener_unregister(&alloc_listener);
		heap_listener_unregister(&free_listener);
	}
	listening = on;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = {data, size};
	size_t bytes = 256u + fi_u16(&in) % (MAX_HEAP - 255u);

	guarded_setup(&g, bytes, fi_u8(&in) & 7u);
	k_heap_init(&guarded_heap, g.inner, bytes);
	alloc_listener.heap_id = HEAP_ID_FROM_POINTER(&guarded_heap.heap);
	free_listener.heap_id = HEAP_ID_FROM_POINTER(&guarded_heap.heap);
	memset(s, 0, sizeof(s));
	memset(stale, 0, sizeof(stale));
	stale_next = 0;
	hook_calls = 0;
	heard_alloc = 0;
	heard_free = 0;
	sys_heap_error_hook_set(hook);
	for (uint8_t k = 0; k < 3u; k++) {
		struct sys_memory_stats st;

		FUZZ_CHECK(k_heap_runtime_stats_get(heap_pick(k), &st) == 0);
		FUZZ_CHECK(st.allocated_bytes == 0u); /* the previous input freed everything */
		heap_total[k] = st.free_bytes + st.allocated_bytes;
	}

	for (int ops = 0; fi_more(&in) && ops < 3000; ops++) {
		uint8_t op = fi_u8(&in);
		int i = fi_u8(&in) % NSLOTS;

		switch (op % 8u) {
		case 0:
		case 1:
		case 2:
			if (s[i].p == NULL) {
				op_alloc(&in, i);
			} else {
				op_free(i);
			}
			break;
		case 3:
			if (s[i].p != NULL) {
				op_realloc(&in, i);
			}
			break;
		case 4:
		case 5:
			op_misuse(&in, i);
			break;
		case 6:
			listen(fi_u8(&in) & 1u);
			break;
		default:
			if (s[i].p != NULL) {
				FUZZ_CHECK(usable_of(&s[i]) == s[i].usable);
				FUZZ_CHECK(intact(&s[i], SIZE_MAX));
			}
			break;
		}
		check_heaps();
		if (ops % 16 == 15) {
			check_all_intact();
		}
	}

	check_all_intact();
	for (int i = 0; i < NSLOTS; i++) {
		if (s[i].p != NULL) {
			op_free(i);
		}
	}
	listen(false);
	check_heaps();
	for (uint8_t k = 0; k < 3u; k++) {
		struct sys_memory_stats st;

		FUZZ_CHECK(k_heap_runtime_stats_get(heap_pick(k), &st) == 0);
		FUZZ_CHECK(st.allocated_bytes == 0u);
	}
	FUZZ_CHECK(guarded_margins_intact(&g));
	sys_heap_error_hook_set(NULL);
	return 0;
}
