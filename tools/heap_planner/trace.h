/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Allocation traces for heap_planner: parsing, and replaying them on a sys_heap.
 *
 * A trace is a text file, one operation per line ('#' starts a comment):
 *   a ID BYTES          allocate BYTES and call the block ID
 *   m ID ALIGN BYTES    aligned allocation
 *   r ID BYTES          resize block ID (realloc)
 *   f ID                free block ID
 * IDs are small non-negative integers chosen by whoever recorded the trace; an ID may be reused
 * after it is freed. Operations on an ID whose allocation failed are skipped, as an
 * application would skip them.
 */
#ifndef ZMEM_TOOLS_HEAP_PLANNER_TRACE_H_
#define ZMEM_TOOLS_HEAP_PLANNER_TRACE_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <zephyr/sys/sys_heap.h>

/** One trace operation. */
struct trace_op {
	char kind;      /**< 'a', 'm', 'r' or 'f'. */
	uint32_t id;    /**< Block name. */
	size_t align;   /**< Alignment for 'm', else 0. */
	size_t bytes;   /**< Size for 'a', 'm', 'r'. */
};

/** A parsed trace. */
struct trace {
	struct trace_op *ops; /**< Operations in order. */
	size_t count;         /**< Number of operations. */
	uint32_t max_id;      /**< Largest ID used. */
};

/**
 * @brief Parse a trace from @p in.
 * @return 0, or -1 after printing "NAME:LINE: reason" to stderr.
 */
int trace_parse(FILE *in, const char *name, struct trace *t);

/** @brief Release a parsed trace. */
void trace_free(struct trace *t);

/** What one replay measured. */
struct replay_result {
	size_t failures;           /**< Allocations (and growing reallocs) that returned NULL. */
	size_t peak_live_bytes;    /**< Highest sum of live requested bytes. */
	double util_at_failure;    /**< Mean of live requested bytes / heap size over failures. */
	unsigned int worst_frag_pct; /**< Highest fragmentation figure seen at a failure. */
	bool valid;                /**< sys_heap_validate() held at the end. */
};

/** Called after every @p every operations of a replay, with the heap as it stands. */
typedef void (*replay_snapshot_cb)(struct sys_heap *heap, size_t op_index, void *user);

/**
 * @brief Replay @p t on a fresh sys_heap of @p heap_bytes, over a page-aligned buffer.
 * @return 0, or -1 when memory for the replay could not be had.
 */
int trace_replay(const struct trace *t, size_t heap_bytes, struct replay_result *r,
		 replay_snapshot_cb snap, size_t every, void *user);

#endif /* ZMEM_TOOLS_HEAP_PLANNER_TRACE_H_ */
