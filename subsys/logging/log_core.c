/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief The logging front end: LOG_* messages and hex dumps, formatted on the runtime's stack.
 *
 * Zephyr's deferred logging copies the arguments and formats them later in its log thread, so
 * the caller's stack never pays for the formatter. zmem gets the same property by switching to
 * the runtime's stack for the formatting, then prints the line before returning (the order of
 * lines is therefore the order of the calls).
 */
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>

#include <zephyr/logging/log.h>

#include "log_host.h"

#if defined(CONFIG_LOG) && CONFIG_LOG

/** Everything a message needs, carried across the stack switch. */
struct log_job {
	const struct log_source *src;
	int level;
	const char *func;
	const char *fmt;
	va_list *ap; /* a pointer: a va_list may be passed on only that way (C11 7.16) */
	const unsigned char *data;
	size_t length;
};

static void print_message(const struct log_job *job)
{
	va_list ap;

	if (job->func != NULL) {
		fprintf(stdout, "%s: ", job->func);
	}
	va_copy(ap, *job->ap);
	vfprintf(stdout, job->fmt, ap);
	va_end(ap);
}

static void message_on_runtime_stack(void *arg)
{
	const struct log_job *job = arg;

	z_log_console_lock();
	z_log_output_prefix(job->src != NULL ? job->src->name : NULL, job->level,
			    z_host_uptime_us());
	print_message(job);
	fputc('\n', stdout);
	z_log_console_unlock();
}

void z_log_msg(const struct log_source *src, int level, const char *func, const char *fmt, ...)
{
	va_list ap;
	struct log_job job = {.src = src, .level = level, .func = func, .fmt = fmt, .ap = &ap};

	va_start(ap, fmt);
	z_host_run_on_runtime_stack(message_on_runtime_stack, &job);
	va_end(ap);
}

void z_log_printf(const struct log_source *src, int level, const char *fmt, ...)
{
	va_list ap;
	struct log_job job = {.src = src, .level = level, .fmt = fmt, .ap = &ap};

	va_start(ap, fmt);
	z_host_run_on_runtime_stack(message_on_runtime_stack, &job);
	va_end(ap);
}

/* One dump line as Zephyr prints it: 16 bytes in two groups of 8, then the printable chars. */
static void print_hexdump_line(const unsigned char *data, size_t length, int indent)
{
	fprintf(stdout, "%*s", indent, "");
	for (size_t i = 0; i < 16; i++) {
		if (i == 8) {
			fputc(' ', stdout);
		}
		if (i < length) {
			fprintf(stdout, "%02x ", data[i]);
		} else {
			fputs("   ", stdout);
		}
	}
	fputc('|', stdout);
	for (size_t i = 0; i < 16 && i < length; i++) {
		if (i == 8) {
			fputc(' ', stdout);
		}
		fputc(isprint(data[i]) ? data[i] : '.', stdout);
	}
	fputc('\n', stdout);
}

static void hexdump_on_runtime_stack(void *arg)
{
	const struct log_job *job = arg;

	z_log_console_lock();
	int indent = z_log_output_prefix(job->src != NULL ? job->src->name : NULL, job->level,
					 z_host_uptime_us());
	fprintf(stdout, "%s\n", job->fmt != NULL ? job->fmt : "");
	if (job->data == NULL && job->length > 0) {
		fprintf(stdout, "%*s(null data, %zu bytes)\n", indent, "", job->length);
	} else {
		for (size_t off = 0; off < job->length; off += 16) {
			size_t n = job->length - off < 16 ? job->length - off : 16;

			print_hexdump_line(job->data + off, n, indent);
		}
	}
	z_log_console_unlock();
}

void z_log_hexdump(const struct log_source *src, int level, const void *data, size_t length,
		   const char *str)
{
	struct log_job job = {
		.src = src, .level = level, .fmt = str, .data = data, .length = length};

	z_host_run_on_runtime_stack(hexdump_on_runtime_stack, &job);
}

static void raw_on_runtime_stack(void *arg)
{
	const struct log_job *job = arg;

	z_log_console_lock();
	print_message(job);
	z_log_console_unlock();
}

void z_log_raw(const char *fmt, ...)
{
	va_list ap;
	struct log_job job = {.fmt = fmt, .ap = &ap};

	va_start(ap, fmt);
	z_host_run_on_runtime_stack(raw_on_runtime_stack, &job);
	va_end(ap);
}

void log_panic(void)
{
	z_log_console_lock();
	z_log_console_unlock();
}

#endif /* CONFIG_LOG */
