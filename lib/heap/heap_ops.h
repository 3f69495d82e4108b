/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Free-list operations and the checked free path, inlined into the allocation and free
 * paths (one copy per layout in speed builds).
 *
 * Hardening level 2 and up (moderate) checks every chunk index and size read from the heap
 * before it is used to address memory: a list link must lie between the first chunk and the end
 * marker and point back (next->prev == c, prev->next == c, or the list head == c); a chunk taken
 * from a list must be free, end within the heap and be echoed by its right neighbour's left size;
 * a list head that gets a new predecessor must be in range with no predecessor of its own. So
 * no overwritten metadata makes the heap write outside its buffer or take a used chunk from a
 * list; the call that finds the damage reports it and changes nothing.
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
#else
#define Z_HEAP_OP
#define list_remove     z_heap_list_remove
#define list_add        z_heap_list_add
#define links_ok        z_heap_links_ok
#define head_ok         z_heap_head_ok
/* Size builds read the headers again rather than pass check_impl()'s (see free_plan()). */
#define free_plan(z, c, f, pre)            z_heap_free_plan(z, c, f)
#define free_apply                         z_heap_free_apply
#define free_chunk_impl(z, c, mem, pre)    z_heap_free_chunk_impl(z, c, mem)
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
	bool big;
};

Z_HEAP_HOT struct zh zh_get(struct sys_heap *heap, bool big)
{
	struct zh z = {heap, heap->heap, heap->first, heap->end, heap->kmax, big};

	return z;
}

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
static inline size_t heap_max_bytes(struct sys_heap *heap, bool big)
{
	return chunk_usable(big, heap->end - heap->first);
}

/* What freeing a chunk will do: merge with r and/or l (0: not), join list k. */
struct zfree {
	size_t c;     /* start of the merged chunk */
	size_t units; /* its size */
	size_t r;     /* free right neighbour merged, or 0 */
	size_t l;     /* free left neighbour merged, or 0 */
	unsigned int rk, lk, k;
};

/* Header words of a chunk to free, as check_impl() read and checked them. */
struct zhdr {
	size_t units; /* its size */
	size_t lu;    /* its left size */
	size_t rw;    /* right neighbour's size << 1 | used */
	size_t lw;    /* left neighbour's size << 1 | used */
};

#if Z_HEAP_OPS_BODIES
/* Unlink free chunk @p c of class @p k (its links already checked when the level asks). */
Z_HEAP_OP void list_remove(const struct zh *z, size_t c, unsigned int k)
{
	struct z_heap *h = z->h;
	bool big = z->big;
	size_t p = link_get(h, big, c, 0);
	size_t n = link_get(h, big, c, 1);

	if (n != 0u) {
		link_set(h, big, n, 0, p);
	}
	if (p != 0u) {
		link_set(h, big, p, 1, n);
	} else {
		head_set(h, big, k, n);
		if (n == 0u) {
			z->heap->bitmap &= ~((uint64_t)1 << k);
		}
	}
}

/* Push free chunk @p c on list @p k (its head already checked when the level asks). */
Z_HEAP_OP void list_add(const struct zh *z, size_t c, unsigned int k)
{
	struct z_heap *h = z->h;
	bool big = z->big;
	size_t x = head_get(h, big, k);

	link_set(h, big, c, 0, 0);
	link_set(h, big, c, 1, x);
	head_set(h, big, k, c);
	if (x != 0u) {
		link_set(h, big, x, 0, c);
	} else {
		z->heap->bitmap |= (uint64_t)1 << k;
	}
}

/* Links of free chunk @p c, expected on list @p k: in range and pointing back at c. */
Z_HEAP_OP bool links_ok(const struct zh *z, size_t c, unsigned int k)
{
	struct z_heap *h = z->h;
	bool big = z->big;
	size_t p = link_get(h, big, c, 0);
	size_t n = link_get(h, big, c, 1);

	if (p == 0u ? head_get(h, big, k) != c
		    : !zh_in_range(z, p) || link_get(h, big, p, 1) != c) {
		return false;
	}
	return n == 0u || (zh_in_range(z, n) && link_get(h, big, n, 0) == c);
}

/*
 * Head of list @p k may take a new predecessor: empty, or in range with none yet. A head that
 * is about to be unlinked (@p skip1, @p skip2) is not checked: its successor was.
 */
Z_HEAP_OP bool head_ok(const struct zh *z, unsigned int k, size_t skip1, size_t skip2)
{
	size_t x = head_get(z->h, z->big, k);

	return x == 0u || x == skip1 || x == skip2 ||
	       (zh_in_range(z, x) && link_get(z->h, z->big, x, 0) == 0u);
}


/*
 * Plan the free of used chunk @p c, merging with free neighbours. @p c itself passed the free
 * checks (its size and left size are echoed by its neighbours). Every check runs here, before
 * any write: false when a neighbour or a list head is inconsistent. @p pre, when not NULL: the
 * headers as check_impl() (level 1 and up) read them, having already checked that the left
 * neighbour starts after chunk 0 and echoes the left size, and that a free right neighbour ends
 * within the heap and is echoed by its own right neighbour; those reads and checks are not
 * repeated (inlined in sys_heap_free(), where the compiler does not merge them by itself).
 */
Z_HEAP_OP bool free_plan(const struct zh *z, size_t c, struct zfree *f, const struct zhdr *pre)
{
	struct z_heap *h = z->h;
	bool big = z->big;
#if Z_HEAP_SPECIALIZE
	bool checked = pre != NULL;
#else
	const struct zhdr *pre = NULL; /* size builds drop the parameter (see the macro above) */
	bool checked = false;
#endif
	size_t units = checked ? pre->units : chunk_size(h, big, c);
	size_t r = c + units;
	size_t rw = checked ? pre->rw : hdr_get(h, big, r, 0);
	size_t ru = rw >> 1;
	size_t lu = checked ? pre->lu : left_size(h, big, c);
	size_t l = c - lu;

	f->rk = 0;
	f->lk = 0;
	if (!checked && lu - 1u >= c) {
		return false; /* the left neighbour starts before chunk 0 */
	}
	size_t lw = checked ? pre->lw : hdr_get(h, big, l, 0);

	if ((rw & 1u) == 0u) {
		/* The right neighbour's own extent must be sane before it is merged. */
		if (!checked && (ru - 1u >= z->end - r || left_size(h, big, r + ru) != ru)) {
			return false;
		}
		f->rk = class_of(big, z->kmax, ru);
		units += ru;
	} else {
		r = 0;
	}
	if ((lw & 1u) == 0u) {
		if (!checked && (lw >> 1) != lu) {
			return false;
		}
		f->lk = class_of(big, z->kmax, lu);
		units += lu;
		c = l;
	} else {
		l = 0;
	}
	f->c = c;
	f->units = units;
	f->r = r;
	f->l = l;
	f->k = class_of(big, z->kmax, units);
#if Z_HEAP_LEVEL >= 2
	if ((r != 0u && !links_ok(z, r, f->rk)) || (l != 0u && !links_ok(z, l, f->lk)) ||
	    !head_ok(z, f->k, r, l)) {
		return false;
	}
#endif
	return true;
}

/* Carry out a planned free. */
Z_HEAP_OP void free_apply(const struct zh *z, const struct zfree *f)
{
	if (f->r != 0u) {
		list_remove(z, f->r, f->rk);
	}
	if (f->l != 0u) {
		list_remove(z, f->l, f->lk);
	}
	set_size_used(z->h, z->big, f->c, f->units, false);
	set_left_size(z->h, z->big, f->c + f->units, f->units);
	list_add(z, f->c, f->k);
	z->heap->fit_limit = chunk_usable(z->big, z->end - z->first);
}

/*
 * Free used chunk @p c (checked; @p pre as for free_plan()); false after reporting corruption
 * as a problem with @p mem.
 */
Z_HEAP_OP bool free_chunk_impl(const struct zh *z, size_t c, void *mem, const struct zhdr *pre)
{
	struct zfree f;

	if (!free_plan(z, c, &f, pre)) {
		z_heap_report(z->heap, mem, SYS_HEAP_ERR_CORRUPT_HEADER);
		return false;
	}
	free_apply(z, &f);
	return true;
}

#else
Z_HEAP_OP void list_remove(const struct zh *z, size_t c, unsigned int k);
Z_HEAP_OP void list_add(const struct zh *z, size_t c, unsigned int k);
Z_HEAP_OP bool links_ok(const struct zh *z, size_t c, unsigned int k);
Z_HEAP_OP bool head_ok(const struct zh *z, unsigned int k, size_t skip1, size_t skip2);
Z_HEAP_OP bool free_plan(const struct zh *z, size_t c, struct zfree *f, const struct zhdr *pre);
Z_HEAP_OP void free_apply(const struct zh *z, const struct zfree *f);
Z_HEAP_OP bool free_chunk_impl(const struct zh *z, size_t c, void *mem, const struct zhdr *pre);
#endif

#endif /* ZMEM_LIB_HEAP_HEAP_OPS_H_ */
