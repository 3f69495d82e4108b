/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief The error hook: one place every detected misuse or corruption goes through.
 */
#include <zephyr/logging/log.h>

#include "heap.h"

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
}
