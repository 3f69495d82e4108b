/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's intrusive singly-linked list (sys_slist_t), with its names and semantics.
 *
 * The list keeps head and tail, so append and prepend are O(1); removing a node needs its
 * predecessor (sys_slist_remove) or a walk (sys_slist_find_and_remove). A node is one pointer,
 * which is why k_queue, k_fifo and k_lifo reserve the first word of every item.
 */
#ifndef ZEPHYR_INCLUDE_SYS_SLIST_H_
#define ZEPHYR_INCLUDE_SYS_SLIST_H_

#include <stdbool.h>
#include <stddef.h>
#include <zephyr/sys/util.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A list node (embed it in the structure to link). */
typedef struct _snode {
	struct _snode *next; /**< Next node, or NULL when last. */
} sys_snode_t;

/** @brief A list: first and last node (both NULL when empty). */
typedef struct _slist {
	sys_snode_t *head; /**< First node. */
	sys_snode_t *tail; /**< Last node. */
} sys_slist_t;

/** @brief Static initializer of an empty list (@p ptr_to_list is unused, as in Zephyr). */
#define SYS_SLIST_STATIC_INIT(ptr_to_list)                                                         \
	{                                                                                          \
		NULL, NULL                                                                         \
	}

/** @brief Make @p list empty. */
static inline void sys_slist_init(sys_slist_t *list)
{
	list->head = NULL;
	list->tail = NULL;
}

/** @brief True if @p list has no node. */
static inline bool sys_slist_is_empty(const sys_slist_t *list)
{
	return list->head == NULL;
}

/** @brief First node, or NULL. */
static inline sys_snode_t *sys_slist_peek_head(const sys_slist_t *list)
{
	return list->head;
}

/** @brief Last node, or NULL. */
static inline sys_snode_t *sys_slist_peek_tail(const sys_slist_t *list)
{
	return list->tail;
}

/** @brief Node after @p node (which must not be NULL), or NULL. */
static inline sys_snode_t *sys_slist_peek_next_no_check(const sys_snode_t *node)
{
	return node->next;
}

/** @brief Node after @p node, or NULL (also for a NULL @p node). */
static inline sys_snode_t *sys_slist_peek_next(const sys_snode_t *node)
{
	return node != NULL ? node->next : NULL;
}

/** @brief Put @p node first. */
static inline void sys_slist_prepend(sys_slist_t *list, sys_snode_t *node)
{
	node->next = list->head;
	list->head = node;
	if (list->tail == NULL) {
		list->tail = node;
	}
}

/** @brief Put @p node last. */
static inline void sys_slist_append(sys_slist_t *list, sys_snode_t *node)
{
	node->next = NULL;
	if (list->tail == NULL) {
		list->head = node;
	} else {
		list->tail->next = node;
	}
	list->tail = node;
}

/**
 * @brief Append the chain @p head .. @p tail (already linked through their first word, the
 * last one's link is set to NULL here). Both NULL: nothing to do.
 */
static inline void sys_slist_append_list(sys_slist_t *list, void *head, void *tail)
{
	if (head == NULL || tail == NULL) {
		return;
	}
	((sys_snode_t *)tail)->next = NULL;
	if (list->tail == NULL) {
		list->head = (sys_snode_t *)head;
	} else {
		list->tail->next = (sys_snode_t *)head;
	}
	list->tail = (sys_snode_t *)tail;
}

/** @brief Move every node of @p list_to_append to the end of @p list; it becomes empty. */
static inline void sys_slist_merge_slist(sys_slist_t *list, sys_slist_t *list_to_append)
{
	if (!sys_slist_is_empty(list_to_append)) {
		sys_slist_append_list(list, list_to_append->head, list_to_append->tail);
		sys_slist_init(list_to_append);
	}
}

/** @brief Insert @p node after @p prev (NULL @p prev: first). */
static inline void sys_slist_insert(sys_slist_t *list, sys_snode_t *prev, sys_snode_t *node)
{
	if (prev == NULL) {
		sys_slist_prepend(list, node);
	} else if (prev->next == NULL) {
		sys_slist_append(list, node);
	} else {
		node->next = prev->next;
		prev->next = node;
	}
}

/** @brief Take the first node off a list known not to be empty. */
static inline sys_snode_t *sys_slist_get_not_empty(sys_slist_t *list)
{
	sys_snode_t *node = list->head;

	list->head = node->next;
	if (list->tail == node) {
		list->tail = NULL;
	}
	return node;
}

/** @brief Take the first node off @p list, or NULL when empty. */
static inline sys_snode_t *sys_slist_get(sys_slist_t *list)
{
	return sys_slist_is_empty(list) ? NULL : sys_slist_get_not_empty(list);
}

/** @brief Unlink @p node, whose predecessor is @p prev_node (NULL when @p node is first). */
static inline void sys_slist_remove(sys_slist_t *list, sys_snode_t *prev_node, sys_snode_t *node)
{
	if (prev_node == NULL) {
		list->head = node->next;
		if (list->tail == node) {
			list->tail = list->head;
		}
	} else {
		prev_node->next = node->next;
		if (list->tail == node) {
			list->tail = prev_node;
		}
	}
	node->next = NULL;
}

/**
 * @brief Look for @p node in @p list (O(n)).
 * @param prev set to its predecessor (NULL when first or not found), may be NULL
 * @return true if found
 */
static inline bool sys_slist_find(const sys_slist_t *list, const sys_snode_t *node,
				  sys_snode_t **prev)
{
	sys_snode_t *p = NULL;
	sys_snode_t *n;

	for (n = list->head; n != NULL; p = n, n = n->next) {
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
static inline bool sys_slist_find_and_remove(sys_slist_t *list, sys_snode_t *node)
{
	sys_snode_t *prev;

	if (!sys_slist_find(list, node, &prev)) {
		return false;
	}
	sys_slist_remove(list, prev, node);
	return true;
}

/** @brief Number of nodes (O(n)). */
static inline size_t sys_slist_len(const sys_slist_t *list)
{
	size_t n = 0;
	const sys_snode_t *node;

	for (node = list->head; node != NULL; node = node->next) {
		n++;
	}
	return n;
}

/** @brief Iterate over every node of @p __sl with @p __sn. Do not remove nodes. */
#define SYS_SLIST_FOR_EACH_NODE(__sl, __sn)                                                        \
	for ((__sn) = sys_slist_peek_head(__sl); (__sn) != NULL; (__sn) = (__sn)->next)

/** @brief Iterate over the nodes after @p __sn (from the head when NULL). */
#define SYS_SLIST_ITERATE_FROM_NODE(__sl, __sn)                                                    \
	for ((__sn) = (__sn) != NULL ? (__sn)->next : sys_slist_peek_head(__sl); (__sn) != NULL;   \
	     (__sn) = (__sn)->next)

/** @brief Iterate over every node; @p __sn may be removed (@p __sns holds the next). */
#define SYS_SLIST_FOR_EACH_NODE_SAFE(__sl, __sn, __sns)                                            \
	for ((__sn) = sys_slist_peek_head(__sl), (__sns) = sys_slist_peek_next(__sn);              \
	     (__sn) != NULL; (__sn) = (__sns), (__sns) = sys_slist_peek_next(__sn))

/** @brief The structure containing node @p __ln (NULL for a NULL node). */
#define SYS_SLIST_CONTAINER(__ln, __cn, __n)                                                       \
	((__ln) != NULL ? CONTAINER_OF((__ln), __typeof__(*(__cn)), __n) : NULL)
/** @brief Container of the first node, or NULL. */
#define SYS_SLIST_PEEK_HEAD_CONTAINER(__sl, __cn, __n)                                             \
	SYS_SLIST_CONTAINER(sys_slist_peek_head(__sl), __cn, __n)
/** @brief Container of the last node, or NULL. */
#define SYS_SLIST_PEEK_TAIL_CONTAINER(__sl, __cn, __n)                                             \
	SYS_SLIST_CONTAINER(sys_slist_peek_tail(__sl), __cn, __n)
/** @brief Container of the node after @p __cn's, or NULL. */
#define SYS_SLIST_PEEK_NEXT_CONTAINER(__cn, __n)                                                   \
	((__cn) != NULL ? SYS_SLIST_CONTAINER(sys_slist_peek_next(&((__cn)->__n)), __cn, __n)      \
			: NULL)

/** @brief Iterate over the containers of every node. Do not remove them. */
#define SYS_SLIST_FOR_EACH_CONTAINER(__sl, __cn, __n)                                              \
	for ((__cn) = SYS_SLIST_PEEK_HEAD_CONTAINER(__sl, __cn, __n); (__cn) != NULL;              \
	     (__cn) = SYS_SLIST_PEEK_NEXT_CONTAINER(__cn, __n))

/** @brief Iterate over the containers; @p __cn may be removed (@p __cns holds the next). */
#define SYS_SLIST_FOR_EACH_CONTAINER_SAFE(__sl, __cn, __cns, __n)                                  \
	for ((__cn) = SYS_SLIST_PEEK_HEAD_CONTAINER(__sl, __cn, __n),                              \
	    (__cns) = SYS_SLIST_PEEK_NEXT_CONTAINER(__cn, __n);                                    \
	     (__cn) != NULL; (__cn) = (__cns), (__cns) = SYS_SLIST_PEEK_NEXT_CONTAINER(__cn, __n))

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_SLIST_H_ */
