/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Deterministic pseudo-random numbers for randomized tests (Marsaglia's xorshift generators):
 * the same seed gives the same run on every build and target. The state must not be 0.
 */
#ifndef ZMEM_TESTS_COMMON_TEST_RAND_H_
#define ZMEM_TESTS_COMMON_TEST_RAND_H_

#include <stdint.h>

/** @brief Next 32-bit number of the xorshift32 sequence in @p state. */
static inline uint32_t test_rand32(uint32_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

/** @brief Next 64-bit number of the xorshift64 sequence in @p state (13, 7, 17). */
static inline uint64_t test_rand64(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

#endif /* ZMEM_TESTS_COMMON_TEST_RAND_H_ */
