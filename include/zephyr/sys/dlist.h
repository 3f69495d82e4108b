/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's intrusive doubly-linked list (the subset zmem uses).
 *
 * An empty list points at itself; a node not in any list has NULL links.
 */
#ifndef ZEPHYR_INCLUDE_SYS_DLIST_H_
#define ZEPHYR_INCLUDE_SYS_DLIST_H_

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A list head or a node (same layout, as in Zephyr). */
struct _dnode {
	struct _dnode *next; /**< Next node, or the head when last. */
	struct _dnode *prev; /**< Previous node, or the head when first. */
};
typedef struct _dnode sys_dlist_t;
typedef struct _dnode sys_dnode_t;

/** @brief Static initializer of an empty list. */
#define SYS_DLIST_STATIC_INIT(ptr) {(ptr), (ptr)}

/** @brief Make @p list empty. */
static inline void sys_dlist_init(sys_dlist_t *list)
{
	list->next = list;
	list->prev = list;
}

/** @brief Mark @p node as linked nowhere. */
static inline void sys_dnode_init(sys_dnode_t *node)
{
	node->next = NULL;
	node->prev = NULL;
}

/** @brief True if @p node is in a list. */
static inline bool sys_dnode_is_linked(const sys_dnode_t *node)
{
	return node->next != NULL;
}

/** @brief True if @p list has no node. */
static inline bool sys_dlist_is_empty(const sys_dlist_t *list)
{
	return list->next == list;
}

/** @brief First node, or NULL. */
static inline sys_dnode_t *sys_dlist_peek_head(const sys_dlist_t *list)
{
	return sys_dlist_is_empty(list) ? NULL : list->next;
}

/** @brief Node after @p node, or NULL at the end. */
static inline sys_dnode_t *sys_dlist_peek_next(const sys_dlist_t *list, const sys_dnode_t *node)
{
	return (node->next == list) ? NULL : node->next;
}

/** @brief Insert @p node before @p successor (which is in a list). */
static inline void sys_dlist_insert(sys_dnode_t *successor, sys_dnode_t *node)
{
	sys_dnode_t *prev = successor->prev;

	node->prev = prev;
	node->next = successor;
	prev->next = node;
	successor->prev = node;
}

/** @brief Append @p node at the tail. */
static inline void sys_dlist_append(sys_dlist_t *list, sys_dnode_t *node)
{
	/* The list is circular through its head: the tail's successor is the head itself. */
	sys_dlist_insert(list, node);
}

/** @brief Unlink @p node and mark it unlinked. */
static inline void sys_dlist_remove(sys_dnode_t *node)
{
	node->prev->next = node->next;
	node->next->prev = node->prev;
	sys_dnode_init(node);
}

/** @brief Unlink and return the first node, or NULL. */
static inline sys_dnode_t *sys_dlist_get(sys_dlist_t *list)
{
	sys_dnode_t *node = sys_dlist_peek_head(list);

	if (node != NULL) {
		sys_dlist_remove(node);
	}
	return node;
}

/** @brief Iterate over every node (do not remove the current node). */
#define SYS_DLIST_FOR_EACH_NODE(list, node)                                                        \
	for ((node) = sys_dlist_peek_head(list); (node) != NULL;                                   \
	     (node) = sys_dlist_peek_next((list), (node)))

/** @brief Iterate over every node; the current one may be removed. */
#define SYS_DLIST_FOR_EACH_NODE_SAFE(list, node, next)                                             \
	for ((node) = sys_dlist_peek_head(list),                                                   \
	    (next) = ((node) != NULL) ? sys_dlist_peek_next((list), (node)) : NULL;                \
	     (node) != NULL;                                                                       \
	     (node) = (next), (next) = ((node) != NULL) ? sys_dlist_peek_next((list), (node)) : NULL)

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_DLIST_H_ */
