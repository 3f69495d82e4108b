/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * SYS_INIT on the Cortex-M boards: every entry runs once before main, level by level in
 * Zephyr's order, by ascending priority within a level, equal priorities in link order, and
 * a failing entry does not stop the others.
 */
#include <stdio.h>

#include <zephyr/init.h>

static int order[16];
static int ran;

static void record(int id)
{
	if (ran < (int)(sizeof(order) / sizeof(order[0]))) {
		order[ran] = id;
	}
	ran++;
}

#define ENTRY(id)                                                                                  \
	static int entry_##id(void)                                                                \
	{                                                                                          \
		record(id);                                                                        \
		return 0;                                                                          \
	}

/* Defined out of order: the expected run order is the ids' order. */
ENTRY(1)
ENTRY(2)
ENTRY(3)
ENTRY(4)
ENTRY(5)
ENTRY(6)
ENTRY(8)
ENTRY(9)

static int entry_7_fails(void)
{
	record(7);
	return -5;
}

SYS_INIT(entry_9, PRE_MAIN, 0);
SYS_INIT(entry_8, APPLICATION, 90);
SYS_INIT(entry_7_fails, APPLICATION, 10);
SYS_INIT(entry_6, POST_KERNEL, 0);
SYS_INIT(entry_5, PRE_KERNEL_2, 0);
SYS_INIT(entry_4, PRE_KERNEL_1, 50);
SYS_INIT_NAMED(entry_3_named, entry_3, PRE_KERNEL_1, 20);
SYS_INIT(entry_3, PRE_KERNEL_1, 20); /* same priority: after the named one (link order) */
SYS_INIT(entry_2, EARLY, 99);
SYS_INIT(entry_1, EARLY, 0);

int main(void)
{
	static const int expected[] = {1, 2, 3, 3, 4, 5, 6, 7, 8, 9};
	int n = (int)(sizeof(expected) / sizeof(expected[0]));

	printf("SYS_INIT entries run before main: %d\n", ran);
	if (ran != n) {
		printf("FAIL: %d entries ran, expected %d\n", ran, n);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		if (order[i] != expected[i]) {
			printf("FAIL: entry %d was %d, expected %d\n", i, order[i], expected[i]);
			return 1;
		}
	}
	printf("PASS\n");
	return 0;
}
