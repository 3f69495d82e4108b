/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Fuzz target: heap_planner's trace reader (tools/heap_planner/trace.c) on arbitrary text,
 * and the replay of whatever it accepts on a small heap. Oracle: no crash, no sanitizer
 * report; a refused trace leaves nothing allocated (trace_free on a failed parse is safe);
 * an accepted one has IDs within max_id and operations of the four kinds only; the replay's
 * heap validates.
 */
#define _GNU_SOURCE /* fmemopen */
#include <stdio.h>
#include <string.h>

#include "support/fuzz_util.h"
#include "trace.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0) {
		return 0;
	}

	FILE *f = fmemopen((void *)data, size, "r");

	if (f == NULL) {
		return 0;
	}

	struct trace t;

	memset(&t, 0, sizeof(t));
	int ret = trace_parse(f, "fuzz", &t);

	fclose(f);
	if (ret != 0) {
		return 0;
	}
	for (size_t i = 0; i < t.count; i++) {
		const struct trace_op *op = &t.ops[i];

		FUZZ_CHECK(op->kind == 'a' || op->kind == 'm' || op->kind == 'r' || op->kind == 'f');
		FUZZ_CHECK(op->id <= t.max_id);
	}
	/* Replay small traces (the replay's block table has max_id + 1 entries). */
	if (t.count <= 2000 && t.max_id <= 4096) {
		struct replay_result r;

		FUZZ_CHECK(trace_replay(&t, 4096 + (size & 0x3FFF), &r, NULL, 0, NULL) == 0);
		FUZZ_CHECK(r.valid);
	}
	trace_free(&t);
	return 0;
}
