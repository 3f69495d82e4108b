/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Provokes one kind of CPU fault (argv[1]) so the test can check the fault handler reports it
 * and exits non-zero, and that a stack overflow is caught at exit.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static volatile int zero;

/* Each level fills a 1 KiB frame so the compiler cannot turn the recursion into a loop. */
static int recurse(int depth)
{
	volatile char frame[1024];

	/* Write the whole frame, as a real overflow would, so the guard words are hit. */
	for (size_t i = 0; i < sizeof(frame); i++) {
		frame[i] = (char)depth;
	}
	if (depth == 0) {
		return frame[0];
	}
	return recurse(depth - 1) + frame[0];
}

int main(int argc, char **argv)
{
	const char *kind = argc > 1 ? argv[1] : "";

	printf("provoking: %s\n", kind);
	if (strcmp(kind, "div0") == 0) {
		/* UDIV by zero traps (the board sets CCR.DIV_0_TRP): UsageFault. */
		volatile unsigned q = 10u / (unsigned)zero;
		(void)q;
	} else if (strcmp(kind, "undef") == 0) {
		__asm__ volatile("udf #0"); /* UsageFault: undefined instruction */
	} else if (strcmp(kind, "badaddr") == 0) {
		/* Nothing is mapped at 0xF0000000 on the mps2 boards: BusFault. */
		volatile uint32_t v = *(volatile uint32_t *)0xF0000000u;
		(void)v;
	} else if (strcmp(kind, "stack") == 0) {
		/* 80 KiB of frames on the 64 KiB main stack: the exit path must notice. */
		printf("recursion result %d\n", recurse(80));
		return 0;
	}
	printf("no fault happened\n");
	return 0;
}
