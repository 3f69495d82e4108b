/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief The timing API's counter type.
 */
#ifndef ZEPHYR_INCLUDE_TIMING_TYPES_H_
#define ZEPHYR_INCLUDE_TIMING_TYPES_H_

#include <stdint.h>

/** @brief A value of the timing counter (timing_counter_get()). */
typedef uint64_t timing_t;

#endif /* ZEPHYR_INCLUDE_TIMING_TYPES_H_ */
