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
#include "heap_ops.h"

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

	if (h == NULL || heap->end == 0u) {
		HEAP_PRINT("Heap %p: not initialized\n", (void *)heap);
		return;
	}
	zl_t lay = Z_HEAP_LAY(heap);
	unsigned int top = size_class(heap, heap->end - heap->first);

	HEAP_PRINT("Heap at %p contains %zu units in %u classes (unit %u bytes, header %u bytes)\n\n",
		   chunk_mem(h, lay, 0), (size_t)heap->end, top, (unsigned int)UNIT(lay),
		   (unsigned int)hdr_bytes(lay));
	HEAP_PRINT("  class  min units  # free chunks  free bytes\n");
	for (unsigned int k = min_chunk(lay); k <= top; k++) {
		size_t n = 0;
		size_t bytes = 0;

		for (size_t c = head_get(h, lay, k); c != 0u && in_heap_range(heap, c) && n <= heap->end;
		     c = link_get(h, lay, c, 1)) {
			n++;
			bytes += chunk_usable(lay, chunk_size(h, lay, c));
		}
		if (n != 0u) {
			HEAP_PRINT("  %5u  %9zu  %13zu  %10zu\n", k, class_min_units(heap, k), n,
				   bytes);
		}
	}
	for (size_t c = heap->first; c < heap->end; c += chunk_size(h, lay, c)) {
		size_t units = chunk_size(h, lay, c);

		if (units == 0u || units > heap->end - c) {
			HEAP_PRINT("  corrupt chunk %zu\n", c);
			break;
		}
		if (chunk_used(h, lay, c)) {
			used_chunks++;
			used_bytes += chunk_usable(lay, units);
		} else {
			free_bytes += chunk_usable(lay, units);
		}
		if (dump_chunks) {
			HEAP_PRINT("  chunk %5zu: [%p] %s, %zu units, left %zu\n", c, chunk_mem(h, lay, c),
				   chunk_used(h, lay, c) ? "used" : "free", units,
				   left_size(h, lay, c));
		}
	}
	size_t total = heap->init_bytes;
	size_t over = total - free_bytes - used_bytes;

	HEAP_PRINT("\n%zu free bytes, %zu allocated bytes in %zu blocks, overhead = %zu bytes "
		   "(%zu.%zu%%)\n",
		   free_bytes, used_bytes, used_chunks, over, over * 100u / total,
		   (over * 1000u / total) % 10u);
}
