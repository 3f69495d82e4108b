/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Free-list operations and the merging free, inlined into the allocation and free paths
 * (one copy per layout in speed builds, one shared copy in size builds).
 *
 * Hardening level 2 and up (moderate) checks every chunk index and size read from the heap
 * before it is used to address memory: a list link must lie between the first chunk and the end
 * marker and point back (next->prev == c, prev->next == c, or the list head == c); a chunk taken
 * from a list must be free, end within the heap and be echoed by its right neighbour's left size;
 * a list head that gets a new predecessor must be in range with no predecessor of its own. So
 * no overwritten metadata makes the heap write outside its buffer or take a used chunk from a
 * list; the call that finds the damage reports it and changes nothing.
 *
 * Links are followed only where a chunk really leaves or joins a list. Outside the compact
 * policy a free chunk that only changes size and stays in its class (the free rest below an
 * aligned block, a free left neighbour that absorbs the freed chunk) keeps its place, and its
 * links are neither read nor written; the compact policy takes such a chunk off its list and
 * adds it back at the head of its class's list (its links checked as for any chunk that leaves
 * a list).
 */
#ifndef ZMEM_LIB_HEAP_HEAP_OPS_H_
#define ZMEM_LIB_HEAP_HEAP_OPS_H_

#include "heap.h"

/*
 * Speed builds inline these everywhere; size builds (-Os) keep one external copy of each, in
 * heap.c (Z_HEAP_DEFINE_OPS), instead of one per file that uses them.
 */
#if Z_HEAP_SPECIALIZE
#define Z_HEAP_OP         static inline __attribute__((always_inline))
#define Z_HEAP_OPS_BODIES 1
#define ZH_OP(name)       name
#else
/*
 * Size builds: each op is one out-of-line function taking the heap itself (heap.c wraps the
 * bodies below, named zb_<op>): a caller passes the struct sys_heap pointer it already holds
 * instead of building a struct zh on its stack.
 */
#define Z_HEAP_OP                static inline
#define ZH_OP(name)              zb_##name
#if Z_HEAP_COMPACT && Z_HEAP_LEVEL < 2
/* Compact below level 2: list_remove() finds the class from the chunk's size itself. */
#define list_remove(z, c, k) z_heap_list_remove((z)->heap, c, ((void)(k), 0u))
#else
#define list_remove(z, ...) z_heap_list_remove((z)->heap, __VA_ARGS__)
#endif
/*
 * Below level 2 and in the compact policy a chunk joins the list of its own size's class, which
 * the size build's list_add() finds; at level 2 and up every caller has the class already (the
 * head it checked), so it passes it: default -Os (Cortex-M3, bench/target_instr) 312.4 / 200.3 /
 * 388.3 / 223.5 -> 302.0 / 194.2 / 366.8 / 214.7 instructions per operation and 22 bytes less
 * code. (Below level 2 a split's rest has no class computed otherwise: passing it there cost 44
 * bytes at Zephyr's defaults for 1 to 2 % fewer instructions.)
 */
#define Z_HEAP_ADD_FINDS_CLASS (Z_HEAP_COMPACT || Z_HEAP_LEVEL < 2)
#if Z_HEAP_ADD_FINDS_CLASS
#define list_add(z, c, k, units) z_heap_list_add((z)->heap, c, units)
#else
#define list_add(z, c, k, units) z_heap_list_add((z)->heap, c, k, units)
#endif
#define list_replace(z, ...)     z_heap_list_replace((z)->heap, __VA_ARGS__)
#define links_ok(z, ...)         z_heap_links_ok((z)->heap, __VA_ARGS__)
#define cut_top(z, ...)          z_heap_cut_top((z)->heap, __VA_ARGS__)
#define head_ok(z, ...)          z_heap_head_ok((z)->heap, __VA_ARGS__)
#if Z_HEAP_LEVEL >= 2
#define free_merge(z, ...) z_heap_free_merge((z)->heap, __VA_ARGS__)
#else
/* Below level 2 free_merge() checks nothing: apply is always true, and so is the result. */
#define free_merge(z, c, units, lu, rw, lw, apply)                                                 \
	((void)(apply), z_heap_free_merge((z)->heap, c, units, lu, rw, lw), true)
#endif
void z_heap_list_remove(struct sys_heap *heap, size_t c, unsigned int k);
#if Z_HEAP_ADD_FINDS_CLASS
void z_heap_list_add(struct sys_heap *heap, size_t c, size_t units);
#else
void z_heap_list_add(struct sys_heap *heap, size_t c, unsigned int k, size_t units);
#endif
void z_heap_list_replace(struct sys_heap *heap, size_t old, size_t c, unsigned int k);
bool z_heap_links_ok(struct sys_heap *heap, size_t c, unsigned int k);
size_t z_heap_cut_top(struct sys_heap *heap, size_t c, unsigned int k, size_t tu);
bool z_heap_head_ok(struct sys_heap *heap, unsigned int k, size_t skip1, size_t skip2);
#if Z_HEAP_COMPACT
/*
 * Compact: chunk @p c (@p have units, its right neighbour used), made a used block of @p units;
 * the rest above it, when it can stand alone, becomes a free chunk at the head of its list.
 * When @p below is not 0, the @p below units just under c (c - below, already off any list:
 * what an aligned allocation leaves below its block) become a free chunk at the head of their
 * list too. The heads of those lists already checked when the level asks. Writes c's header
 * and its new right neighbour's left size; returns c's units.
 */
size_t z_heap_carve(struct sys_heap *heap, size_t c, size_t units, size_t have, size_t below);
#endif
#if Z_HEAP_LEVEL >= 2
bool z_heap_free_merge(struct sys_heap *heap, size_t c, size_t units, size_t lu, size_t rw,
		       size_t lw, bool apply);
#else
void z_heap_free_merge(struct sys_heap *heap, size_t c, size_t units, size_t lu, size_t rw,
		       size_t lw);
#endif
#ifdef Z_HEAP_DEFINE_OPS
#define Z_HEAP_OPS_BODIES 1
#else
#define Z_HEAP_OPS_BODIES 0
#endif
#endif

/*
 * The heap's bounds and layout, read once per call into locals: the buffer is written through
 * 16- and 32-bit pointers, which the compiler must otherwise assume may change struct sys_heap's
 * fields, reloading them after every store.
 */
struct zh {
	struct sys_heap *heap;
	struct z_heap *h;
	size_t first; /* first real chunk */
	size_t end;   /* end marker */
	unsigned int kmax;
	zl_t lay;
};

Z_HEAP_HOT struct zh zh_get(struct sys_heap *heap, zl_t lay)
{
	struct zh z = {heap, heap->heap, heap->first, heap->end, heap->kmax, lay};

	return z;
}

/* The layout of @p z: a constant when only one is built (out-of-line ops see no caller's). */
#define ZH_LAY(z) Z_HEAP_LAY(z)

/** Is chunk index @p c a real chunk (first <= c < end)? */
static inline bool zh_in_range(const struct zh *z, size_t c)
{
	return c - z->first < z->end - z->first;
}

/** Is chunk index @p c a real chunk (first <= c < end)? */
static inline bool in_heap_range(struct sys_heap *heap, size_t c)
{
	return c - heap->first < (size_t)(heap->end - heap->first);
}

/** Requests up to this many bytes can ever fit (the fit_limit when nothing failed). */
static inline size_t heap_max_bytes(struct sys_heap *heap)
{
	return chunk_usable(Z_HEAP_LAY(heap), heap->end - heap->first);
}

/*
 * A free chunk of @p units now exists: requests it can serve may fit again. (After a failure,
 * fit_limit says that nothing larger fits; a free can only change that up to the chunk it
 * makes.)
 */
static inline void fit_raise(struct sys_heap *heap, zl_t lay, size_t units)
{
	if (Z_HEAP_COMPACT) {
		return; /* no failed-size cache: fit_limit stays the heap's largest request */
	}
	size_t u = chunk_usable(lay, units);

	if (u > heap->fit_limit) {
		heap->fit_limit = u;
	}
}

/*
 * A capped last class (cap_class) also holds every larger chunk and is only probed from its
 * head: the largest chunk put on it is remembered (cap_hint), so that a request the probe does
 * not serve still finds it. Free chunk @p c of @p units is now on list @p k, in place of @p old (or
 * of itself, or newly): it becomes the hint when it replaces it or is larger.
 */
static inline void hint_note(struct sys_heap *heap, unsigned int k, size_t c, size_t units,
			     size_t old)
{
	/* (Size builds: a chunk added newly, old ~0, is never the hint: one test less there.) */
	if (k == heap->cap_class &&
	    ((!Z_HEAP_SPECIALIZE && old == ~(size_t)0 ? false : heap->cap_hint == old) ||
	     units > heap->cap_hint_units)) {
		heap->cap_hint = (uint32_t)c;
		heap->cap_hint_units = (uint32_t)units;
	}
}

#if Z_HEAP_OPS_BODIES
/* Unlink free chunk @p c of class @p k (its links already checked when the level asks). */
Z_HEAP_OP void ZH_OP(list_remove)(const struct zh *z, size_t c, unsigned int k)
{
	struct z_heap *h = z->h;
	zl_t lay = ZH_LAY(z);
	size_t p = link_get(h, lay, c, 0);
	size_t n = link_get(h, lay, c, 1);

	if (n != 0u) {
		link_set(h, lay, n, 0, p);
	}
	if (p != 0u) {
		link_set(h, lay, p, 1, n);
	} else {
		head_set(h, lay, k, n);
		if (n == 0u) {
			bitmap_clear(z->heap, k);
		}
	}
	if (c == z->heap->cap_hint) {
		z->heap->cap_hint = 0;
		z->heap->cap_hint_units = 0;
	}
}

/* Push free chunk @p c of @p units on list @p k (its head already checked when the level asks). */
Z_HEAP_OP void ZH_OP(list_add)(const struct zh *z, size_t c, unsigned int k, size_t units)
{
	struct z_heap *h = z->h;
	zl_t lay = ZH_LAY(z);
	size_t x = head_get(h, lay, k);

	hint_note(z->heap, k, c, units, ~(size_t)0);
	link_set(h, lay, c, 0, 0);
	link_set(h, lay, c, 1, x);
	head_set(h, lay, k, c);
	if (x != 0u) {
		link_set(h, lay, x, 0, c);
	} else {
		bitmap_set(z->heap, k);
	}
}

/*
 * Free chunk @p c takes the place of free chunk @p old on list @p k (old's links already checked
 * when the level asks): c's class is old's, so no head or bitmap bit changes but old's own.
 */
Z_HEAP_OP void ZH_OP(list_replace)(const struct zh *z, size_t old, size_t c, unsigned int k)
{
	struct z_heap *h = z->h;
	zl_t lay = ZH_LAY(z);
	size_t p = link_get(h, lay, old, 0);
	size_t n = link_get(h, lay, old, 1);

	link_set(h, lay, c, 0, p);
	link_set(h, lay, c, 1, n);
	if (p != 0u) {
		link_set(h, lay, p, 1, c);
	} else {
		head_set(h, lay, k, c);
	}
	if (n != 0u) {
		link_set(h, lay, n, 0, c);
	}
}

/*
 * Free chunk @p c of class @p k gives up its top (to a block): it keeps its lowest @p tu units,
 * in its list place while its class does not change (its links neither read nor written),
 * else on the list of its new class; with less than a minimum chunk left it leaves its list
 * whole. Its links, and the new list's head, already checked when the level asks. Returns the
 * first unit given up (@p c when the whole chunk goes).
 */
Z_HEAP_OP size_t ZH_OP(cut_top)(const struct zh *z, size_t c, unsigned int k, size_t tu)
{
	struct z_heap *h = z->h;
	zl_t lay = ZH_LAY(z);

	if (tu < min_chunk(lay)) {
		list_remove(z, c, k);
		return c;
	}
	unsigned int tk = class_of(lay, z->kmax, tu);

	if (tk != k) {
		list_remove(z, c, k);
		list_add(z, c, tk, tu);
	} else if (c == z->heap->cap_hint) {
		z->heap->cap_hint_units = (uint32_t)tu; /* the remembered chunk shrank */
	}
	set_size_used(h, lay, c, tu, false);
	set_left_size(h, lay, c + tu, tu);
	return c + tu;
}

/* Links of free chunk @p c, expected on list @p k: in range and pointing back at c. */
Z_HEAP_OP bool ZH_OP(links_ok)(const struct zh *z, size_t c, unsigned int k)
{
	struct z_heap *h = z->h;
	zl_t lay = ZH_LAY(z);
	size_t p = link_get(h, lay, c, 0);
	size_t n = link_get(h, lay, c, 1);

	if (p == 0u ? head_get(h, lay, k) != c
		    : !zh_in_range(z, p) || link_get(h, lay, p, 1) != c) {
		return false;
	}
	return n == 0u || (zh_in_range(z, n) && link_get(h, lay, n, 0) == c);
}

/*
 * Head of list @p k may take a new predecessor: empty, or in range with none yet. A head that
 * is about to be unlinked (@p skip1, @p skip2) is not checked: its successor was.
 */
Z_HEAP_OP bool ZH_OP(head_ok)(const struct zh *z, unsigned int k, size_t skip1, size_t skip2)
{
	size_t x = head_get(z->h, ZH_LAY(z), k);

	return x == 0u || x == skip1 || x == skip2 ||
	       (zh_in_range(z, x) && link_get(z->h, ZH_LAY(z), x, 0) == 0u);
}

/*
 * Free used chunk @p c of @p units, merging it with free neighbours. @p lu is its left size,
 * @p rw and @p lw its right and left neighbours' header words (size << 1 | used), all already
 * checked by the caller (level 1 and up): the neighbours echo c, the left neighbour starts after
 * chunk 0 and a free right neighbour ends within the heap, echoed. Level 2 checks here, before
 * any write, the links of each neighbour that leaves its list and the head of the list the
 * result joins: false (nothing written) when one is inconsistent. With @p apply false it only
 * checks.
 */
Z_HEAP_OP bool ZH_OP(free_merge)(const struct zh *z, size_t c, size_t units, size_t lu, size_t rw,
				 size_t lw, bool apply)
{
	struct z_heap *h = z->h;
	zl_t lay = ZH_LAY(z);
	size_t r = 0;
	size_t l = 0;
	unsigned int rk = 0;
	unsigned int lk = 0;

	if ((rw & 1u) == 0u) {
		r = c + units;
		rk = class_of(lay, z->kmax, rw >> 1);
		units += rw >> 1;
		if (Z_HEAP_LEVEL >= 2 && !links_ok(z, r, rk)) {
			return false;
		}
	}
	if ((lw & 1u) == 0u) {
		l = c - lu;
		lk = class_of(lay, z->kmax, lu);
		units += lu;
		c = l;
	}
	unsigned int k = class_of(lay, z->kmax, units);

#if !Z_HEAP_SPECIALIZE && !Z_HEAP_COMPACT
	/*
	 * Size builds: the same three cases as below, written as one sequence. keep is the chunk
	 * whose list place the result takes (the left neighbour growing within its class, or the
	 * right one when c joins it alone within its class), 0 when it joins its list afresh.
	 */
	if (Z_HEAP_LEVEL >= 2 && !(l != 0u && lk == k) && !(r != 0u && l == 0u && rk == k) &&
	    ((l != 0u && !links_ok(z, l, lk)) || !head_ok(z, k, r, l))) {
		return false;
	}
	if (Z_HEAP_LEVEL >= 2 && !apply) {
		return true;
	}
	size_t keep = 0;

	if (r != 0u) {
		if (l == 0u && rk == k) {
			list_replace(z, r, c, k);
			keep = r;
		} else {
			list_remove(z, r, rk);
		}
	}
	if (l != 0u) {
		if (lk == k) {
			keep = l;
		} else {
			list_remove(z, l, lk);
		}
	}
	if (keep != 0u) {
		hint_note(z->heap, k, c, units, keep);
	} else {
		list_add(z, c, k, units);
	}
#else
	/*
	 * (Compact: only the third case: the free neighbours leave their lists and the result
	 * joins the head of its own; no list place kept.)
	 */
	if (!Z_HEAP_COMPACT && l != 0u && lk == k) {
		/* The free left neighbour grows within its class: it keeps its place. */
		if (Z_HEAP_LEVEL >= 2 && !apply) {
			return true;
		}
		if (r != 0u) {
			list_remove(z, r, rk);
		}
		hint_note(z->heap, k, c, units, c);
	} else if (!Z_HEAP_COMPACT && r != 0u && l == 0u && rk == k) {
		/* Merged into its free right neighbour, within its class: c takes r's place. */
		if (Z_HEAP_LEVEL >= 2 && !apply) {
			return true;
		}
		list_replace(z, r, c, k);
		hint_note(z->heap, k, c, units, r);
	} else {
		if (Z_HEAP_LEVEL >= 2 &&
		    ((l != 0u && !links_ok(z, l, lk)) || !head_ok(z, k, r, l))) {
			return false;
		}
		if (Z_HEAP_LEVEL >= 2 && !apply) {
			return true;
		}
		if (r != 0u) {
			list_remove(z, r, rk);
		}
		if (l != 0u) {
			list_remove(z, l, lk);
		}
		list_add(z, c, k, units);
	}
#endif
	if (Z_HEAP_COMPACT) {
		return true; /* (compact: list_add() wrote c's header and its right neighbour's) */
	}
	set_size_used(h, lay, c, units, false);
	set_left_size(h, lay, c + units, units);
	fit_raise(z->heap, lay, units);
	return true;
}
#endif

#endif /* ZMEM_LIB_HEAP_HEAP_OPS_H_ */
