/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Random numbers (Zephyr's <zephyr/random/random.h>).
 *
 * sys_rand*_get() come from a fast pseudo-random generator: repeatable by default (seed
 * CONFIG_ZMEM_RANDOM_SEED, or the environment variable ZMEM_RANDOM_SEED at run time), seeded
 * from the host's entropy when the seed is 0. They are not for cryptography: use
 * sys_csrand_get(), which reads the host's entropy source (getrandom()) every time.
 */
#ifndef ZEPHYR_INCLUDE_RANDOM_RANDOM_H_
#define ZEPHYR_INCLUDE_RANDOM_RANDOM_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Fill @p dst with @p len pseudo-random bytes (not for cryptography).
 */
void sys_rand_get(void *dst, size_t len);

/**
 * @brief Fill @p dst with @p len cryptographically secure random bytes from the host.
 * @retval 0 Success.
 * @retval -EIO The host's entropy source failed.
 */
int sys_csrand_get(void *dst, size_t len);

/** @brief A 32-bit pseudo-random number. */
uint32_t sys_rand32_get(void);

/** @brief An 8-bit pseudo-random number. */
static inline uint8_t sys_rand8_get(void)
{
	uint8_t v;

	sys_rand_get(&v, sizeof(v));
	return v;
}

/** @brief A 16-bit pseudo-random number. */
static inline uint16_t sys_rand16_get(void)
{
	uint16_t v;

	sys_rand_get(&v, sizeof(v));
	return v;
}

/** @brief A 64-bit pseudo-random number. */
static inline uint64_t sys_rand64_get(void)
{
	uint64_t v;

	sys_rand_get(&v, sizeof(v));
	return v;
}

/**
 * @brief Restart the pseudo-random sequence from @p seed (0: from the host's entropy).
 * zmem extension, for tests that want a known sequence mid-run.
 */
void zmem_rand_seed(uint64_t seed);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_RANDOM_RANDOM_H_ */
