/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief sys_heap_print_info().
 *
 * Output goes through printk() when the configuration enables it (CONFIG_PRINTK: on the host
 * runtime printk formats on the runtime's stack, not the caller's), else through printf() in
 * hosted builds. A freestanding build (-ffreestanding, no C library, no configuration) has no
 * output channel of its own, so the call prints nothing there.
 */
#include "heap.h"

#if defined(CONFIG_PRINTK) && CONFIG_PRINTK
#include <zephyr/sys/printk.h>
#define HEAP_PRINT(...) printk(__VA_ARGS__)
#elif __STDC_HOSTED__
#include <stdio.h>
#define HEAP_PRINT(...) printf(__VA_ARGS__)
#else
static inline __attribute__((format(printf, 1, 2))) void heap_print_nothing(const char *fmt, ...)
{
	(void)fmt;
}
#define HEAP_PRINT(...) heap_print_nothing(__VA_ARGS__)
#endif

void sys_heap_print_info(struct sys_heap *heap, bool dump_chunks)
{
	struct z_heap *h = heap->heap;
	size_t free_bytes = 0;
	size_t used_bytes = 0;
	size_t used_chunks = 0;

	if (h == NULL || h->end == 0u) {
		HEAP_PRINT("Heap %p: not initialized\n", (void *)heap);
		return;
	}
	HEAP_PRINT(
	    "Heap at %p contains %zu units in %u classes (unit %u bytes, header %u bytes)\n\n",
	    chunk_mem(h, 0), (size_t)h->end, (unsigned int)h->nb_classes, (unsigned int)CHUNK_UNIT,
	    (unsigned int)HDR_BYTES);
	HEAP_PRINT("  class  min units  # free chunks  free bytes\n");
	for (unsigned int k = 0; k < h->nb_classes; k++) {
		size_t n = 0;
		size_t bytes = 0;

		for (size_t c = h->free_list[k]; c != 0u && n <= h->end; c = next_free(h, c)) {
			n++;
			bytes += chunk_usable(chunk_size(h, c));
		}
		if (n != 0u) {
			HEAP_PRINT("  %5u  %9zu  %13zu  %10zu\n", k, class_min_units(k), n, bytes);
		}
	}
	for (size_t c = chunk_size(h, 0); c < h->end; c += chunk_size(h, c)) {
		size_t units = chunk_size(h, c);

		if (units == 0u) {
			HEAP_PRINT("  corrupt chunk %zu\n", c);
			break;
		}
		if (chunk_is_fence(h, c)) {
			/* segment separator: overhead */
		} else if (chunk_used(h, c)) {
			used_chunks++;
			used_bytes += chunk_usable_any(units);
		} else {
			free_bytes += chunk_usable_any(units);
		}
		if (dump_chunks) {
			HEAP_PRINT("  chunk %5zu: [%p] %s, %zu units, left %zu\n", c,
				   chunk_mem(h, c),
				   chunk_is_fence(h, c) ? "fence"
				   : chunk_used(h, c)   ? "used"
							: "free",
				   units, left_size(h, c));
		}
	}
	size_t total = (size_t)h->end * CHUNK_UNIT;

	HEAP_PRINT("\n%zu free bytes, %zu allocated bytes in %zu blocks, overhead = %zu bytes "
		   "(%zu.%zu%%)\n",
		   free_bytes, used_bytes, used_chunks, total - free_bytes - used_bytes,
		   (total - free_bytes - used_bytes) * 100u / total,
		   ((total - free_bytes - used_bytes) * 1000u / total) % 10u);
}
