/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Anonymous memory mappings (<zephyr/kernel/mm.h>) from the host's pages: each mapping is
 * reserved with a no-access page on each side, as Zephyr places guard pages around k_mem_map()
 * regions, and its own pages get the protection its flags ask for.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include <zephyr/kernel.h>
#include <zephyr/kernel/mm.h>
#include <zephyr/logging/log.h>

LOG_MODULE_DECLARE(os, CONFIG_LOG_DEFAULT_LEVEL);

/*
 * The live mappings. k_mem_unmap() and k_mem_update_flags() act only on what k_mem_map()
 * returned: Zephyr refuses an unmap whose guard pages are not there, and on the host an
 * unchecked munmap() or mprotect() would take away or open the process's own memory (its data,
 * its heap, a thread's stack) without a word.
 */
struct mapping {
	struct mapping *next;
	uint8_t *start; /* what k_mem_map() returned (the guard page below is start - page) */
	size_t size;    /* without the guard pages */
};

static struct mapping *mappings;
static struct k_spinlock mappings_lock;

/* The live mapping that holds [addr, addr + size), or NULL; with its predecessor's link. */
static struct mapping **mapping_find(const uint8_t *addr, size_t size)
{
	for (struct mapping **m = &mappings; *m != NULL; m = &(*m)->next) {
		if ((uintptr_t)addr >= (uintptr_t)(*m)->start &&
		    (uintptr_t)addr - (uintptr_t)(*m)->start <= (*m)->size &&
		    size <= (*m)->size - (size_t)((uintptr_t)addr - (uintptr_t)(*m)->start)) {
			return m;
		}
	}
	return NULL;
}

static size_t page_size(void)
{
	long p = sysconf(_SC_PAGESIZE);

	return p > 0 ? (size_t)p : 4096U;
}

static int prot_of(uint32_t flags)
{
	return PROT_READ | ((flags & K_MEM_PERM_RW) != 0U ? PROT_WRITE : 0) |
	       ((flags & K_MEM_PERM_EXEC) != 0U ? PROT_EXEC : 0);
}

size_t k_mem_free_get(void)
{
	long pages = sysconf(_SC_AVPHYS_PAGES);

	if (pages <= 0) {
		return 0U;
	}
	/* (A 32-bit process on a host with 4 GiB or more free: the most a size_t says.) */
	return (unsigned long)pages > SIZE_MAX / page_size() ? SIZE_MAX
							      : (size_t)pages * page_size();
}

void *k_mem_map(size_t size, uint32_t flags)
{
	size_t page = page_size();
	uint8_t *base;
	struct mapping *m;

	if (size == 0U || (size & (page - 1U)) != 0U || size > SIZE_MAX - 2U * page) {
		LOG_ERR("k_mem_map(%zu): the size must be a positive multiple of %zu", size, page);
		return NULL;
	}
	if ((flags & K_MEM_MAP_UNINIT) != 0U && (flags & K_MEM_PERM_USER) != 0U) {
		LOG_ERR("k_mem_map(): K_MEM_MAP_UNINIT may not be used with K_MEM_PERM_USER");
		return NULL;
	}
	m = malloc(sizeof(*m));
	if (m == NULL) {
		return NULL;
	}
	/* The whole reservation starts with no access: the guard pages stay that way. */
	base = mmap(NULL, size + 2U * page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED) {
		free(m);
		return NULL;
	}
	if (mprotect(base + page, size, prot_of(flags)) != 0) {
		(void)munmap(base, size + 2U * page);
		free(m);
		return NULL;
	}
	if ((flags & K_MEM_MAP_LOCK) != 0U) {
		/* Best effort: an unprivileged process may not lock memory; pages stay usable. */
		(void)mlock(base + page, size);
	}
	m->start = base + page;
	m->size = size;
	k_spinlock_key_t key = k_spin_lock(&mappings_lock);

	m->next = mappings;
	mappings = m;
	k_spin_unlock(&mappings_lock, key);
	/* Anonymous pages come zeroed from the host, with or without K_MEM_MAP_UNINIT. */
	return m->start;
}

void k_mem_unmap(void *addr, size_t size)
{
	size_t page = page_size();

	if (addr == NULL || ((uintptr_t)addr & (page - 1U)) != 0U || size == 0U ||
	    (size & (page - 1U)) != 0U || size > SIZE_MAX - 2U * page) {
		LOG_ERR("k_mem_unmap(%p, %zu): not a page-aligned region", addr, size);
		return;
	}
	k_spinlock_key_t key = k_spin_lock(&mappings_lock);
	struct mapping **link = mapping_find(addr, size);
	struct mapping *m = link != NULL ? *link : NULL;

	/* Only a whole mapping goes: a part of one has no guard pages around it. */
	if (m == NULL || m->start != addr || m->size != size) {
		k_spin_unlock(&mappings_lock, key);
		LOG_ERR("k_mem_unmap(%p, %zu): not a region k_mem_map() returned", addr, size);
		return;
	}
	*link = m->next;
	k_spin_unlock(&mappings_lock, key);
	free(m);
	(void)munmap((uint8_t *)addr - page, size + 2U * page);
}

int k_mem_update_flags(void *addr, size_t size, uint32_t flags)
{
	size_t page = page_size();

	if (addr == NULL || ((uintptr_t)addr & (page - 1U)) != 0U || (size & (page - 1U)) != 0U) {
		return -EINVAL;
	}
	k_spinlock_key_t key = k_spin_lock(&mappings_lock);
	bool mapped = mapping_find(addr, size) != NULL;

	k_spin_unlock(&mappings_lock, key);
	if (!mapped) {
		LOG_ERR("k_mem_update_flags(%p, %zu): not inside a region k_mem_map() returned", addr,
			size);
		return -EINVAL;
	}
	return mprotect(addr, size, prot_of(flags)) == 0 ? 0 : -EINVAL;
}

size_t k_mem_region_align(uintptr_t *aligned_addr, size_t *aligned_size, uintptr_t addr,
			  size_t size, size_t align)
{
	uintptr_t start = addr & ~(uintptr_t)(align - 1U);
	uintptr_t end = (addr + size + align - 1U) & ~(uintptr_t)(align - 1U);

	*aligned_addr = start;
	*aligned_size = (size_t)(end - start);
	return (size_t)(addr - start);
}
