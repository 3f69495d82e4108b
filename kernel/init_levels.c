/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Running one level of SYS_INIT entries (<zephyr/init.h>), shared by the host kernel's boot
 * (kernel/init.c) and the Cortex-M boards' start-up (arch/cortex_m/startup.c), which needs
 * nothing else of the kernel for it.
 */
#include <stddef.h>
#include <stdint.h>

#include <zephyr/init.h>

/* The entries: pointers the linker gathers in section zmem_sys_init (weak: a program without
 * any entry has no such section; the Cortex-M linker script defines both symbols itself). */
extern const struct init_entry *const __start_zmem_sys_init[] __attribute__((weak));
extern const struct init_entry *const __stop_zmem_sys_init[] __attribute__((weak));

/*
 * Run the entries of @p level by ascending priority; equal priorities in section (link) order.
 * Zephyr's linker script sorts the entries by section name at link time; here the one section
 * is in link order, so each entry's place is the key prio * count + position + 1 (unique, 0
 * meaning "none yet"), and each step runs the smallest key above the last one run. Quadratic in
 * the number of entries, a few dozen at most, once per level at boot; it needs no memory and
 * leaves the entries constant.
 */
void z_sys_init_run_level(unsigned int level)
{
	const struct init_entry *const *first = __start_zmem_sys_init;
	size_t count = first != NULL ? (size_t)(__stop_zmem_sys_init - first) : 0U;
	size_t last = 0U;

	for (;;) {
		const struct init_entry *next = NULL;
		size_t best = SIZE_MAX;

		for (size_t i = 0U; i < count; i++) {
			size_t key = (size_t)first[i]->prio * count + i + 1U;

			if (first[i]->level == level && key > last && key < best) {
				best = key;
				next = first[i];
			}
		}
		if (next == NULL) {
			return;
		}
		last = best;
		/* Ignored, as Zephyr ignores a SYS_INIT function's result (only a device's marks
		 * the device not ready; zmem has no devices). */
		(void)next->init_fn();
	}
}
