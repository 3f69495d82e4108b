/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief The error hook: one place every detected misuse or corruption goes through (and,
 * with CONFIG_ASSERT, Zephyr's assertion path for what Zephyr asserts on).
 */
#include <zephyr/logging/log.h>

#include "heap.h"

/*
 * Zephyr asserts on a double free, a foreign pointer and a bad alignment. zmem does so with
 * CONFIG_SYS_HEAP_ASSERT_MISUSE (needs CONFIG_ASSERT), after the error hook; without it the hook
 * alone reports and the call is refused.
 */
#if defined(CONFIG_ASSERT) && CONFIG_ASSERT && defined(CONFIG_SYS_HEAP_ASSERT_MISUSE) &&         \
	CONFIG_SYS_HEAP_ASSERT_MISUSE
#include <zephyr/sys/__assert.h>
#define Z_HEAP_ASSERT_MISUSE 1
#else
#define Z_HEAP_ASSERT_MISUSE 0
#endif

LOG_MODULE_REGISTER(sys_heap, LOG_LEVEL_ERR);

static void default_hook(struct sys_heap *heap, void *mem, enum sys_heap_error err)
{
	(void)heap;
	(void)mem;
	(void)err;
	LOG_ERR("heap %p: %s at %p", (void *)heap, sys_heap_error_str(err), mem);
}

static sys_heap_error_hook_t error_hook = default_hook;

void sys_heap_error_hook_set(sys_heap_error_hook_t hook)
{
	error_hook = hook != NULL ? hook : default_hook;
}

const char *sys_heap_error_str(enum sys_heap_error err)
{
	switch (err) {
	case SYS_HEAP_ERR_DOUBLE_FREE:
		return "double free";
	case SYS_HEAP_ERR_BAD_POINTER:
		return "pointer is not a block of this heap";
	case SYS_HEAP_ERR_CORRUPT_HEADER:
		return "chunk header overwritten";
	case SYS_HEAP_ERR_CANARY:
		return "block canary overwritten";
	case SYS_HEAP_ERR_BAD_INIT:
		return "unusable heap buffer";
	}
	return "unknown heap error";
}

void z_heap_report(struct sys_heap *heap, void *mem, enum sys_heap_error err)
{
	error_hook(heap, mem, err);
#if Z_HEAP_ASSERT_MISUSE
	/* What Zephyr's sys_heap asserts on: a double free and a pointer not of this heap. */
	__ASSERT(err != SYS_HEAP_ERR_DOUBLE_FREE && err != SYS_HEAP_ERR_BAD_POINTER,
		 "heap %p: %s at %p", (void *)heap, sys_heap_error_str(err), mem);
#endif
}

void z_heap_bad_align(struct sys_heap *heap, size_t align)
{
	(void)heap;
	(void)align;
#if Z_HEAP_ASSERT_MISUSE
	__ASSERT(false, "heap %p: alignment %zu is not a power of two", (void *)heap, align);
#endif
}

#if Z_HEAP_LISTENER
void z_heap_notify_alloc(struct sys_heap *heap, void *mem)
{
	if (z_heap_listener_count != 0u) {
		heap_listener_notify_alloc(HEAP_ID_FROM_POINTER(heap), mem,
					   sys_heap_usable_size(heap, mem));
	}
}

void z_heap_notify_free(struct sys_heap *heap, void *mem, size_t bytes)
{
	if (z_heap_listener_count != 0u) {
		heap_listener_notify_free(HEAP_ID_FROM_POINTER(heap), mem, bytes);
	}
}
#endif
