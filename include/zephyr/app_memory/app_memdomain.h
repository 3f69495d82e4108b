/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Application memory partitions whose contents the linker gathers:
 * K_APPMEM_PARTITION_DEFINE with K_APP_DMEM / K_APP_BMEM.
 *
 * Each partition's variables go to input sections named `z_app_part.<name>.1`, between a
 * page-aligned begin marker (`.0`) and a page-aligned end marker (`.2`). The linker script
 * fragment arch/host/app_memory.ld (added to every link against zmem) sorts these sections by
 * name into one output section, so each partition is a whole number of pages holding nothing
 * else, ready to be protected page by page.
 */
#ifndef ZEPHYR_INCLUDE_APP_MEMORY_APP_MEMDOMAIN_H_
#define ZEPHYR_INCLUDE_APP_MEMORY_APP_MEMDOMAIN_H_

#include <stdint.h>
#include <zephyr/app_memory/mem_domain.h>

#ifdef __cplusplus
extern "C" {
#endif

#define Z_APP_PART_SECTION(name, part) "z_app_part." #name "." #part

/** @brief Place an initialized variable in application partition @p id. */
#define K_APP_DMEM(id) __attribute__((section(Z_APP_PART_SECTION(id, 1))))
/**
 * @brief Place a zero-initialized variable in application partition @p id.
 *
 * On the host the partition's data and bss share its pages: the bss variables come after the
 * data (sections `.1b`, after a marker in `.1a`) and are zeroed before main, as Zephyr zeroes
 * a partition's bss at boot, so an initializer written on a K_APP_BMEM variable is dropped
 * there too.
 */
#define K_APP_BMEM(id) __attribute__((section(Z_APP_PART_SECTION(id, 1b))))

/** @brief Section name of partition @p id's data, for code that needs it as a string. */
#define K_APP_DMEM_SECTION(id) Z_APP_PART_SECTION(id, 1)
/** @brief Section name of partition @p id's bss (zeroed before main, after its data). */
#define K_APP_BMEM_SECTION(id) Z_APP_PART_SECTION(id, 1b)

/**
 * @brief Fill in a partition's size from its linker markers and zero its bss
 * [@p bss, @p end) (run before main).
 */
void z_app_partition_bind(struct k_mem_partition *part, const char *begin, char *bss,
			  const char *end);

/**
 * @brief Define application partition @p name (a struct k_mem_partition, attributes
 * K_MEM_PARTITION_P_RW_U_RW) covering every variable declared with K_APP_DMEM(name) or
 * K_APP_BMEM(name) in any file of the program.
 *
 * The size is known only after linking, so it is filled in by a constructor before main runs.
 */
#define K_APPMEM_PARTITION_DEFINE(name)                                                            \
	char z_app_part_##name##_begin[0]                                                          \
		__attribute__((section(Z_APP_PART_SECTION(name, 0)), aligned(4096), used));        \
	char z_app_part_##name##_bss[0]                                                            \
		__attribute__((section(Z_APP_PART_SECTION(name, 1a)), used));                      \
	char z_app_part_##name##_end[0]                                                            \
		__attribute__((section(Z_APP_PART_SECTION(name, 2)), aligned(4096), used));        \
	struct k_mem_partition name = {(uintptr_t)z_app_part_##name##_begin, 0,                    \
				       K_MEM_PARTITION_P_RW_U_RW};                                 \
	__attribute__((constructor)) static void z_app_part_##name##_bind(void)                    \
	{                                                                                          \
		z_app_partition_bind(&name, z_app_part_##name##_begin, z_app_part_##name##_bss,    \
				     z_app_part_##name##_end);                                     \
	}                                                                                          \
	struct k_mem_partition name

/** @brief Declare a partition defined with K_APPMEM_PARTITION_DEFINE in another file. */
#define K_APPMEM_PARTITION_DECLARE(name) extern struct k_mem_partition name

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_APP_MEMORY_APP_MEMDOMAIN_H_ */
