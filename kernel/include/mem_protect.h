/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Internal interface of the stacks and memory-protection layer: the page-protection
 * engine in arch/host/memory_protection.c, used by kernel/mem_domain.c, kernel/userspace.c,
 * kernel/dynamic_stack.c and the fault handler in arch/host/fault.c.
 */
#ifndef ZMEM_KERNEL_INCLUDE_MEM_PROTECT_H_
#define ZMEM_KERNEL_INCLUDE_MEM_PROTECT_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <zephyr/kernel.h>

/*
 * Bool options default to y when the build has no autoconf at all. Every autoconf defines the
 * int CONFIG_ZMEM_MAX_PROTECTED_REGIONS (kconfig/protection.conf), so its absence means "no
 * configuration: take the defaults".
 */
#if defined(CONFIG_ZMEM_MAX_PROTECTED_REGIONS)
#define Z_PROT_NO_AUTOCONF 0
#else
#define Z_PROT_NO_AUTOCONF 1
#endif
#if defined(CONFIG_USERSPACE) || Z_PROT_NO_AUTOCONF
#define Z_PROT_USERSPACE 1
#else
#define Z_PROT_USERSPACE 0
#endif
#if defined(CONFIG_INIT_STACKS) || Z_PROT_NO_AUTOCONF
#define Z_PROT_INIT_STACKS 1
#else
#define Z_PROT_INIT_STACKS 0
#endif
#if defined(CONFIG_HW_STACK_PROTECTION) || Z_PROT_NO_AUTOCONF
#define Z_PROT_GUARD_PAGES 1
#else
#define Z_PROT_GUARD_PAGES 0
#endif
#if defined(CONFIG_DYNAMIC_THREAD) || Z_PROT_NO_AUTOCONF
#define Z_PROT_DYNAMIC_THREAD 1
#else
#define Z_PROT_DYNAMIC_THREAD 0
#endif
#if defined(CONFIG_STACK_SENTINEL)
#define Z_PROT_SENTINEL 1
#else
#define Z_PROT_SENTINEL 0
#endif

/*
 * AddressSanitizer: a thread that faulted never unwound, so its stack keeps the redzone
 * poison of its frames; a stack area is unpoisoned when it is painted and when its thread ends,
 * and measuring reads a stack without instrumentation (frames of live threads are poisoned).
 */
#if defined(__SANITIZE_ADDRESS__)
#define Z_PROT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define Z_PROT_ASAN 1
#endif
#endif
#ifdef Z_PROT_ASAN
#include <sanitizer/asan_interface.h>
#define Z_PROT_UNPOISON(addr, size) ASAN_UNPOISON_MEMORY_REGION((addr), (size))
#define Z_PROT_NO_ASAN              __attribute__((no_sanitize_address))
#else
#define Z_PROT_UNPOISON(addr, size) ((void)(addr), (void)(size))
#define Z_PROT_NO_ASAN
#endif

/** @brief Host page size; partitions and stack areas are whole pages. */
#define Z_PROT_PAGE 4096U
/** @brief Value the stack painting writes into untouched stack bytes. */
#define Z_STACK_PAINT 0xAAU
/** @brief Value of the stack sentinel word (lowest word of the usable area). */
#define Z_STACK_SENTINEL 0xF0F0F0F0U

/** @brief What kind of memory a protected region is. */
enum z_prot_kind {
	Z_PROT_STACK,     /**< usable area of a live thread's stack */
	Z_PROT_PARTITION, /**< a partition of at least one initialized domain */
};

/** @brief What the fault handler learns about an address. */
struct z_prot_lookup {
	bool in_guard;                 /**< address is in a live thread's guard page */
	bool in_region;                /**< address is in a protected region */
	enum z_prot_kind kind;         /**< kind of that region (or guard) */
	const struct k_thread *owner;  /**< stack owner, for stacks and guards */
	uintptr_t start;               /**< region (or guard) start */
	size_t size;                   /**< region (or guard) size */
	k_mem_partition_attr_t attr;   /**< partition attributes */
	int prot;                      /**< PROT_* the region has now */
};

/** @brief True if @p t runs in user mode (K_USER and CONFIG_USERSPACE). */
static inline bool z_prot_is_user(const struct k_thread *t)
{
	return Z_PROT_USERSPACE && t != NULL && (t->base.user_options & K_USER) != 0U;
}

/** @brief Domains or their partitions changed: rebuild the region table, re-apply. */
int z_prot_domains_changed(void);
/** @brief Apply the page permissions @p t may see (NULL: supervisor view). */
void z_prot_apply(const struct k_thread *t);
/**
 * @brief Kernel code that reads memory the caller's view may close (another thread's stack)
 * runs between these, as a system call would run in supervisor mode.
 * @return what z_prot_kernel_exit() needs (the user thread whose view was lifted, or NULL)
 */
const struct k_thread *z_prot_kernel_enter(void);
/**
 * @brief z_prot_kernel_enter() for kernel code that copies between the caller's buffer
 * [@p buf, @p buf + @p len) and memory of a waiting thread (its stack: a wait record, a message
 * buffer), as Zephyr's kernel does in supervisor mode. The caller's buffer is first touched with
 * the caller's own view (read, or read and written back if @p write), so a buffer the caller may
 * not use faults in the caller, as Zephyr's K_SYSCALL_MEMORY_READ/WRITE check refuses it. Nothing
 * is done (NULL) while a supervisor thread runs.
 */
const struct k_thread *z_prot_kernel_enter_checked(const void *buf, size_t len, bool write);
/** @brief Put back the view z_prot_kernel_enter() lifted. */
void z_prot_kernel_exit(const struct k_thread *lifted);
/** @brief Look @p addr up in the region table (async-signal-safe; no locks, no allocation). */
void z_prot_lookup(uintptr_t addr, struct z_prot_lookup *out);
/** @brief True if a live thread's stack area lies in [@p start, @p start + @p size). */
bool z_prot_stack_in_use(uintptr_t start, size_t size);
/** @brief Describe a memory fault (thread, address, access, region) into @p buf. */
const char *z_host_fault_describe(const struct arch_esf *esf, char *buf, size_t len);

/**
 * @brief True if user thread @p t may write [@p addr, @p addr + @p size) by Zephyr's rule: its
 * own stack area or a partition of its domain users may write. Memory in no partition does not
 * count, although the host leaves it open (what Zephyr's system calls check for sys_mutex and
 * sys_sem, which live in user memory).
 */
bool z_user_may_write(const struct k_thread *t, const void *addr, size_t size);

/** @brief Iterate the domains initialized so far (kernel/mem_domain.c keeps the list). */
struct k_mem_domain *z_mem_domain_first(void);
/** @brief True if @p domain holds a partition of exactly [@p start, @p start + @p size). */
bool z_mem_domain_has(const struct k_mem_domain *domain, uintptr_t start, size_t size,
		      k_mem_partition_attr_t *attr);

/**
 * @brief Refuse a kernel call a user thread may not make: log it and take a kernel oops for the
 * calling thread. Returns false (and does nothing) for supervisor callers.
 */
bool z_prot_refuse_user_call(const char *call);

/** @brief Bytes of slack between @p t's guard page and its declared stack area. */
size_t z_stack_slack_size(const struct k_thread *t);
/** @brief Bytes of @p t's slack an overflow has touched (0: intact). */
Z_PROT_NO_ASAN size_t z_stack_slack_used(const struct k_thread *t);

/** @brief Count untouched (painted) bytes from the low end of a stack area. */
Z_PROT_NO_ASAN int z_stack_space_get(const uint8_t *stack_start, size_t size,
				     size_t *unused_ptr);

#endif /* ZMEM_KERNEL_INCLUDE_MEM_PROTECT_H_ */
