/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Fuzz target: sys_heap, mode HEAP_MISUSE (what it calls and checks: support/heap_model.h). */
#include "support/fuzz_util.h"
#include "support/heap_model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	heap_model_run(data, size, HEAP_MISUSE);
	return 0;
}
