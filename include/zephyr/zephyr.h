/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's former umbrella header (before 3.2 it was what <zephyr/kernel.h> is now);
 * older Zephyr code still includes it.
 */
#ifndef ZEPHYR_INCLUDE_ZEPHYR_H_
#define ZEPHYR_INCLUDE_ZEPHYR_H_

#include <zephyr/kernel.h>

#endif /* ZEPHYR_INCLUDE_ZEPHYR_H_ */
