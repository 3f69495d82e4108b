/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Heap listeners: one singly linked list of subscriptions, walked on every notification.
 * Registration is rare and the list short, so a list beats per-heap tables.
 */
#include <stdbool.h>
#include <stddef.h>

#include <zephyr/logging/log.h>
#include <zephyr/sys/heap_listener.h>

#include "../zmem_lib_lock.h"

LOG_MODULE_REGISTER(heap_listener, CONFIG_LOG_DEFAULT_LEVEL);

static Z_LIB_LOCK_DEFINE(listener_lock);
static struct heap_listener *listeners;

/* Registered listeners: lets allocators skip the bookkeeping of notifications when none. */
unsigned int z_heap_listener_count;

/* Set by the kernel's system heap when it starts; stays 0 in freestanding builds. */
uintptr_t z_heap_listener_libc_id;

uintptr_t z_heap_listener_libc_heap_id(void)
{
	return z_heap_listener_libc_id;
}

void heap_listener_register(struct heap_listener *listener)
{
	if (listener == NULL || listener->event <= HEAP_EVT_UNKNOWN ||
	    listener->event >= HEAP_MAX_EVENTS || listener->alloc_cb == NULL) {
		LOG_ERR("heap listener %p: no callback or invalid event kind; not registered",
			(void *)listener);
		return;
	}

	Z_LIB_LOCK(listener_lock);
	bool present = false;

	for (struct heap_listener *l = listeners; l != NULL; l = l->next) {
		present = present || l == listener;
	}
	if (!present) {
		/* Append, so listeners run in registration order. */
		struct heap_listener **tail = &listeners;

		while (*tail != NULL) {
			tail = &(*tail)->next;
		}
		listener->next = NULL;
		*tail = listener;
		z_heap_listener_count++;
	}
	Z_LIB_UNLOCK(listener_lock);
}

void heap_listener_unregister(struct heap_listener *listener)
{
	Z_LIB_LOCK(listener_lock);
	for (struct heap_listener **pp = &listeners; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == listener) {
			*pp = listener->next;
			listener->next = NULL;
			z_heap_listener_count--;
			break;
		}
	}
	Z_LIB_UNLOCK(listener_lock);
}

/* Call the listeners of a block event (@p event: HEAP_ALLOC or HEAP_FREE) on @p heap_id. */
static void notify_block(uintptr_t heap_id, enum heap_event_types event, void *mem, size_t bytes)
{
	Z_LIB_LOCK(listener_lock);
	for (struct heap_listener *l = listeners; l != NULL; l = l->next) {
		if (l->heap_id != heap_id || l->event != event) {
			continue;
		}
		if (event == HEAP_ALLOC) {
			l->alloc_cb(heap_id, mem, bytes);
		} else {
			l->free_cb(heap_id, mem, bytes);
		}
	}
	Z_LIB_UNLOCK(listener_lock);
}

void heap_listener_notify_alloc(uintptr_t heap_id, void *mem, size_t bytes)
{
	notify_block(heap_id, HEAP_ALLOC, mem, bytes);
}

void heap_listener_notify_free(uintptr_t heap_id, void *mem, size_t bytes)
{
	notify_block(heap_id, HEAP_FREE, mem, bytes);
}

void heap_listener_notify_resize(uintptr_t heap_id, void *old_heap_end, void *new_heap_end)
{
	Z_LIB_LOCK(listener_lock);
	for (struct heap_listener *l = listeners; l != NULL; l = l->next) {
		if (l->heap_id == heap_id && l->event == HEAP_RESIZE) {
			l->resize_cb(heap_id, old_heap_end, new_heap_end);
		}
	}
	Z_LIB_UNLOCK(listener_lock);
}
