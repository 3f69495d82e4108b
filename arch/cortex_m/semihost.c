/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Semihosting console, command line and exit for QEMU's Cortex-M boards. */
#include "semihost.h"

/* Host handles for ":tt" opened for writing (stdout) and appending (stderr); -1 = not open. */
static intptr_t tt_handle[2] = {-1, -1};

static intptr_t open_tt(int to_stderr)
{
	/* ":tt" is the host console; mode 4 ("w") selects stdout and mode 8 ("a") stderr. */
	static const char tt[] = ":tt";
	const uintptr_t block[3] = {(uintptr_t)tt, to_stderr ? 8u : 4u, sizeof(tt) - 1};

	return semihost_call(SEMIHOST_SYS_OPEN, block);
}

size_t semihost_write(int to_stderr, const void *buf, size_t len)
{
	int i = to_stderr ? 1 : 0;

	if (tt_handle[i] < 0) {
		tt_handle[i] = open_tt(to_stderr);
		if (tt_handle[i] < 0) {
			return 0;
		}
	}
	const uintptr_t block[3] = {(uintptr_t)tt_handle[i], (uintptr_t)buf, len};
	/* The host returns the number of bytes it could NOT write. */
	intptr_t unwritten = semihost_call(SEMIHOST_SYS_WRITE, block);

	if (unwritten < 0 || (size_t)unwritten > len) {
		return 0;
	}
	return len - (size_t)unwritten;
}

void semihost_puts(const char *s)
{
	size_t len = 0;

	/* Same channel as printf (QEMU sends SYS_WRITE0 to its stderr), so output stays in order. */
	while (s[len] != '\0') {
		len++;
	}
	semihost_write(0, s, len);
}

void semihost_exit(int status)
{
	const uintptr_t block[2] = {SEMIHOST_ADP_STOPPED_APPLICATION_EXIT, (uintptr_t)status};

	semihost_call(SEMIHOST_SYS_EXIT_EXTENDED, block);
	/* A host without SYS_EXIT_EXTENDED: plain SYS_EXIT still tells success from failure. */
	semihost_call(SEMIHOST_SYS_EXIT,
		      (const void *)(uintptr_t)(status == 0 ? SEMIHOST_ADP_STOPPED_APPLICATION_EXIT
							    : 0x20023u /* RunTimeErrorUnknown */));
	for (;;) {
		__asm__ volatile("bkpt 0");
	}
}

int semihost_get_cmdline(char *buf, size_t size)
{
	uintptr_t block[2] = {(uintptr_t)buf, size};

	if (size == 0 || semihost_call(SEMIHOST_SYS_GET_CMDLINE, block) != 0) {
		return -1;
	}
	buf[block[1] < size ? block[1] : size - 1] = '\0';
	return 0;
}
