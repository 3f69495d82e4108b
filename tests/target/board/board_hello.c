/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Board bring-up check: the C runtime the other target tests rely on works. Initialized data
 * was copied, .bss is zero, constructors ran, argv arrives through semihosting, malloc and
 * printf (with C99, 64-bit and floating-point conversions) work, and main's return value becomes QEMU's exit status.
 */
#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"

static int initialized = 1234;
static int zeroed[64];
static int constructor_ran;

__attribute__((constructor)) static void mark_constructor(void)
{
	constructor_ran = 1;
}

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                     \
			failures++;                                                                \
		}                                                                                  \
	} while (0)

int main(int argc, char **argv)
{
	int failures = 0;

	printf("hello from %s\n", ZMEM_TEST_CPU);
	CHECK(initialized == 1234);
	for (size_t i = 0; i < sizeof(zeroed) / sizeof(zeroed[0]); i++) {
		CHECK(zeroed[i] == 0);
	}
	CHECK(constructor_ran == 1);

	/* The test passes "alpha" and "b,c" to check argument passing (',' is escaped by QEMU's
	 * option parser). */
	CHECK(argc == 3);
	if (argc == 3) {
		CHECK(strcmp(argv[1], "alpha") == 0);
		CHECK(strcmp(argv[2], "b,c") == 0);
	}

	char *p = malloc(100000);
	CHECK(p != NULL);
	if (p != NULL) {
		memset(p, 0xA5, 100000);
		CHECK(p[99999] == (char)0xA5);
		free(p);
	}
	/* More than the board's RAM: malloc must fail rather than run into the stack. */
	CHECK(malloc(8u << 20) == NULL);

	/* On the Cortex-M4F build this runs on the FPU, which faults unless reset enabled it. */
	volatile float f = 1.5f;
	f = f * 2.0f + 0.25f;
	CHECK(f == 3.25f);

	/* The formats the shared sources use: C99 length modifiers (added by the board's
	 * printf_c99.c), 64-bit and floating-point conversions. */
	char buf[96];
	snprintf(buf, sizeof(buf), "%d-%s-%lu|%zu|%5zx|%td|%jd|%llu|%" PRIx64 "|%.2f|%%z", 42, "x",
		 7ul, (size_t)123, (size_t)0xab, (ptrdiff_t)-4, (intmax_t)-5,
		 12345678901ull, (uint64_t)0xfedcba9876ull, 2.5);
	CHECK(strcmp(buf, "42-x-7|123|   ab|-4|-5|12345678901|fedcba9876|2.50|%z") == 0);
	if (strcmp(buf, "42-x-7|123|   ab|-4|-5|12345678901|fedcba9876|2.50|%z") != 0) {
		printf("formatted: %s\n", buf);
	}

	printf("stack used %u of %u bytes\n", (unsigned)z_cortex_m_stack_used(),
	       (unsigned)z_cortex_m_stack_size());
	printf("%s\n", failures == 0 ? "PASS" : "FAIL");
	return failures == 0 ? 0 : 1;
}
