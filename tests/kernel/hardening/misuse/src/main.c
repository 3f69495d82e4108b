/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Misuse of the kernel memory objects never waits and never reads outside the block (issue 13,
 * defects 3, 4 and 5). Each test failed on the code before the fix:
 *  - k_heap_realloc() of a foreign or freed pointer waited for its whole timeout;
 *  - a k_mem_slab block written to after its free, then freed again, was freed twice
 *    (num_used wrapped, the next two allocations returned the same block);
 *  - k_free()/k_realloc() read the 16 bytes before a foreign pointer (a fault when that page
 *    is unmapped).
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <zephyr/kernel.h>
#include <zephyr/sys/sys_heap.h>

#include <zephyr/ztest.h>

/* ---- k_heap_realloc never waits on a bad pointer (defect 3) ---- */

K_HEAP_DEFINE(rheap, 2048);

static int heap_errors;

static void count_heap_error(struct sys_heap *heap, void *mem, enum sys_heap_error err)
{
	(void)heap;
	(void)mem;
	(void)err;
	heap_errors++;
}

ZTEST(hardening_misuse, test_k_heap_realloc_bad_pointer_fails_at_once)
{
	static uint64_t foreign[16];
	void *live = k_heap_alloc(&rheap, 64, K_NO_WAIT);
	void *freed = k_heap_alloc(&rheap, 64, K_NO_WAIT);

	zassert_true(live != NULL && freed != NULL);
	k_heap_free(&rheap, freed);
	sys_heap_error_hook_set(count_heap_error);

	int64_t t0 = k_uptime_get();

	zassert_true(k_heap_realloc(&rheap, &foreign[4], 100, K_MSEC(500)) == NULL);
	zassert_equal(k_uptime_get() - t0, 0);
	zassert_true(k_heap_realloc(&rheap, freed, 100, K_MSEC(500)) == NULL);
	zassert_equal(k_uptime_get() - t0, 0);
	/* Pointer into the middle of a live block. */
	zassert_true(k_heap_realloc(&rheap, (char *)live + 8, 100, K_MSEC(500)) == NULL);
	zassert_equal(k_uptime_get() - t0, 0);
	/* K_FOREVER used to end in the deadlock report. */
	zassert_true(k_heap_realloc(&rheap, freed, 100, K_FOREVER) == NULL);
	zassert_equal(k_uptime_get() - t0, 0);
	/* Each bad call was reported, once. */
	zassert_equal(heap_errors, 4);

	/* A good pointer still grows (and would wait when memory is short). */
	void *grown = k_heap_realloc(&rheap, live, 200, K_MSEC(10));

	zassert_true(grown != NULL);
	zassert_equal(heap_errors, 4);
	k_heap_free(&rheap, grown);
	sys_heap_error_hook_set(NULL);
}

/* ---- k_mem_slab: the double-free check does not trust block contents (defect 4) ---- */

#define SLAB_BLOCKS 6
K_MEM_SLAB_DEFINE(uaf_slab, 32, SLAB_BLOCKS, 8);

static int slab_hook_calls[3];
static void *slab_hook_mem;

static void count_slab_error(struct k_mem_slab *slab, void *mem, enum k_mem_slab_error err)
{
	(void)slab;
	slab_hook_mem = mem;
	if ((unsigned int)err < 3U) {
		slab_hook_calls[err]++;
	}
}

static bool in_slab(struct k_mem_slab *s, void *p)
{
	uintptr_t off = (uintptr_t)p - (uintptr_t)s->buffer;

	return off < (uintptr_t)s->info.num_blocks * s->info.block_size &&
	       off % s->info.block_size == 0;
}

/* Take every block; all distinct and inside the buffer. Returns how many. */
static int take_all(struct k_mem_slab *s, void **out, int max)
{
	int n = 0;

	while (n < max && k_mem_slab_alloc(s, &out[n], K_NO_WAIT) == 0) {
		zassert_true(in_slab(s, out[n]));
		for (int i = 0; i < n; i++) {
			zassert_true(out[i] != out[n]);
		}
		n++;
	}
	return n;
}

static void give_all(struct k_mem_slab *s, void **blocks, int n)
{
	for (int i = 0; i < n; i++) {
		k_mem_slab_free(s, blocks[i]);
	}
}

static void check_slab_double_free_after_write(struct k_mem_slab *s)
{
	void *a, *b;
	void *all[SLAB_BLOCKS + 2];

	memset(slab_hook_calls, 0, sizeof(slab_hook_calls));
	zassert_equal(k_mem_slab_alloc(s, &a, K_NO_WAIT), 0);
	zassert_equal(k_mem_slab_alloc(s, &b, K_NO_WAIT), 0);
	k_mem_slab_free(s, a);
	/* A stale pointer writes into the freed block (over the free list's link and the old
	 * tag alike), then frees it again. */
	memset(a, 0x5A, s->info.block_size);
	k_mem_slab_free(s, a);
	zassert_equal(slab_hook_calls[K_MEM_SLAB_ERR_DOUBLE_FREE], 1);
	zassert_true(slab_hook_mem == a);
	zassert_equal(k_mem_slab_num_used_get(s), 1);
	for (int i = 0; i < 3; i++) {
		k_mem_slab_free(s, a);
	}
	zassert_equal(k_mem_slab_num_used_get(s), 1); /* never wraps */
	zassert_equal(slab_hook_calls[K_MEM_SLAB_ERR_DOUBLE_FREE], 4);

	/* Every block comes out exactly once, b never (it is still ours), none outside. */
	int n = take_all(s, all, SLAB_BLOCKS + 2);

	zassert_equal(n, SLAB_BLOCKS - 1);
	for (int i = 0; i < n; i++) {
		zassert_true(all[i] != b);
	}
	zassert_equal(k_mem_slab_num_used_get(s), SLAB_BLOCKS);
	give_all(s, all, n);
	k_mem_slab_free(s, b);
	zassert_equal(k_mem_slab_num_used_get(s), 0);
}

static void check_slab_damaged_link(struct k_mem_slab *s)
{
	void *blk[SLAB_BLOCKS];
	void *all[SLAB_BLOCKS + 2];
	static uint64_t outside[8];

	memset(slab_hook_calls, 0, sizeof(slab_hook_calls));
	zassert_equal(take_all(s, blk, SLAB_BLOCKS), SLAB_BLOCKS);
	/* Free 0 and 1 (list: 1 -> 0), then point 1's link at live block 2. */
	k_mem_slab_free(s, blk[0]);
	k_mem_slab_free(s, blk[1]);
	*(void **)blk[1] = blk[2];

	int n = take_all(s, all, SLAB_BLOCKS + 2);

	zassert_equal(n, 2);
	for (int i = 0; i < n; i++) {
		zassert_true(all[i] != blk[2]);
	}
	zassert_equal(slab_hook_calls[K_MEM_SLAB_ERR_FREE_LIST_CORRUPT], 1);
	give_all(s, all, n);

	/* A link outside the buffer, and one into the middle of a block. */
	*(void **)all[n - 1] = &outside[2];
	n = take_all(s, all, SLAB_BLOCKS + 2);
	zassert_equal(n, 2);
	give_all(s, all, n);
	*(void **)all[n - 1] = (char *)blk[3] + 8;
	n = take_all(s, all, SLAB_BLOCKS + 2);
	zassert_equal(n, 2);
	zassert_equal(slab_hook_calls[K_MEM_SLAB_ERR_FREE_LIST_CORRUPT], 3);
	give_all(s, all, n);

	/* A link that skips a free block (NULL): the lost block is found again from the map. */
	*(void **)all[n - 1] = NULL;
	n = take_all(s, all, SLAB_BLOCKS + 2);
	zassert_equal(n, 2);
	zassert_equal(k_mem_slab_num_used_get(s), SLAB_BLOCKS);
	give_all(s, all, n);
	for (int i = 2; i < SLAB_BLOCKS; i++) {
		k_mem_slab_free(s, blk[i]);
	}
	zassert_equal(k_mem_slab_num_used_get(s), 0);
	zassert_equal(slab_hook_calls[K_MEM_SLAB_ERR_DOUBLE_FREE], 0);
	zassert_equal(slab_hook_calls[K_MEM_SLAB_ERR_BAD_POINTER], 0);
}

ZTEST(hardening_misuse, test_slab_defined_double_free_after_write)
{
	k_mem_slab_error_hook_set(count_slab_error);
	check_slab_double_free_after_write(&uaf_slab);
	check_slab_damaged_link(&uaf_slab);
	k_mem_slab_error_hook_set(NULL);
}

/* The same through k_mem_slab_init() (its map comes from the init pool), re-initialized. */
ZTEST(hardening_misuse, test_slab_init_double_free_after_write)
{
	static uint64_t buf[SLAB_BLOCKS * 4];
	struct k_mem_slab s;

	k_mem_slab_error_hook_set(count_slab_error);
	for (int round = 0; round < 3; round++) {
		zassert_equal(k_mem_slab_init(&s, buf, 32, SLAB_BLOCKS), 0);
		check_slab_double_free_after_write(&s);
		check_slab_damaged_link(&s);
	}
	/* One-word blocks work the same way (no room for anything but the link). */
	static void *words[SLAB_BLOCKS];
	void *a, *b, *c;

	memset(slab_hook_calls, 0, sizeof(slab_hook_calls));
	zassert_equal(k_mem_slab_init(&s, words, sizeof(void *), SLAB_BLOCKS), 0);
	zassert_equal(k_mem_slab_alloc(&s, &a, K_NO_WAIT), 0);
	zassert_equal(k_mem_slab_alloc(&s, &b, K_NO_WAIT), 0);
	k_mem_slab_free(&s, a);
	*(void **)a = b; /* stale write: the link now names a live block */
	k_mem_slab_free(&s, a);
	zassert_equal(slab_hook_calls[K_MEM_SLAB_ERR_DOUBLE_FREE], 1);
	zassert_equal(k_mem_slab_alloc(&s, &c, K_NO_WAIT), 0);
	zassert_true(c == a);
	zassert_equal(k_mem_slab_alloc(&s, &c, K_NO_WAIT), 0);
	zassert_true(c != b && c != a);
	zassert_equal(k_mem_slab_num_used_get(&s), 3);
	k_mem_slab_error_hook_set(NULL);
}

/* ---- k_free / k_realloc never read before a foreign pointer (defect 5) ---- */

static char global_bytes[64] __attribute__((aligned(16)));

ZTEST(hardening_misuse, test_k_free_foreign_reads_nothing)
{
	long page = sysconf(_SC_PAGESIZE);
	char *map = mmap(NULL, 2 * (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			 -1, 0);

	zassert_true(map != MAP_FAILED);
	if (map == MAP_FAILED) {
		return;
	}
	/* The page below the pointer is closed: reading the 16-byte prefix would fault. */
	zassert_equal(mprotect(map, (size_t)page, PROT_NONE), 0);
	char *first = map + page;

	k_free(first);
	zassert_true(k_realloc(first, 32) == NULL);
	zassert_equal(k_malloc_usable_size(first), 0);
	/* A global: reading before it is a global-buffer-overflow for AddressSanitizer. */
	k_free(global_bytes);
	zassert_true(k_realloc(global_bytes, 8) == NULL);
	zassert_equal(k_malloc_usable_size(global_bytes), 0);
	zassert_equal(munmap(map, 2 * (size_t)page), 0);

	/* Real blocks still work, and a freed one is refused. */
	void *p = k_malloc(40);

	zassert_true(p != NULL);
	zassert_true(k_malloc_usable_size(p) >= 40);
	p = k_realloc(p, 400);
	zassert_true(p != NULL);
	k_free(p);
	k_free(p);
	zassert_true(k_realloc(p, 8) == NULL);
}

/* Blocks of a resource pool set up at run time are recognized too. */
ZTEST(hardening_misuse, test_k_free_runtime_pool)
{
	static char pool_mem[2048] __attribute__((aligned(8)));
	static struct k_heap pool;

	k_heap_init(&pool, pool_mem, sizeof(pool_mem));
	k_thread_heap_assign(k_current_get(), &pool);

	void *p = z_thread_malloc(100);

	zassert_true(p != NULL);
	zassert_true((char *)p > pool_mem && (char *)p < pool_mem + sizeof(pool_mem));

	struct sys_memory_stats st;

	zassert_equal(k_heap_runtime_stats_get(&pool, &st), 0);
	zassert_true(st.allocated_bytes > 0);
	k_free(p);
	zassert_equal(k_heap_runtime_stats_get(&pool, &st), 0);
	zassert_equal(st.allocated_bytes, 0);
	/* Its first bytes are not a block: nothing before the buffer is read. */
	k_free(pool_mem);
	k_thread_heap_assign(k_current_get(), NULL);
}

ZTEST_SUITE(hardening_misuse, NULL, NULL, NULL, NULL, NULL);
