/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Anonymous memory mappings (<zephyr/kernel/mm.h>): zeroed page-aligned memory with the
 * protection its flags ask for, a guard page on each side, protection changed in place,
 * refused sizes, and k_mem_region_align()'s arithmetic.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/kernel/mm.h>
#include <zephyr/ztest.h>
#include <zephyr/ztest_error_hook.h>

#define PAGE       CONFIG_MMU_PAGE_SIZE
#define STACK_SIZE 4096

static K_THREAD_STACK_DEFINE(stack, STACK_SIZE);
static struct k_thread thread;
static volatile unsigned int fault_reason;
static volatile int faults;

void ztest_post_fatal_error_hook(unsigned int reason, const struct arch_esf *esf)
{
	(void)esf;
	fault_reason = reason;
	faults++;
}

static void write_entry(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	ztest_set_fault_valid(true);
	*(volatile uint8_t *)p1 = 0x5a;
	ztest_set_fault_valid(false);
}

/* Write one byte at @p addr on a thread of its own: true if the write faulted. */
static bool write_faults(void *addr)
{
	int before = faults;

	k_thread_create(&thread, stack, STACK_SIZE, write_entry, addr, NULL, NULL,
			K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	zassert_ok(k_thread_join(&thread, K_FOREVER));
	if (faults == before) {
		return false;
	}
	zassert_equal(fault_reason, K_ERR_CPU_EXCEPTION);
	return true;
}

ZTEST(kernel_mm, test_map_rw_zeroed)
{
	uint8_t *p = k_mem_map(3 * PAGE, K_MEM_PERM_RW);

	zassert_not_null(p);
	zassert_equal((uintptr_t)p % PAGE, 0U, "page-aligned");
	for (size_t i = 0; i < 3 * PAGE; i++) {
		zassert_equal(p[i], 0, "byte %zu not zeroed", i);
	}
	memset(p, 0xab, 3 * PAGE);
	zassert_equal(p[3 * PAGE - 1], 0xab);
	zassert_false(write_faults(&p[PAGE]), "inside the mapping");
	zassert_equal(p[PAGE], 0x5a);
	k_mem_unmap(p, 3 * PAGE);
}

ZTEST(kernel_mm, test_guard_pages)
{
	uint8_t *p = k_mem_map(PAGE, K_MEM_PERM_RW);

	zassert_not_null(p);
	zassert_true(write_faults(p - 1), "the guard page below");
	zassert_true(write_faults(p + PAGE), "the guard page above");
	k_mem_unmap(p, PAGE);
}

ZTEST(kernel_mm, test_read_only_and_update_flags)
{
	uint8_t *p = k_mem_map(2 * PAGE, 0);

	zassert_not_null(p);
	zassert_equal(p[10], 0, "readable");
	zassert_true(write_faults(&p[10]), "read-only without K_MEM_PERM_RW");
	zassert_ok(k_mem_update_flags(p, 2 * PAGE, K_MEM_PERM_RW));
	zassert_false(write_faults(&p[10]));
	zassert_ok(k_mem_update_flags(p + PAGE, PAGE, 0));
	zassert_true(write_faults(&p[PAGE + 1]), "second page read-only again");
	zassert_false(write_faults(&p[1]), "first page still writable");
	zassert_equal(k_mem_update_flags(p + 1, PAGE, K_MEM_PERM_RW), -EINVAL);
	k_mem_unmap(p, 2 * PAGE);
}

ZTEST(kernel_mm, test_refused)
{
	zassert_is_null(k_mem_map(0, K_MEM_PERM_RW));
	zassert_is_null(k_mem_map(PAGE + 1, K_MEM_PERM_RW), "not a page multiple");
	zassert_is_null(k_mem_map(SIZE_MAX - PAGE + 1, K_MEM_PERM_RW), "overflows with guards");
	zassert_is_null(k_mem_map(PAGE, K_MEM_PERM_RW | K_MEM_PERM_USER | K_MEM_MAP_UNINIT));
	zassert_true(k_mem_free_get() > 0);
}

/* Host memory that k_mem_map() did not return: a static page-aligned buffer. */
static uint8_t victim[2 * PAGE] __aligned(PAGE);

ZTEST(kernel_mm, test_unmap_only_what_was_mapped)
{
	uint8_t *p = k_mem_map(2 * PAGE, K_MEM_PERM_RW);

	zassert_not_null(p);
	/* Not from k_mem_map(): refused, the process's own memory stays usable. */
	k_mem_unmap(victim, PAGE);
	k_mem_unmap(victim + PAGE, PAGE);
	zassert_false(write_faults(&victim[0]), "a refused unmap took the data away");
	zassert_false(write_faults(&victim[PAGE]));
	zassert_equal(victim[PAGE], 0x5a);
	/* Part of a mapping, or a mapping with the wrong size: refused, the mapping stays whole. */
	k_mem_unmap(p, PAGE);
	k_mem_unmap(p + PAGE, PAGE);
	k_mem_unmap(p, 4 * PAGE);
	zassert_false(write_faults(&p[0]));
	zassert_false(write_faults(&p[PAGE]));
	zassert_equal(p[PAGE], 0x5a);
	k_mem_unmap(p, 2 * PAGE);
}

ZTEST(kernel_mm, test_update_flags_only_inside_a_mapping)
{
	uint8_t *p = k_mem_map(2 * PAGE, K_MEM_PERM_RW);

	zassert_not_null(p);
	zassert_equal(k_mem_update_flags(victim, PAGE, 0), -EINVAL, "not a mapping");
	zassert_false(write_faults(&victim[1]), "a refused change made the data read-only");
	zassert_equal(k_mem_update_flags(p, 3 * PAGE, 0), -EINVAL, "runs past the mapping");
	zassert_equal(k_mem_update_flags(p - PAGE, PAGE, K_MEM_PERM_RW), -EINVAL, "guard page");
	zassert_true(write_faults(p - 1), "the guard page below stays closed");
	zassert_false(write_faults(&p[2 * PAGE - 1]));
	zassert_ok(k_mem_update_flags(p + PAGE, PAGE, 0), "a part of a mapping");
	zassert_true(write_faults(&p[PAGE]));
	k_mem_unmap(p, 2 * PAGE);
}

ZTEST(kernel_mm, test_region_align)
{
	uintptr_t addr;
	size_t size;

	zassert_equal(k_mem_region_align(&addr, &size, 0x1234, 0x10, 0x1000), 0x234);
	zassert_equal(addr, 0x1000);
	zassert_equal(size, 0x1000);
	zassert_equal(k_mem_region_align(&addr, &size, 0x1ff8, 0x10, 0x1000), 0xff8);
	zassert_equal(addr, 0x1000);
	zassert_equal(size, 0x2000, "crosses a boundary");
	zassert_equal(k_mem_region_align(&addr, &size, 0x3000, 0x1000, 0x1000), 0);
	zassert_equal(addr, 0x3000);
	zassert_equal(size, 0x1000);
}

ZTEST_SUITE(kernel_mm, NULL, NULL, NULL, NULL, NULL);
