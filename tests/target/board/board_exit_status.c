/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Exits with the status given as argv[1] so the test can check that exactly that status
 * reaches ctest through QEMU (a failing test must fail the run). With "abort" it calls abort().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		printf("usage: board_exit_status STATUS|abort\n");
		return 99;
	}
	if (strcmp(argv[1], "abort") == 0) {
		printf("calling abort()\n");
		abort();
	}
	printf("exiting with %s\n", argv[1]);
	return atoi(argv[1]);
}
