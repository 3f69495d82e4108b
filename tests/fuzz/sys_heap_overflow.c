/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Fuzz target: sys_heap, mode HEAP_OVERFLOW (what it calls and checks: support/heap_model.h). */
#include "support/fuzz_util.h"
#include "support/heap_model.h"

/*
 * The oracle (nothing written outside the buffer, no live block handed out again) is the
 * promise of hardening level 2 and up (docs/sys_heap.md, "The exact promise"): level 1 checks
 * the freed block and its neighbours' headers but follows list links unchecked, so overwritten
 * links crash it by design. Refuse such a build instead of reporting the crashes as defects.
 */
#if defined(CONFIG_SYS_HEAP_HARDENING_LEVEL) && CONFIG_SYS_HEAP_HARDENING_LEVEL < 2
#error "sys_heap_overflow needs CONFIG_SYS_HEAP_HARDENING_LEVEL >= 2 (MODERATE, the default)"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	heap_model_run(data, size, HEAP_OVERFLOW);
	return 0;
}
