/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Logging and printk output test. Prints a known sequence of lines; check_output.cmake compares
 * them with expected_output.txt. The program also checks what it can itself (snprintk results,
 * configuration macros) and exits non-zero on the first mismatch.
 */
#include <stdint.h>
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>
#include <zephyr/sys/printk.h>

/* Registered without a level: takes CONFIG_LOG_DEFAULT_LEVEL (2, warnings, from prj.conf). */
LOG_MODULE_REGISTER(deflt);

void log_from_other_modules(void);
void log_with_level_macro(void);

static int failures;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			printk("CHECK FAILED %s:%d: %s\n", __FILE__, __LINE__, #cond);             \
			failures++;                                                                \
		}                                                                                  \
	} while (0)

/* prj.conf values arrive as macros of the right type. */
#if CONFIG_LOG_DEFAULT_LEVEL != 2
#error "CONFIG_LOG_DEFAULT_LEVEL from prj.conf not applied"
#endif
#if !defined(CONFIG_TEST_FLAG) || CONFIG_TEST_FLAG != 1
#error "CONFIG_TEST_FLAG=y not applied"
#endif
#ifdef CONFIG_TEST_OFF
#error "# CONFIG_TEST_OFF is not set must leave it undefined"
#endif
#if CONFIG_TEST_HEX != 0x1F
#error "CONFIG_TEST_HEX not applied"
#endif
#if CONFIG_TEST_NEGATIVE != -12
#error "CONFIG_TEST_NEGATIVE not applied"
#endif

static void check_snprintk(void)
{
	char buf[16];
	int n = snprintk(buf, sizeof(buf), "%d-%s", 42, "abc");

	CHECK(n == 6);
	CHECK(strcmp(buf, "42-abc") == 0);
	/* Truncation: returns the length the full output needs, buffer NUL-terminated. */
	n = snprintk(buf, 5, "%s", "0123456789");
	CHECK(n == 10);
	CHECK(strcmp(buf, "0123") == 0);
	n = snprintk(buf, sizeof(buf), "%.1f", 2.25);
	CHECK(strcmp(buf, "2.2") == 0 || strcmp(buf, "2.3") == 0);
	CHECK(strcmp(CONFIG_TEST_STRING, "hello \"zmem\"") == 0);
}

int main(void)
{
	check_snprintk();

	LOG_ERR("default module error %d", 1);
	LOG_WRN("default module warning %s", "two");
	LOG_INF("default module info must not appear");
	LOG_DBG("default module debug must not appear");

	log_from_other_modules();
	log_with_level_macro();

	printk("printk float %.1f %.3f %e\n", 3.14159, -0.5, 12345.0);
	printk("printk size %zu ssize %zd\n", (size_t)4096, (ptrdiff_t)-3);
	printk("printk pointer %p\n", (void *)(uintptr_t)0x1234);
	printk("printk ints %d %u %x %08X %lld %c\n", -7, 7u, 255u, 0xBEEFu, -9000000000LL, 'z');
	printk("printk no newline ");
	printk("then the rest\n");

	static const uint8_t bytes[20] = {0x00, 0x01, 'A', 'B', 'C', 0x7f, 0x80, 0xff, 'x', 'y',
					  'z', ' ', '0', '1', '2', '3', 0xde, 0xad, 0xbe, 0xef};
	LOG_HEXDUMP_ERR(bytes, sizeof(bytes), "dump of 20 bytes");
	LOG_HEXDUMP_INF(bytes, sizeof(bytes), "filtered dump must not appear");
	LOG_PRINTK("raw %s line\n", "printk-style");

	printk("failures: %d\n", failures);
	return failures == 0 ? 0 : 1;
}
