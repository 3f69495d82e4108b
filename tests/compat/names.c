/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Names Zephyr code uses beyond the allocator APIs: timeout helpers and time-unit conversions,
 * arch_num_cpus(), K_HEAP_MEM_POOL_SIZE, the host markers, toolchain and utility macros.
 */
#include <stdint.h>
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/math/ilog2.h>
#include <zephyr/sys/util.h>
#include <zephyr/test_toolchain.h>

#include "compat_tests.h"

/* Preprocessor-level names: these lines fail to compile when a name is missing. */
#if !defined(CONFIG_ARCH_POSIX) || !defined(CONFIG_NATIVE_BUILD) ||                                \
    !defined(CONFIG_ARCH_HAS_USERSPACE)
#error "zmem marks the host as Zephyr's POSIX architecture"
#endif
#if !defined(CONFIG_MEMORY_PROTECTION)
#error "the host enforces page protection: Zephyr's protection tests filter on this marker"
#endif
/* The exception frame's name before Zephyr 3.7, in fatal-error handlers of that time. */
_Static_assert(sizeof(z_arch_esf_t) == sizeof(struct arch_esf), "z_arch_esf_t");
#if defined(CONFIG_BOARD_NATIVE_SIM)
#error "zmem is not native_sim: code under CONFIG_BOARD_NATIVE_SIM needs native_sim's headers"
#endif
#if !defined(CONFIG_SRAM_SIZE) || CONFIG_SRAM_SIZE <= 0
#error "CONFIG_SRAM_SIZE"
#endif
#if !defined(CONFIG_COOP_ENABLED) || !defined(CONFIG_PREEMPT_ENABLED)
#error "both kinds of priorities exist"
#endif
#if K_HEAP_MEM_POOL_SIZE != CONFIG_HEAP_MEM_POOL_SIZE
#error "K_HEAP_MEM_POOL_SIZE"
#endif
#if !defined(CONFIG_MP_MAX_NUM_CPUS) || CONFIG_MP_MAX_NUM_CPUS != 1
#error "one CPU"
#endif

static int __noinline noinline_add(int a, int b)
{
	return a + b;
}

static int fallthrough_count(int n)
{
	int r = 0;

	switch (n) {
	case 2:
		r++;
		__fallthrough;
	case 1:
		r++;
		break;
	default:
		break;
	}
	return r;
}

static void test_timeouts(void)
{
	uint64_t hz = CONFIG_SYS_CLOCK_TICKS_PER_SEC;

	/* Z_TIMEOUT_* round up to whole ticks, like K_MSEC and friends. */
	CHECK(K_TIMEOUT_EQ(Z_TIMEOUT_MS(200), K_MSEC(200)));
	/* Any integer type, unsigned included, with no warning (-Wextra's -Wtype-limits); a
	 * negative count is no wait. */
	uint8_t ms8 = 200;
	int neg = -5;

	CHECK(K_TIMEOUT_EQ(K_MSEC(ms8), K_MSEC(200)));
	CHECK(K_TIMEOUT_EQ(K_USEC((uint16_t)1000), K_MSEC(1)));
	CHECK(K_TIMEOUT_EQ(K_MSEC(neg), K_NO_WAIT));
	CHECK_EQ(Z_TIMEOUT_MS(200).ticks, (k_ticks_t)(200 * hz / 1000));
	CHECK_EQ(Z_TIMEOUT_US(1).ticks, 1);
	CHECK_EQ(Z_TIMEOUT_US(0).ticks, 0);
	CHECK_EQ(Z_TIMEOUT_NS(1).ticks, 1);
	CHECK_EQ(Z_TIMEOUT_MS(-5).ticks, 0);
	CHECK(K_TIMEOUT_EQ(Z_TIMEOUT_TICKS(7), K_TICKS(7)));
	/* As on Zephyr, K_TICKS(K_TICKS_FOREVER) is K_FOREVER; other negatives do not wait. */
	CHECK(K_TIMEOUT_EQ(K_TICKS(K_TICKS_FOREVER), K_FOREVER));
	CHECK_EQ(K_TICKS(-5).ticks, 0);
	CHECK(K_TIMEOUT_EQ(Z_TIMEOUT_NO_WAIT, K_NO_WAIT));
	CHECK(K_TIMEOUT_EQ(Z_FOREVER, K_FOREVER));
	CHECK_EQ(Z_TIMEOUT_CYC(CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC).ticks, (k_ticks_t)hz);
	CHECK_EQ(K_CYC(CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC).ticks, (k_ticks_t)hz);

	/* A Z_TIMEOUT_MS wait lasts at least that long. */
	int64_t t0 = k_uptime_get();

	k_sleep(Z_TIMEOUT_MS(20));
	CHECK(k_uptime_get() - t0 >= 20);

	/* Time points. */
	k_timepoint_t never = sys_timepoint_calc(K_FOREVER);
	k_timepoint_t now = sys_timepoint_calc(K_NO_WAIT);
	k_timepoint_t soon = sys_timepoint_calc(K_MSEC(10));

	CHECK(K_TIMEOUT_EQ(sys_timepoint_timeout(never), K_FOREVER));
	CHECK(sys_timepoint_expired(now));
	CHECK(!sys_timepoint_expired(soon));
	CHECK(sys_timepoint_cmp(now, soon) < 0);
	CHECK(sys_timepoint_timeout(soon).ticks <= K_MSEC(10).ticks);
	k_sleep(K_MSEC(10));
	CHECK(sys_timepoint_expired(soon));
}

static void test_time_units(void)
{
	uint64_t hz = CONFIG_SYS_CLOCK_TICKS_PER_SEC;
	uint64_t cyc = CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC;

	/* Zephyr's unit ratios (<zephyr/sys_clock.h>), unsigned int as on Zephyr. */
	CHECK_EQ(NSEC_PER_USEC, 1000U);
	CHECK_EQ(USEC_PER_MSEC, 1000U);
	CHECK_EQ(MSEC_PER_SEC, 1000U);
	CHECK_EQ(USEC_PER_SEC, 1000000U);
	CHECK_EQ(NSEC_PER_MSEC, 1000000U);
	CHECK_EQ(NSEC_PER_SEC, 1000000000U);
	CHECK_EQ(SEC_PER_DAY, 86400U);
	CHECK_EQ(sizeof(NSEC_PER_SEC), sizeof(unsigned int));

	CHECK_EQ(k_ms_to_ticks_ceil32(1000), hz);
	CHECK_EQ(k_ticks_to_ms_floor64(hz * 3), 3000);
	CHECK_EQ(k_us_to_ticks_floor64(1), 1000000 / hz >= 1 ? 0 : 1);
	CHECK_EQ(k_us_to_ticks_ceil64(1), 1);
	/* near: 1.5 ticks' worth rounds to 2, 1.4 to 1 */
	CHECK_EQ(k_us_to_ticks_near64(3 * 1000000 / hz / 2), 2);
	CHECK_EQ(k_ns_to_ticks_floor64(1000000000ULL), hz);
	CHECK_EQ(k_ticks_to_us_floor32(1), 1000000 / hz);
	CHECK_EQ(k_ticks_to_ns_floor64(1), 1000000000ULL / hz);
	CHECK_EQ(k_cyc_to_ms_floor64(cyc), 1000);
	CHECK_EQ(k_ms_to_cyc_ceil64(1), cyc / 1000);
	CHECK_EQ(k_cyc_to_ns_near64(1), 1000000000ULL / cyc);
	CHECK_EQ(k_ticks_to_cyc_floor64(1), cyc / hz);
	/* Large values: no overflow in the intermediate product. */
	CHECK_EQ(k_ns_to_ticks_floor64(UINT64_MAX / 2), (UINT64_MAX / 2) / (1000000000ULL / hz));
	CHECK_EQ(k_ms_to_ticks_floor64(UINT64_MAX / 100000), (UINT64_MAX / 100000) * (hz / 1000));
}

/* A warning switched off around code that trips it on purpose, as Zephyr's fatal-error test
 * does around its stack smasher (-Winfinite-recursion is on with -Wall, an error here). */
TOOLCHAIN_DISABLE_WARNING(TOOLCHAIN_WARNING_PRAGMAS)
TOOLCHAIN_DISABLE_WARNING(TOOLCHAIN_WARNING_INFINITE_RECURSION)
static int __noinline endless(int v)
{
	return endless(v * 2) + 1;
}
TOOLCHAIN_ENABLE_WARNING(TOOLCHAIN_WARNING_INFINITE_RECURSION)
TOOLCHAIN_ENABLE_WARNING(TOOLCHAIN_WARNING_PRAGMAS)
static int (*volatile endless_fn)(int) = endless;

static void test_cpus_and_toolchain(void)
{
	CHECK(endless_fn != NULL);
	CHECK_EQ(arch_num_cpus(), 1);
	CHECK_EQ(arch_proc_id(), 0);
	CHECK_EQ(noinline_add(2, 3), 5);
	CHECK_EQ(fallthrough_count(2), 2);
	CHECK_EQ(fallthrough_count(1), 1);
	CHECK_EQ(ilog2(1), 0);
	CHECK_EQ(ilog2(64), 6);
	CHECK_EQ(ilog2(65), 6);
	volatile uint32_t v = 1U << 20;

	CHECK_EQ(ilog2(v), 20);
	CHECK_EQ(WB_UP(1), sizeof(void *));
	CHECK_EQ(WB_DN(sizeof(void *) + 1), sizeof(void *));
	CHECK_EQ(GENMASK(7, 4), 0xF0);
	CHECK_EQ(FIELD_GET(GENMASK(7, 4), 0xA5), 0xA);
	CHECK_EQ(FIELD_PREP(GENMASK(7, 4), 0x3), 0x30);
	CHECK_EQ(DIV_ROUND_CLOSEST(7, 2), 4);
	CHECK_EQ(COND_CODE_1(CONFIG_ARCH_POSIX, (11), (22)), 11);
	CHECK_EQ(COND_CODE_1(CONFIG_BOARD_NATIVE_SIM, (11), (22)), 22);
	int x = 0;

	IF_ENABLED(CONFIG_ARCH_POSIX, (x = 1;))
	IF_DISABLED(CONFIG_SMP, (x += 2;))
	CHECK_EQ(x, 3);
	CHECK(strcmp(STRINGIFY(CONFIG_MP_MAX_NUM_CPUS), "1") == 0);
	CHECK(strcmp(CONFIG_BOARD_TARGET, "zmem_host") == 0);
	CHECK(strcmp(CONFIG_ARCH, "posix") == 0);
}

#if defined(CONFIG_STACK_CANARIES)
extern uintptr_t __stack_chk_guard;
#endif

static void test_stack_canary(void)
{
#if defined(CONFIG_STACK_CANARIES)
	/* Set before main, random, with a zero low byte. */
	CHECK(__stack_chk_guard != 0);
	CHECK_EQ(__stack_chk_guard & 0xFF, 0);
#else
	CHECK(false);
#endif
}

void compat_names_tests(void)
{
	RUN_TEST(test_timeouts);
	RUN_TEST(test_time_units);
	RUN_TEST(test_cpus_and_toolchain);
	RUN_TEST(test_stack_canary);
}
