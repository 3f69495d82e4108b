/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's singly-linked list with flags (sys_sflist_t).
 *
 * Like sys_slist_t, but the two low bits of each node's link word carry flags (nodes are at
 * least 4-byte aligned). k_queue uses bit 0 to mark nodes it allocated itself
 * (k_queue_alloc_append) so that k_queue_get can free them.
 */
#ifndef ZEPHYR_INCLUDE_SYS_SFLIST_H_
#define ZEPHYR_INCLUDE_SYS_SFLIST_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zephyr/sys/util.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Native unsigned word holding a link and flags. */
typedef uintptr_t unative_t;

/** @brief A node: the next node's address with two flag bits. */
typedef struct _sfnode {
	unative_t next_and_flags; /**< Next node | flags (bits 0-1). */
} sys_sfnode_t;

/** @brief A list: first and last node. */
typedef struct _sflist {
	sys_sfnode_t *head; /**< First node, or NULL. */
	sys_sfnode_t *tail; /**< Last node, or NULL. */
} sys_sflist_t;

/** @brief Mask of the flag bits in a node's link word. */
#define SYS_SFLIST_FLAGS_MASK 0x3UL

/** @brief Static initializer of an empty list. */
#define SYS_SFLIST_STATIC_INIT(ptr_to_list)                                                        \
	{                                                                                          \
		NULL, NULL                                                                         \
	}

static inline sys_sfnode_t *z_sfnode_next_peek(const sys_sfnode_t *node)
{
	return (sys_sfnode_t *)(node->next_and_flags & ~SYS_SFLIST_FLAGS_MASK);
}

static inline void z_sfnode_next_set(sys_sfnode_t *node, sys_sfnode_t *next)
{
	node->next_and_flags = (unative_t)next | (node->next_and_flags & SYS_SFLIST_FLAGS_MASK);
}

/** @brief Make @p list empty. */
static inline void sys_sflist_init(sys_sflist_t *list)
{
	list->head = NULL;
	list->tail = NULL;
}

/** @brief Initialize @p node: no next node, flags @p flags (0..3). */
static inline void sys_sfnode_init(sys_sfnode_t *node, uint8_t flags)
{
	node->next_and_flags = (unative_t)(flags & SYS_SFLIST_FLAGS_MASK);
}

/** @brief The flags of @p node. */
static inline uint8_t sys_sfnode_flags_get(const sys_sfnode_t *node)
{
	return (uint8_t)(node->next_and_flags & SYS_SFLIST_FLAGS_MASK);
}

/** @brief Set the flags of @p node (0..3), keeping its link. */
static inline void sys_sfnode_flags_set(sys_sfnode_t *node, uint8_t flags)
{
	node->next_and_flags =
	    (node->next_and_flags & ~SYS_SFLIST_FLAGS_MASK) | (flags & SYS_SFLIST_FLAGS_MASK);
}

/** @brief True if @p list has no node. */
static inline bool sys_sflist_is_empty(const sys_sflist_t *list)
{
	return list->head == NULL;
}

/** @brief First node, or NULL. */
static inline sys_sfnode_t *sys_sflist_peek_head(const sys_sflist_t *list)
{
	return list->head;
}

/** @brief Last node, or NULL. */
static inline sys_sfnode_t *sys_sflist_peek_tail(const sys_sflist_t *list)
{
	return list->tail;
}

/** @brief Node after @p node (not NULL), or NULL. */
static inline sys_sfnode_t *sys_sflist_peek_next_no_check(const sys_sfnode_t *node)
{
	return z_sfnode_next_peek(node);
}

/** @brief Node after @p node, or NULL (also for a NULL @p node). */
static inline sys_sfnode_t *sys_sflist_peek_next(const sys_sfnode_t *node)
{
	return node != NULL ? z_sfnode_next_peek(node) : NULL;
}

/** @brief Put @p node first (its flags are kept). */
static inline void sys_sflist_prepend(sys_sflist_t *list, sys_sfnode_t *node)
{
	z_sfnode_next_set(node, list->head);
	list->head = node;
	if (list->tail == NULL) {
		list->tail = node;
	}
}

/** @brief Put @p node last (its flags are kept). */
static inline void sys_sflist_append(sys_sflist_t *list, sys_sfnode_t *node)
{
	z_sfnode_next_set(node, NULL);
	if (list->tail == NULL) {
		list->head = node;
	} else {
		z_sfnode_next_set(list->tail, node);
	}
	list->tail = node;
}

/**
 * @brief Append the chain @p head .. @p tail, linked through their first word with flags 0
 * (as sys_slist_t nodes are); the last one's link word is cleared here.
 */
static inline void sys_sflist_append_list(sys_sflist_t *list, void *head, void *tail)
{
	if (head == NULL || tail == NULL) {
		return;
	}
	((sys_sfnode_t *)tail)->next_and_flags = 0;
	if (list->tail == NULL) {
		list->head = (sys_sfnode_t *)head;
	} else {
		z_sfnode_next_set(list->tail, (sys_sfnode_t *)head);
	}
	list->tail = (sys_sfnode_t *)tail;
}

/** @brief Move every node of @p list_to_append to the end of @p list; it becomes empty. */
static inline void sys_sflist_merge_sflist(sys_sflist_t *list, sys_sflist_t *list_to_append)
{
	if (!sys_sflist_is_empty(list_to_append)) {
		sys_sflist_append_list(list, list_to_append->head, list_to_append->tail);
		sys_sflist_init(list_to_append);
	}
}

/** @brief Insert @p node after @p prev (NULL @p prev: first). */
static inline void sys_sflist_insert(sys_sflist_t *list, sys_sfnode_t *prev, sys_sfnode_t *node)
{
	if (prev == NULL) {
		sys_sflist_prepend(list, node);
	} else if (z_sfnode_next_peek(prev) == NULL) {
		sys_sflist_append(list, node);
	} else {
		z_sfnode_next_set(node, z_sfnode_next_peek(prev));
		z_sfnode_next_set(prev, node);
	}
}

/** @brief Take the first node off a list known not to be empty. */
static inline sys_sfnode_t *sys_sflist_get_not_empty(sys_sflist_t *list)
{
	sys_sfnode_t *node = list->head;

	list->head = z_sfnode_next_peek(node);
	if (list->tail == node) {
		list->tail = NULL;
	}
	return node;
}

/** @brief Take the first node off @p list, or NULL when empty. */
static inline sys_sfnode_t *sys_sflist_get(sys_sflist_t *list)
{
	return sys_sflist_is_empty(list) ? NULL : sys_sflist_get_not_empty(list);
}

/** @brief Unlink @p node, whose predecessor is @p prev_node (NULL when @p node is first). */
static inline void sys_sflist_remove(sys_sflist_t *list, sys_sfnode_t *prev_node,
				     sys_sfnode_t *node)
{
	if (prev_node == NULL) {
		list->head = z_sfnode_next_peek(node);
		if (list->tail == node) {
			list->tail = list->head;
		}
	} else {
		z_sfnode_next_set(prev_node, z_sfnode_next_peek(node));
		if (list->tail == node) {
			list->tail = prev_node;
		}
	}
	z_sfnode_next_set(node, NULL);
}

/**
 * @brief Look for @p node in @p list (O(n)).
 * @param prev set to its predecessor (NULL when first or not found), may be NULL
 * @return true if found
 */
static inline bool sys_sflist_find(const sys_sflist_t *list, const sys_sfnode_t *node,
				   sys_sfnode_t **prev)
{
	sys_sfnode_t *p = NULL;
	sys_sfnode_t *n;

	for (n = list->head; n != NULL; p = n, n = z_sfnode_next_peek(n)) {
		if (n == node) {
			if (prev != NULL) {
				*prev = p;
			}
			return true;
		}
	}
	if (prev != NULL) {
		*prev = NULL;
	}
	return false;
}

/** @brief Find @p node and unlink it (O(n)); true if it was in @p list. */
static inline bool sys_sflist_find_and_remove(sys_sflist_t *list, sys_sfnode_t *node)
{
	sys_sfnode_t *prev;

	if (!sys_sflist_find(list, node, &prev)) {
		return false;
	}
	sys_sflist_remove(list, prev, node);
	return true;
}

/** @brief Number of nodes (O(n)). */
static inline size_t sys_sflist_len(const sys_sflist_t *list)
{
	size_t n = 0;
	const sys_sfnode_t *node;

	for (node = list->head; node != NULL; node = z_sfnode_next_peek(node)) {
		n++;
	}
	return n;
}

/** @brief Iterate over every node of @p __sl with @p __sn. Do not remove nodes. */
#define SYS_SFLIST_FOR_EACH_NODE(__sl, __sn)                                                       \
	for ((__sn) = sys_sflist_peek_head(__sl); (__sn) != NULL;                                  \
	     (__sn) = sys_sflist_peek_next_no_check(__sn))

/** @brief Iterate over every node; @p __sn may be removed (@p __sns holds the next). */
#define SYS_SFLIST_FOR_EACH_NODE_SAFE(__sl, __sn, __sns)                                           \
	for ((__sn) = sys_sflist_peek_head(__sl), (__sns) = sys_sflist_peek_next(__sn);            \
	     (__sn) != NULL; (__sn) = (__sns), (__sns) = sys_sflist_peek_next(__sn))

/** @brief The structure containing node @p __ln (NULL for a NULL node). */
#define SYS_SFLIST_CONTAINER(__ln, __cn, __n)                                                      \
	((__ln) != NULL ? CONTAINER_OF((__ln), __typeof__(*(__cn)), __n) : NULL)

/** @brief Iterate over the containers of every node. Do not remove them. */
#define SYS_SFLIST_FOR_EACH_CONTAINER(__sl, __cn, __n)                                             \
	for ((__cn) = SYS_SFLIST_CONTAINER(sys_sflist_peek_head(__sl), __cn, __n); (__cn) != NULL; \
	     (__cn) = SYS_SFLIST_CONTAINER(sys_sflist_peek_next(&(__cn)->__n), __cn, __n))

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_SFLIST_H_ */
