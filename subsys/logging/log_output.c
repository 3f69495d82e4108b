/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief The console: Zephyr's log line prefix and whole-line output to stdout.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>

#include <zephyr/logging/log.h>

#include "log_host.h"

void z_log_console_lock(void)
{
	/*
	 * stdio's own lock: it also orders log lines with the application's printf() output, and
	 * it is recursive, so a fatal-error path that logs while a line is half printed on the
	 * same host thread cannot deadlock.
	 */
	flockfile(stdout);
}

void z_log_console_unlock(void)
{
	/* Flushed line by line, so nothing is lost when the process ends through _exit(). */
	fflush(stdout);
	funlockfile(stdout);
}

static const char *level_tag(int level)
{
	switch (level) {
	case LOG_LEVEL_ERR:
		return "err";
	case LOG_LEVEL_WRN:
		return "wrn";
	case LOG_LEVEL_INF:
		return "inf";
	default:
		return "dbg";
	}
}

int z_log_output_prefix(const char *module, int level, uint64_t uptime_us)
{
	uint64_t total_s = uptime_us / 1000000u;
	unsigned int us = (unsigned int)(uptime_us % 1000u);
	unsigned int ms = (unsigned int)((uptime_us / 1000u) % 1000u);
	unsigned int s = (unsigned int)(total_s % 60u);
	unsigned int m = (unsigned int)((total_s / 60u) % 60u);
	unsigned long long h = (unsigned long long)(total_s / 3600u);

	int n = fprintf(stdout, "[%02llu:%02u:%02u.%03u,%03u] <%s> %s: ", h, m, s, ms, us,
			level_tag(level), module != NULL ? module : "?");

	return n < 0 ? 0 : n;
}
