/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Kernel objects allocated at run time (k_object_alloc, k_object_alloc_size,
 * k_object_free; CONFIG_DYNAMIC_OBJECTS).
 *
 * As on Zephyr, objects come from the calling thread's resource pool (z_thread_aligned_alloc;
 * the system heap in an ISR), so a thread without a pool gets NULL; thread stacks
 * (K_OBJ_THREAD_STACK_ELEMENT) are dynamic stacks (k_thread_stack_alloc), which have the
 * layout the host's stack protection needs. With user mode, each object has a header with its
 * permission set (kernel/include/kobject_perms.h) right before it, in the same block: the
 * allocating thread has access, and the object is freed when no thread has any more, as
 * Zephyr frees its dynamic objects (z_dynamic_object_release()).
 */
#include <stdalign.h>
#include <stddef.h>
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "kernel_internal.h"
#include "kobject_perms.h"

LOG_MODULE_REGISTER(dynamic_objects, CONFIG_LOG_DEFAULT_LEVEL);

/* The header before each object: its permission set, padded to keep the object aligned. */
#define DYN_HDR ROUND_UP(sizeof(struct z_perm_obj), alignof(max_align_t))

static inline char *block_of(const struct z_perm_obj *po)
{
	return (char *)po;
}

/* Bytes of each fixed-size type (0: not allocatable this way). */
static size_t object_size(enum k_objects otype)
{
	switch (otype) {
	case K_OBJ_CONDVAR:
		return sizeof(struct k_condvar);
	case K_OBJ_EVENT:
		return sizeof(struct k_event);
	case K_OBJ_MEM_SLAB:
		return sizeof(struct k_mem_slab);
	case K_OBJ_MSGQ:
		return sizeof(struct k_msgq);
	case K_OBJ_MUTEX:
		return sizeof(struct k_mutex);
	case K_OBJ_PIPE:
		return sizeof(struct k_pipe);
	case K_OBJ_QUEUE:
		return sizeof(struct k_queue);
	case K_OBJ_POLL_SIGNAL:
		return sizeof(struct k_poll_signal);
	case K_OBJ_SEM:
		return sizeof(struct k_sem);
	case K_OBJ_STACK:
		return sizeof(struct k_stack);
	case K_OBJ_THREAD:
		return sizeof(struct k_thread);
	case K_OBJ_TIMER:
		return sizeof(struct k_timer);
	default:
		return 0;
	}
}

void *k_object_alloc_size(enum k_objects otype, size_t size)
{
	if (!IS_ENABLED(CONFIG_DYNAMIC_OBJECTS)) {
		return NULL; /* Zephyr's documented result when dynamic objects are off */
	}
	if (otype == K_OBJ_THREAD_STACK_ELEMENT) {
		/* Zephyr sizes dynamic stacks by the caller's size, always for user threads. */
		return k_thread_stack_alloc(size, K_USER);
	}
	size_t bytes = object_size(otype);

	if (bytes == 0U) {
		LOG_ERR("k_object_alloc: bad object type %d requested", (int)otype);
		return NULL;
	}
	size_t hdr = Z_PERM_TRACKING ? DYN_HDR : 0U;
	size_t total;

	if (__builtin_add_overflow(MAX(bytes, size), hdr, &total)) {
		LOG_ERR("k_object_alloc: size %zu too large", size);
		return NULL;
	}
	char *block = z_thread_aligned_alloc(alignof(max_align_t), total);

	if (block == NULL) {
		LOG_DBG("k_object_alloc: no memory for type %d in the caller's resource pool",
			(int)otype);
		return NULL;
	}
	/* Zeroed: an object released before its init function ran is still safe to clean up. */
	memset(block + hdr, 0, total - hdr);
	if (Z_PERM_TRACKING) {
		/*
		 * The caller has access; the object lives while some thread has. Not a thread
		 * object: its own thread holds it until its very end, when its struct is still in
		 * use; k_object_free() frees it.
		 */
		z_perm_track((struct z_perm_obj *)block, block + hdr, otype, otype != K_OBJ_THREAD);
	}
	return block + hdr;
}

void *k_object_alloc(enum k_objects otype)
{
	return k_object_alloc_size(otype, 0);
}

void k_object_free(void *obj)
{
	if (!IS_ENABLED(CONFIG_DYNAMIC_OBJECTS) || obj == NULL) {
		return;
	}
	/* A dynamic stack is known to the stack allocator; anything else is a pool block, which
	 * k_free() checks (a foreign pointer is reported and ignored).
	 */
	if (z_thread_stack_is_dynamic((k_thread_stack_t *)obj)) {
		(void)k_thread_stack_free((k_thread_stack_t *)obj);
		return;
	}
	if (Z_PERM_TRACKING) {
		struct z_perm_obj *po = z_perm_find(obj);

		if (po == NULL || po->type == K_OBJ_THREAD_STACK_ELEMENT) {
			LOG_ERR("k_object_free: %p is not an object from k_object_alloc()", obj);
			return;
		}
		z_perm_untrack(po);
		k_free(block_of(po));
		return;
	}
	k_free(obj);
}

void z_dynamic_object_release(struct z_perm_obj *po)
{
	/* Buffers the object allocated itself go back too, as on Zephyr. */
	switch (po->type) {
	case K_OBJ_MSGQ:
		(void)k_msgq_cleanup((struct k_msgq *)po->obj);
		break;
	case K_OBJ_STACK:
		(void)k_stack_cleanup((struct k_stack *)po->obj);
		break;
	default:
		break;
	}
	k_free(block_of(po));
}
