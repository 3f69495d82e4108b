/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's <zephyr/types.h>: the fixed-width integer types every Zephyr file may use.
 *
 * Zephyr code includes it for int64_t, uint32_t and friends; on the host they are the C
 * library's (<stdint.h>, <stddef.h>), so this header only gathers them.
 */
#ifndef ZEPHYR_INCLUDE_TYPES_H_
#define ZEPHYR_INCLUDE_TYPES_H_

#include <stddef.h>
#include <stdint.h>

#endif /* ZEPHYR_INCLUDE_TYPES_H_ */
