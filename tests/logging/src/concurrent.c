/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Log lines stay whole when several host threads log at once: only one k_thread runs at a time,
 * but the runtime's helper threads (plain pthreads) may log too. Two pthreads and the main
 * thread log messages and hex dumps with stdout redirected to a file; every line of the file is
 * then checked: complete, in the expected format, and each hex dump's lines right after its
 * header.
 */
#define _POSIX_C_SOURCE 200809L

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>
#include <zephyr/sys/printk.h>

LOG_MODULE_REGISTER(conc, LOG_LEVEL_INF);

#define LINES_PER_WRITER 3000
#define WRITERS          3 /* two pthreads and main */

static const unsigned char payload[20] = "0123456789abcdefghij";
static pthread_barrier_t start_together; /* maximizes the overlap of the writers */

static void write_lines(int who)
{
	pthread_barrier_wait(&start_together);
	for (int i = 0; i < LINES_PER_WRITER; i++) {
		LOG_INF("writer %d message %d with a float %.2f and some padding text end", who, i,
			i / 4.0);
		if (i % 50 == 0) {
			LOG_HEXDUMP_INF(payload, sizeof(payload), "dump");
		}
		if (i % 30 == 0) {
			printk("printk from writer %d line %d end\n", who, i);
		}
	}
}

static void *helper(void *arg)
{
	write_lines((int)(intptr_t)arg);
	return NULL;
}

/* Checks one line; returns the number of hex dump lines that must follow it. */
static int check_line(const char *line, int *bad)
{
	int who, i, n = 0;
	char tag[4];

	if (sscanf(line, "[%*2d:%*2d:%*2d.%*3d,%*3d] <%3[a-z]> conc: writer %d message %d with a "
			 "float %*f and some padding text end%n",
		   tag, &who, &i, &n) == 3 &&
	    n == (int)strlen(line) && strcmp(tag, "inf") == 0) {
		return 0;
	}
	n = 0;
	if (sscanf(line, "[%*2d:%*2d:%*2d.%*3d,%*3d] <inf> conc: dump%n", &n) == 0 &&
	    n == (int)strlen(line)) {
		return 2;
	}
	n = 0;
	if (sscanf(line, "printk from writer %d line %d end%n", &who, &i, &n) == 2 &&
	    n == (int)strlen(line)) {
		return 0;
	}
	printk("bad line: '%s'\n", line);
	(*bad)++;
	return 0;
}

int main(void)
{
	char path[] = "/tmp/zmem_log_concurrent_XXXXXX";
	int fd = mkstemp(path);
	int saved = dup(STDOUT_FILENO);
	pthread_t threads[2];

	if (fd < 0 || saved < 0) {
		printk("FAIL: cannot create the capture file\n");
		return 1;
	}
	fflush(stdout);
	dup2(fd, STDOUT_FILENO);
	pthread_barrier_init(&start_together, NULL, WRITERS);
	for (int t = 0; t < 2; t++) {
		pthread_create(&threads[t], NULL, helper, (void *)(intptr_t)(t + 1));
	}
	write_lines(0);
	for (int t = 0; t < 2; t++) {
		pthread_join(threads[t], NULL);
	}
	fflush(stdout);
	pthread_barrier_destroy(&start_together);
	dup2(saved, STDOUT_FILENO);
	close(saved);

	FILE *f = fopen(path, "r");
	char line[512];
	int lines = 0, bad = 0, dump_lines_due = 0;

	while (f != NULL && fgets(line, sizeof(line), f) != NULL) {
		size_t len = strlen(line);

		lines++;
		if (len == 0 || line[len - 1] != '\n') {
			printk("unterminated line: '%s'\n", line);
			bad++;
			continue;
		}
		line[len - 1] = '\0';
		if (dump_lines_due > 0) {
			/* Indented under the message (31 columns), then the bytes "0..." or "g...". */
			if (strspn(line, " ") != 31 || (line[31] != '3' && line[31] != '6')) {
				printk("hex dump line expected, got: '%s'\n", line);
				bad++;
			}
			dump_lines_due--;
			continue;
		}
		dump_lines_due = check_line(line, &bad);
	}
	if (f != NULL) {
		fclose(f);
	}
	unlink(path);

	int expected = WRITERS * (LINES_PER_WRITER + 3 * (LINES_PER_WRITER / 50) +
				  LINES_PER_WRITER / 30);
	printk("%d lines captured (%d expected), %d bad\n", lines, expected, bad);
	return (bad == 0 && lines == expected) ? 0 : 1;
}
