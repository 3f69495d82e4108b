/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief <zephyr/wait_q.h>: Zephyr 3.1 to 3.3 published the kernel's wait-queue header here,
 * and white-box tests of that time include it (z_waitq_head() on a kernel object's wait_q).
 * It is the kernel's own kernel/include/wait_q.h; later Zephyr code includes <wait_q.h> with
 * ${ZEPHYR_BASE}/kernel/include on its include path, which works as well.
 */
#ifndef ZEPHYR_INCLUDE_WAIT_Q_H_
#define ZEPHYR_INCLUDE_WAIT_Q_H_

#include "../../kernel/include/wait_q.h"

#endif /* ZEPHYR_INCLUDE_WAIT_Q_H_ */
