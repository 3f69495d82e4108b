/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Random numbers: the fixed seed of prj.conf (CONFIG_ZMEM_RANDOM_SEED=1234) gives the same
 * sequence as re-seeding with 1234; ZMEM_RANDOM_SEED in the environment overrides it (the
 * second ctest run sets it and ZMEM_COMPAT_EXPECT_ENV_SEED); values spread over all bits;
 * sys_csrand_get fills whole buffers.
 */
#include <stdlib.h>
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/random/random.h>

#include "compat_tests.h"

static void test_seeded_sequence(void)
{
	uint32_t first[8];
	uint32_t again[8];
	bool env_seed = getenv("ZMEM_COMPAT_EXPECT_ENV_SEED") != NULL;

	for (int i = 0; i < 8; i++) {
		first[i] = sys_rand32_get();
	}
	zmem_rand_seed(env_seed ? 0x42 : 1234);
	for (int i = 0; i < 8; i++) {
		again[i] = sys_rand32_get();
	}
	/* The first numbers of the run came from the configured (or environment) seed. */
	CHECK(memcmp(first, again, sizeof(first)) == 0);
	zmem_rand_seed(env_seed ? 1234 : 0x42);
	for (int i = 0; i < 8; i++) {
		again[i] = sys_rand32_get();
	}
	CHECK(memcmp(first, again, sizeof(first)) != 0);
}

static void test_widths_and_spread(void)
{
	uint32_t ored = 0;
	uint32_t anded = UINT32_MAX;
	uint64_t ored64 = 0;
	unsigned int ones = 0;

	zmem_rand_seed(99);
	for (int i = 0; i < 1000; i++) {
		uint32_t v = sys_rand32_get();

		ored |= v;
		anded &= v;
		ored64 |= sys_rand64_get();
		ones += (unsigned int)__builtin_popcount(sys_rand16_get());
		(void)sys_rand8_get();
	}
	CHECK_EQ(ored, UINT32_MAX);
	CHECK_EQ(anded, 0);
	CHECK_EQ(ored64, UINT64_MAX);
	/* 16000 bits, about half set. */
	CHECK(ones > 7500 && ones < 8500);

	uint8_t buf[37];

	memset(buf, 0, sizeof(buf));
	sys_rand_get(buf, sizeof(buf));
	int zeros = 0;

	for (size_t i = 0; i < sizeof(buf); i++) {
		zeros += buf[i] == 0;
	}
	CHECK(zeros < 5);
}

static void test_csrand(void)
{
	uint8_t a[64];
	uint8_t b[64];

	CHECK_EQ(sys_csrand_get(a, sizeof(a)), 0);
	CHECK_EQ(sys_csrand_get(b, sizeof(b)), 0);
	CHECK(memcmp(a, b, sizeof(a)) != 0);
	CHECK_EQ(sys_csrand_get(a, 0), 0);
}

void compat_random_tests(void)
{
	RUN_TEST(test_seeded_sequence);
	RUN_TEST(test_widths_and_spread);
	RUN_TEST(test_csrand);
}
