/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief <zephyr/random/rand32.h>: the name of <zephyr/random/random.h> before Zephyr 3.5,
 * which code of that time still includes.
 */
#ifndef ZEPHYR_INCLUDE_RANDOM_RAND32_H_
#define ZEPHYR_INCLUDE_RANDOM_RAND32_H_

#include <zephyr/random/random.h>

#endif /* ZEPHYR_INCLUDE_RANDOM_RAND32_H_ */
