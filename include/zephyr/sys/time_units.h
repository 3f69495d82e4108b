/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Conversions between time units: Zephyr's k_<from>_to_<to>_<rounding><bits>() family.
 *
 * Units: ms, us, ns, cyc (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC) and ticks
 * (CONFIG_SYS_CLOCK_TICKS_PER_SEC). Rounding: floor, ceil or near (to nearest). The 32-bit
 * forms take and return uint32_t, the 64-bit forms uint64_t. The arithmetic never overflows an
 * intermediate 64-bit value (quotient and remainder are converted separately).
 */
#ifndef ZEPHYR_INCLUDE_SYS_TIME_UNITS_H_
#define ZEPHYR_INCLUDE_SYS_TIME_UNITS_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef CONFIG_SYS_CLOCK_TICKS_PER_SEC
#define CONFIG_SYS_CLOCK_TICKS_PER_SEC 10000
#endif
#ifndef CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC
#define CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC 1000000000
#endif

/** @cond INTERNAL_HIDDEN */
#define Z_TU_HZ_ms    1000ULL
#define Z_TU_HZ_us    1000000ULL
#define Z_TU_HZ_ns    1000000000ULL
#define Z_TU_HZ_cyc   ((uint64_t)CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC)
#define Z_TU_HZ_ticks ((uint64_t)CONFIG_SYS_CLOCK_TICKS_PER_SEC)

enum z_tu_round {
	Z_TU_FLOOR,
	Z_TU_CEIL,
	Z_TU_NEAR,
};

/* t * to_hz / from_hz, rounded as asked; the remainder is scaled on its own so that nothing
 * overflows while the result fits in 64 bits. */
static inline uint64_t z_tmcvt(uint64_t t, uint64_t from_hz, uint64_t to_hz, enum z_tu_round r)
{
	if (from_hz == to_hz) {
		return t;
	}
	uint64_t q = t / from_hz;
	uint64_t rem = t % from_hz;
	uint64_t add = (r == Z_TU_CEIL) ? from_hz - 1U : (r == Z_TU_NEAR) ? from_hz / 2U : 0U;

	return q * to_hz + (rem * to_hz + add) / from_hz;
}

#define Z_TU_ONE(from, to, rnd, RND)                                                               \
	static inline uint32_t k_##from##_to_##to##_##rnd##32(uint32_t t)                          \
	{                                                                                          \
		return (uint32_t)z_tmcvt(t, Z_TU_HZ_##from, Z_TU_HZ_##to, RND);                    \
	}                                                                                          \
	static inline uint64_t k_##from##_to_##to##_##rnd##64(uint64_t t)                          \
	{                                                                                          \
		return z_tmcvt(t, Z_TU_HZ_##from, Z_TU_HZ_##to, RND);                              \
	}
#define Z_TU_PAIR(from, to)                                                                        \
	Z_TU_ONE(from, to, floor, Z_TU_FLOOR)                                                      \
	Z_TU_ONE(from, to, ceil, Z_TU_CEIL)                                                        \
	Z_TU_ONE(from, to, near, Z_TU_NEAR)
/** @endcond */

/* Every pair Zephyr defines. */
Z_TU_PAIR(ms, ticks)
Z_TU_PAIR(us, ticks)
Z_TU_PAIR(ns, ticks)
Z_TU_PAIR(cyc, ticks)
Z_TU_PAIR(ms, cyc)
Z_TU_PAIR(us, cyc)
Z_TU_PAIR(ns, cyc)
Z_TU_PAIR(ticks, ms)
Z_TU_PAIR(ticks, us)
Z_TU_PAIR(ticks, ns)
Z_TU_PAIR(ticks, cyc)
Z_TU_PAIR(cyc, ms)
Z_TU_PAIR(cyc, us)
Z_TU_PAIR(cyc, ns)

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_TIME_UNITS_H_ */
