/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Output and exit for the runtime itself, usable where stdio is not (signal paths). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kernel_internal.h"

void z_host_raw_write(const char *msg)
{
	size_t len = strlen(msg);

	while (len > 0U) {
		ssize_t n = write(STDERR_FILENO, msg, len);

		if (n <= 0) {
			if (n < 0 && errno == EINTR) {
				continue;
			}
			return;
		}
		msg += n;
		len -= (size_t)n;
	}
}

FUNC_NORETURN void z_host_exit(int status)
{
	fflush(stdout);
	fflush(stderr);
	exit(status);
}
