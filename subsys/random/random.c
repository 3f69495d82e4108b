/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * sys_rand*_get(): xoshiro256** (fast, 256-bit state, passes the usual statistical tests),
 * seeded through splitmix64 from CONFIG_ZMEM_RANDOM_SEED, the environment variable
 * ZMEM_RANDOM_SEED (decimal or 0x hex) when set, or the host's entropy when the seed is 0.
 * The same seed gives the same sequence on every run and machine, as native_sim's fixed
 * default seed does. Only one k_thread runs at a time and nothing preempts it between kernel
 * calls, so the state needs no lock for k_threads and ISRs.
 *
 * sys_csrand_get(): getrandom(2), every call.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <zephyr/logging/log.h>
#include <zephyr/random/random.h>

LOG_MODULE_REGISTER(random, CONFIG_LOG_DEFAULT_LEVEL);

#ifndef CONFIG_ZMEM_RANDOM_SEED
#define CONFIG_ZMEM_RANDOM_SEED 0x5678
#endif

static uint64_t state[4];
static bool seeded;

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static inline uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t next64(void)
{
	uint64_t result = rotl(state[1] * 5U, 7) * 9U;
	uint64_t t = state[1] << 17;

	state[2] ^= state[0];
	state[3] ^= state[1];
	state[1] ^= state[2];
	state[0] ^= state[3];
	state[2] ^= t;
	state[3] = rotl(state[3], 45);
	return result;
}

void zmem_rand_seed(uint64_t seed)
{
	if (seed == 0) {
		if (getrandom(&seed, sizeof(seed), 0) != (ssize_t)sizeof(seed)) {
			LOG_ERR("getrandom failed (%d); seeding from the fixed default", errno);
			seed = 0x5678;
		}
	}
	for (int i = 0; i < 4; i++) {
		state[i] = splitmix64(&seed);
	}
	seeded = true;
}

static void seed_once(void)
{
	if (seeded) {
		return;
	}

	uint64_t seed = (uint64_t)CONFIG_ZMEM_RANDOM_SEED;
	const char *env = getenv("ZMEM_RANDOM_SEED");

	if (env != NULL && env[0] != '\0') {
		char *end;
		unsigned long long v = strtoull(env, &end, 0);

		if (*end == '\0') {
			seed = v;
		} else {
			LOG_WRN("ZMEM_RANDOM_SEED=\"%s\" is not a number; ignored", env);
		}
	}
	zmem_rand_seed(seed);
}

void sys_rand_get(void *dst, size_t len)
{
	uint8_t *out = dst;

	seed_once();
	while (len > 0) {
		uint64_t v = next64();
		size_t n = len < sizeof(v) ? len : sizeof(v);

		memcpy(out, &v, n);
		out += n;
		len -= n;
	}
}

uint32_t sys_rand32_get(void)
{
	seed_once();
	return (uint32_t)(next64() >> 32);
}

int sys_csrand_get(void *dst, size_t len)
{
	uint8_t *out = dst;

	while (len > 0) {
		ssize_t got = getrandom(out, len, 0);

		if (got < 0) {
			if (errno == EINTR) {
				continue;
			}
			LOG_ERR("getrandom failed (%d)", errno);
			return -EIO;
		}
		out += got;
		len -= (size_t)got;
	}
	return 0;
}
