/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Heap listeners: callbacks told about every allocation, free and resize of a heap
 * (Zephyr API).
 *
 * A heap is identified by HEAP_ID_FROM_POINTER() of its struct sys_heap. With
 * CONFIG_SYS_HEAP_LISTENER, sys_heap itself notifies after each successful alloc, free and
 * realloc (as Zephyr's heap.c does), so every layer above it (k_heap_*, k_malloc and friends,
 * the opt-in libc malloc) is covered once per event. A resize of a block is reported as a free
 * of the old block followed by an allocation of the new one, sizes being usable sizes, so
 * summing alloc minus free gives the bytes a heap holds.
 */
#ifndef ZEPHYR_INCLUDE_SYS_HEAP_LISTENER_H_
#define ZEPHYR_INCLUDE_SYS_HEAP_LISTENER_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Heap id of a struct sys_heap (or a struct k_heap's @c heap member). */
#define HEAP_ID_FROM_POINTER(heap_pointer) ((uintptr_t)(heap_pointer))

/** @brief Heap id of the heap serving the C library's malloc (the system heap in zmem). */
#define HEAP_ID_LIBC (z_heap_listener_libc_heap_id())

/** @brief Kinds of events a listener can subscribe to. */
enum heap_event_types {
	HEAP_EVT_UNKNOWN = 0, /**< Not a valid subscription. */
	HEAP_RESIZE,          /**< The heap's area grew or shrank. */
	HEAP_ALLOC,           /**< A block was allocated. */
	HEAP_FREE,            /**< A block was freed. */
	HEAP_MAX_EVENTS,      /**< Number of kinds; not a valid subscription. */
};

/**
 * @brief Called after the heap's area changed.
 * @param heap_id The heap.
 * @param old_heap_end End of the area before.
 * @param new_heap_end End of the area now.
 */
typedef void (*heap_listener_resize_cb_t)(uintptr_t heap_id, void *old_heap_end,
					  void *new_heap_end);

/**
 * @brief Called after a block was allocated.
 * @param heap_id The heap.
 * @param mem The block.
 * @param bytes Its usable size.
 */
typedef void (*heap_listener_alloc_cb_t)(uintptr_t heap_id, void *mem, size_t bytes);

/**
 * @brief Called after a block was freed.
 * @param heap_id The heap.
 * @param mem The block (no longer owned by anyone).
 * @param bytes The usable size it had.
 */
typedef void (*heap_listener_free_cb_t)(uintptr_t heap_id, void *mem, size_t bytes);

/** @brief One subscription. Fill it with a HEAP_LISTENER_*_DEFINE macro or by hand. */
struct heap_listener {
	struct heap_listener *next;  /**< Private: registration list. */
	uintptr_t heap_id;           /**< Heap listened to. */
	enum heap_event_types event; /**< Kind of event. */
	union {
		heap_listener_alloc_cb_t alloc_cb;   /**< For HEAP_ALLOC. */
		heap_listener_free_cb_t free_cb;     /**< For HEAP_FREE. */
		heap_listener_resize_cb_t resize_cb; /**< For HEAP_RESIZE. */
	};
};

/**
 * @brief Start delivering events to @p listener.
 *
 * Callbacks run in the context of the allocating thread (or ISR), with the listener lock held:
 * they must be short and must not register or unregister listeners. A listener with no
 * callback or an invalid event kind is logged and ignored; registering twice is a no-op.
 */
void heap_listener_register(struct heap_listener *listener);

/** @brief Stop delivering events to @p listener (no-op when it is not registered). */
void heap_listener_unregister(struct heap_listener *listener);

/** @brief Tell the listeners of @p heap_id that @p mem (@p bytes usable) was allocated. */
void heap_listener_notify_alloc(uintptr_t heap_id, void *mem, size_t bytes);

/** @brief Tell the listeners of @p heap_id that @p mem (@p bytes usable) was freed. */
void heap_listener_notify_free(uintptr_t heap_id, void *mem, size_t bytes);

/** @brief Tell the listeners of @p heap_id that the heap's end moved. */
void heap_listener_notify_resize(uintptr_t heap_id, void *old_heap_end, void *new_heap_end);

/** @brief Heap id behind HEAP_ID_LIBC (0 until the kernel's system heap is set up). */
uintptr_t z_heap_listener_libc_heap_id(void);

/** @cond INTERNAL_HIDDEN */
/* Written once by the system heap's start-up code. */
extern uintptr_t z_heap_listener_libc_id;
/* Number of registered listeners. */
extern unsigned int z_heap_listener_count;
/** @endcond */

/**
 * @brief Define a listener for allocations.
 * @param name Variable name.
 * @param _heap_id Heap id (HEAP_ID_FROM_POINTER()).
 * @param _alloc_cb heap_listener_alloc_cb_t callback.
 */
#define HEAP_LISTENER_ALLOC_DEFINE(name, _heap_id, _alloc_cb)                                      \
	struct heap_listener name = {                                                              \
	    .heap_id = (_heap_id),                                                                 \
	    .event = HEAP_ALLOC,                                                                   \
	    .alloc_cb = (_alloc_cb),                                                               \
	}

/** @brief Define a listener for frees (see HEAP_LISTENER_ALLOC_DEFINE()). */
#define HEAP_LISTENER_FREE_DEFINE(name, _heap_id, _free_cb)                                        \
	struct heap_listener name = {                                                              \
	    .heap_id = (_heap_id),                                                                 \
	    .event = HEAP_FREE,                                                                    \
	    .free_cb = (_free_cb),                                                                 \
	}

/** @brief Define a listener for resizes (see HEAP_LISTENER_ALLOC_DEFINE()). */
#define HEAP_LISTENER_RESIZE_DEFINE(name, _heap_id, _resize_cb)                                    \
	struct heap_listener name = {                                                              \
	    .heap_id = (_heap_id),                                                                 \
	    .event = HEAP_RESIZE,                                                                  \
	    .resize_cb = (_resize_cb),                                                             \
	}

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_HEAP_LISTENER_H_ */
