/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Which memory holds a kernel object: the defining macros' records and a table of the
 * objects set up at run time in static memory (kernel/include/kobject_registry.h).
 *
 * Static memory is found once, with dl_iterate_phdr(): the writable loaded segments (.data,
 * .bss) of the program and of every library loaded by then, less what the kernel hands out of
 * it (thread stacks, k_heap buffers). An object set up on a stack or in a heap block is not
 * remembered, which is Zephyr's answer too (its table holds variables only) and keeps the table
 * bounded by the program's own objects. The table is an open-addressed hash set of
 * CONFIG_ZMEM_KOBJ_INIT_RECORDS slots; objects are never removed (static memory stays). Should
 * it fill, every address in static memory outside stacks and heaps counts as an object from
 * then on (k_object_access_check() says -EPERM where it would say -EBADF), with one log
 * message: a wrong -EBADF would deny an object, the other way only blurs a diagnosis.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* dl_iterate_phdr() */
#endif
#include <stdint.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "kernel_internal.h"
#include "kobject_registry.h"

#if Z_KOBJ_REGISTRY
#include <link.h>

LOG_MODULE_REGISTER(kobject_registry, CONFIG_LOG_DEFAULT_LEVEL);

#ifndef CONFIG_ZMEM_KOBJ_INIT_RECORDS
#define CONFIG_ZMEM_KOBJ_INIT_RECORDS 1024
#endif

/* Writable segments of the loaded objects: a program has a handful (itself, libc, ld.so...). */
#define STATIC_RANGES_MAX 32

struct range {
	uintptr_t lo, hi; /* [lo, hi) */
};

static struct range ranges[STATIC_RANGES_MAX];
static int nranges;
static bool ranges_found;

static const void *slots[CONFIG_ZMEM_KOBJ_INIT_RECORDS];
static unsigned int used;
static bool full;
static struct k_spinlock reg_lock;

/* The defining macros' records (<zephyr/kernel/kobject_static.h>). */
extern const void *const __start_zmem_kobj_static[] __attribute__((weak));
extern const void *const __stop_zmem_kobj_static[] __attribute__((weak));

static int add_ranges(struct dl_phdr_info *info, size_t size, void *arg)
{
	(void)size;
	(void)arg;
	for (int i = 0; i < info->dlpi_phnum && nranges < STATIC_RANGES_MAX; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];

		if (ph->p_type == PT_LOAD && (ph->p_flags & PF_W) != 0U && ph->p_memsz != 0U) {
			uintptr_t lo = (uintptr_t)info->dlpi_addr + (uintptr_t)ph->p_vaddr;

			ranges[nranges].lo = lo;
			ranges[nranges].hi = lo + (uintptr_t)ph->p_memsz;
			nranges++;
		}
	}
	return 0;
}

/*
 * Found before main() (and before any thread exists), so that z_object_init() never runs the
 * loader's walk itself, which takes the loader's lock, in an interrupt.
 */
__attribute__((constructor)) static void find_static_ranges(void)
{
	if (!ranges_found) {
		dl_iterate_phdr(add_ranges, NULL);
		ranges_found = true;
	}
}

/*
 * Whether @p obj lies where a variable can: static memory, less the parts of it the kernel
 * hands out (the stack objects of K_THREAD_STACK_DEFINE, the buffers of K_HEAP_DEFINE heaps and
 * so the system heap's): an object there is on a thread's stack or in a heap block.
 */
static bool in_variable_memory(const void *obj)
{
	uintptr_t p = (uintptr_t)obj;
	struct k_heap *heaps;
	int nheaps;
	bool found = false;

	find_static_ranges(); /* an object set up by an earlier constructor */
	for (int i = 0; i < nranges && !found; i++) {
		found = p >= ranges[i].lo && p < ranges[i].hi;
	}
	if (!found || z_stack_obj_contains(obj)) {
		return false;
	}
	nheaps = k_heap_array_get(&heaps);
	for (int i = 0; i < nheaps; i++) {
		uintptr_t base = (uintptr_t)heaps[i].heap.init_mem;

		if (p >= base && p - base < heaps[i].heap.init_bytes) {
			return false;
		}
	}
	return true;
}

/* First slot of @p obj's probe sequence: a multiplicative hash of its address. */
static unsigned int home_slot(const void *obj)
{
	uint64_t h = (uint64_t)(uintptr_t)obj * 0x9e3779b97f4a7c15ULL;

	return (unsigned int)((h >> 32) % CONFIG_ZMEM_KOBJ_INIT_RECORDS);
}

/* The slot holding @p obj, or the empty one where it would go (lock held). */
static unsigned int probe_locked(const void *obj)
{
	unsigned int i = home_slot(obj);

	while (slots[i] != NULL && slots[i] != obj) {
		i = (i + 1U) % CONFIG_ZMEM_KOBJ_INIT_RECORDS;
	}
	return i;
}

void z_object_init(const void *obj)
{
	k_spinlock_key_t key;
	bool overflow = false;

	if (obj == NULL || !in_variable_memory(obj)) {
		return;
	}
	key = k_spin_lock(&reg_lock);
	if (!full) {
		unsigned int i = probe_locked(obj);

		if (slots[i] == NULL) {
			/* At most three quarters full: every probe ends at an empty slot. */
			if ((used + 1U) * 4U > CONFIG_ZMEM_KOBJ_INIT_RECORDS * 3U) {
				full = overflow = true;
			} else {
				slots[i] = obj;
				used++;
			}
		}
	}
	k_spin_unlock(&reg_lock, key);
	if (overflow) {
		LOG_WRN("more than %u kernel objects in static memory were set up at run time; any "
			"static memory outside stacks and heaps now counts as a kernel object for "
			"k_object_access_check() (raise CONFIG_ZMEM_KOBJ_INIT_RECORDS)",
			(unsigned int)(CONFIG_ZMEM_KOBJ_INIT_RECORDS * 3U / 4U));
	}
}

bool z_object_is_known(const void *obj)
{
	k_spinlock_key_t key;
	bool known;

	for (const void *const *r = __start_zmem_kobj_static;
	     r != NULL && r < __stop_zmem_kobj_static; r++) {
		if (*r == obj) {
			return true;
		}
	}
	if (z_stack_obj_defined(obj)) {
		return true;
	}
	if (!in_variable_memory(obj)) {
		return false;
	}
	key = k_spin_lock(&reg_lock);
	known = full || slots[probe_locked(obj)] == obj;
	k_spin_unlock(&reg_lock, key);
	return known;
}

#endif /* Z_KOBJ_REGISTRY */
