/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's <zephyr/linker/sections.h> for code that includes it: the section names of
 * Zephyr's linker scripts, and the placement tags (__noinit, __ramfunc, __nocache,
 * __pinned_*...), which come from <zephyr/toolchain.h>.
 *
 * The host program is laid out by the host linker, not by Zephyr's scripts: the names are
 * there for code that refers to them, and on the host the tags place nothing (see
 * <zephyr/toolchain.h>). Zephyr's test suites include this header out of habit (for example
 * tests/kernel/workq/critical) without using it.
 */
#ifndef ZEPHYR_INCLUDE_LINKER_SECTIONS_H_
#define ZEPHYR_INCLUDE_LINKER_SECTIONS_H_

#include <zephyr/toolchain.h>

/** @cond INTERNAL_HIDDEN */
#define _TEXT_SECTION_NAME     text
#define _RODATA_SECTION_NAME   rodata
#define _CTOR_SECTION_NAME     ctors
#define _DATA_SECTION_NAME     data
#define _BSS_SECTION_NAME      bss
#define _NOINIT_SECTION_NAME   noinit
#define _APP_DATA_SECTION_NAME app_datas
#define _APP_BSS_SECTION_NAME  app_bss
/** @endcond */

#endif /* ZEPHYR_INCLUDE_LINKER_SECTIONS_H_ */
