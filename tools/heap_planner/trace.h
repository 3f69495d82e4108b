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
	char kind;    /**< 'a', 'm', 'r' or 'f'. */
	uint32_t id;  /**< Block name. */
	size_t align; /**< Alignment for 'm', else 0. */
	size_t bytes; /**< Size for 'a', 'm', 'r'. */
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
	size_t failures;             /**< Allocations (and growing reallocs) that returned NULL. */
	size_t peak_live_bytes;      /**< Highest sum of live requested bytes. */
	double util_at_failure;      /**< Mean of live requested bytes / heap size over failures. */
	unsigned int worst_frag_pct; /**< Highest fragmentation figure seen at a failure. */
	bool valid;                  /**< sys_heap_validate() held at the end. */
};

/** Called after every @p every operations of a replay, with the heap as it stands. */
typedef void (*replay_snapshot_cb)(struct sys_heap *heap, size_t op_index, void *user);

/**
 * @brief Replay @p t on a fresh sys_heap of @p heap_bytes, over a page-aligned buffer.
 * @return 0, or -1 when memory for the replay could not be had.
 */
int trace_replay(const struct trace *t, size_t heap_bytes, struct replay_result *r,
		 replay_snapshot_cb snap, size_t every, void *user);

/** What the heap looked like when a request of a replay failed. */
struct replay_failure {
	size_t op_index;           /**< Index of the failing operation in the trace (from 0). */
	const struct trace_op *op; /**< The failing operation ('a', 'm' or a growing 'r'). */
	size_t live_bytes;         /**< Live requested bytes at the time (before the request). */
	size_t free_bytes;         /**< Free bytes in the heap (sys_heap_fragmentation_get). */
	size_t largest_free;       /**< Largest free block, in bytes. */
};

/** Called at every failed request of a replay. */
typedef void (*replay_failure_cb)(const struct replay_failure *f, void *user);

/**
 * @brief trace_replay(), also calling @p on_failure (when not NULL) at every failed request.
 * @return 0, or -1 when memory for the replay could not be had.
 */
int trace_replay_failures(const struct trace *t, size_t heap_bytes, struct replay_result *r,
			  replay_snapshot_cb snap, size_t every, void *user,
			  replay_failure_cb on_failure, void *failure_user);

/** What a trace asks of any allocator, whatever it is replayed on. */
struct trace_stats {
	size_t allocs;           /**< 'a' and 'm' operations. */
	size_t reallocs;         /**< 'r' operations. */
	size_t frees;            /**< 'f' operations on live blocks. */
	size_t peak_live_bytes;  /**< Highest sum of live requested bytes, every request served. */
	size_t peak_live_blocks; /**< Highest number of live blocks. */
	size_t largest_request;  /**< Largest size asked for by 'a', 'm' or 'r'. */
};

/**
 * @brief Account @p t as if every request were served: its peak live bytes and blocks.
 * @return 0, or -1 when memory for the accounting could not be had.
 */
int trace_stats_get(const struct trace *t, struct trace_stats *s);

#endif /* ZMEM_TOOLS_HEAP_PLANNER_TRACE_H_ */
