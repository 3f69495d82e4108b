/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Adversarial call sequence for the worst-case instruction path of sys_heap.
 */
#ifndef ZMEM_BENCH_WORST_H_
#define ZMEM_BENCH_WORST_H_

#include <stddef.h>
#include <stdint.h>

/**
 * @brief Run the adversarial sequence over @p buf (@p buf_bytes, at least 16 MiB).
 *
 * Every measured call goes through one of the noinline functions wc_alloc, wc_free,
 * wc_aligned_alloc, wc_realloc, or through the workload wrappers w1_alloc / w1_free /
 * w1_aligned_alloc (workloads run on small heaps). Before each measured call or block of
 * calls the program prints a line "WC <calls> <function> <description>", so that a callgrind
 * run dumping its counters after each of those functions (bench/worst_case.sh) can name the
 * most expensive call. Every heap is validated after each scenario.
 *
 * @return number of failures (heaps that do not validate, unexpected results).
 */
int worst(uint8_t *buf, size_t buf_bytes);

#endif /* ZMEM_BENCH_WORST_H_ */
