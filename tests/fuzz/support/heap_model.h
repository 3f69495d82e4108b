/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * sys_heap against a reference model, in three modes (one fuzz target each):
 *
 * HEAP_LEGAL     only legal calls. Oracle: every block lies inside the buffer, aligned, never
 *                overlapping a live block, usable_size >= the request; contents survive every
 *                call (realloc keeps the common prefix); validate holds after every call; the
 *                error hook never fires; free + allocated bytes stay constant; everything freed
 *                gives allocated_bytes == 0; an empty heap serves a small request; nothing is
 *                written outside the buffer.
 * HEAP_MISUSE    legal calls plus bad frees/reallocs/usable_size (double frees, stale, interior,
 *                random and outside pointers), no overflow. Oracle as above, plus: each bad
 *                call fires the hook exactly once and leaves the heap byte-identical.
 * HEAP_OVERFLOW  legal calls plus writes past (and before) live blocks inside the buffer, and
 *                bad frees of pointers that are not inside a live block; validate is never
 *                called. Oracle (issue 13's guarantee for a heap whose metadata was
 *                overwritten): nothing is written outside the buffer, no block handed out
 *                overlaps a live block, and live blocks the input never wrote into keep their
 *                contents. The hook may fire (the heap refuses what it finds damaged).
 */
#ifndef ZMEM_TESTS_FUZZ_HEAP_MODEL_H_
#define ZMEM_TESTS_FUZZ_HEAP_MODEL_H_

#include <stddef.h>
#include <stdint.h>

enum heap_mode {
	HEAP_LEGAL,
	HEAP_MISUSE,
	HEAP_OVERFLOW,
};

/** @brief Run one input in @p mode; aborts when the oracle fails. */
void heap_model_run(const uint8_t *data, size_t size, enum heap_mode mode);

#endif /* ZMEM_TESTS_FUZZ_HEAP_MODEL_H_ */
