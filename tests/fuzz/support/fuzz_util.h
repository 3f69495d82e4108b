/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Shared by the fuzz targets: reading operations from the input bytes, the oracle's failure
 * report, and a guarded region (the memory under test between canary-filled margins and
 * PROT_NONE guard pages, so that a write outside it is seen).
 */
#ifndef ZMEM_TESTS_FUZZ_UTIL_H_
#define ZMEM_TESTS_FUZZ_UTIL_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/** libFuzzer's entry point; replay_main.c calls it for every corpus file. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/** The remaining input; reads past its end give zeros. */
struct fuzz_in {
	const uint8_t *p;
	size_t n;
};

static inline bool fi_more(const struct fuzz_in *in)
{
	return in->n > 0;
}

static inline uint8_t fi_u8(struct fuzz_in *in)
{
	if (in->n == 0) {
		return 0;
	}
	in->n--;
	return *in->p++;
}

static inline uint16_t fi_u16(struct fuzz_in *in)
{
	uint16_t lo = fi_u8(in);

	return (uint16_t)(lo | (uint16_t)fi_u8(in) << 8);
}

static inline uint32_t fi_u32(struct fuzz_in *in)
{
	uint32_t lo = fi_u16(in);

	return lo | (uint32_t)fi_u16(in) << 16;
}

/* A request size: mostly small, sometimes large, rarely huge (overflow edges). */
static inline size_t fi_size(struct fuzz_in *in)
{
	uint8_t kind = fi_u8(in);

	switch (kind >> 6) {
	case 0:
	case 1:
		return fi_u8(in);
	case 2:
		return fi_u16(in) & 0x0FFF;
	default:
		if ((kind & 0x3F) == 0x3F) {
			return SIZE_MAX - fi_u8(in);
		}
		return fi_u32(in) & 0x3FFFF;
	}
}

/* The oracle failed: say what and abort, which both libFuzzer and ctest report. */
#define FUZZ_CHECK(cond)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: oracle failed: %s\n", __FILE__, __LINE__, #cond);  \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

/* Block contents: a block's bytes hold a pattern of its seed, so that a write into it shows. */
static inline uint8_t fuzz_pattern(uint8_t seed, size_t i)
{
	return (uint8_t)(seed + 13U * (unsigned int)i);
}

/** @brief Fill the @p n bytes at @p p with the pattern of @p seed. */
static inline void fuzz_fill(uint8_t *p, size_t n, uint8_t seed)
{
	for (size_t i = 0; i < n; i++) {
		p[i] = fuzz_pattern(seed, i);
	}
}

/** @brief True when the @p n bytes at @p p hold the pattern of @p seed; else says where not. */
static inline bool fuzz_intact(const uint8_t *p, size_t n, uint8_t seed)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] != fuzz_pattern(seed, i)) {
			fprintf(stderr, "block %p (%zu bytes checked) changed at byte %zu\n",
				(const void *)p, n, i);
			return false;
		}
	}
	return true;
}

/** A region under test: [guard page][margin][inner][margin][guard page]. */
struct guarded {
	uint8_t *map;    /**< Whole mapping. */
	size_t map_size; /**< Its size. */
	uint8_t *inner;  /**< The memory handed to the code under test. */
	size_t inner_size;
	size_t margin; /**< Canary bytes on each side of inner. */
};

#define GUARD_CANARY 0xA5

/**
 * @brief Give @p g an inner area of @p inner_size bytes starting @p skew bytes (0-15) after a
 * 16-aligned address, margins filled with GUARD_CANARY. Reuses the mapping when large enough.
 */
void guarded_setup(struct guarded *g, size_t inner_size, size_t skew);

/** @brief True when both margins still hold the canary (checks them whole: 2 x 68 KiB). */
bool guarded_margins_intact(const struct guarded *g);

/** @brief The same for the @p near bytes on each side of the inner area (cheap, every call). */
bool guarded_margins_intact_near(const struct guarded *g, size_t near);

#endif /* ZMEM_TESTS_FUZZ_UTIL_H_ */
