/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief printk() and snprintk() on the host: formatted on the runtime's stack.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>

#include <zephyr/sys/printk.h>

#include "log_host.h"

/** A call's arguments, carried across the stack switch. */
struct printk_job {
	char *str;
	size_t size;
	const char *fmt;
	va_list *ap;
	int result;
};

#ifdef Z_PRINTK_ENABLED
static void vprintk_on_runtime_stack(void *arg)
{
	struct printk_job *job = arg;
	va_list ap;

	va_copy(ap, *job->ap);
	z_log_console_lock();
	job->result = vfprintf(stdout, job->fmt, ap);
	z_log_console_unlock();
	va_end(ap);
}

void vprintk(const char *fmt, va_list ap)
{
	va_list copy;
	struct printk_job job = {.fmt = fmt, .ap = &copy};

	va_copy(copy, ap);
	z_host_run_on_runtime_stack(vprintk_on_runtime_stack, &job);
	va_end(copy);
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}
#endif /* Z_PRINTK_ENABLED */

static void vsnprintk_on_runtime_stack(void *arg)
{
	struct printk_job *job = arg;
	va_list ap;

	va_copy(ap, *job->ap);
	job->result = vsnprintf(job->str, job->size, job->fmt, ap);
	va_end(ap);
}

int vsnprintk(char *str, size_t size, const char *fmt, va_list ap)
{
	va_list copy;
	struct printk_job job = {.str = str, .size = size, .fmt = fmt, .ap = &copy};

	va_copy(copy, ap);
	z_host_run_on_runtime_stack(vsnprintk_on_runtime_stack, &job);
	va_end(copy);
	return job.result;
}

int snprintk(char *str, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintk(str, size, fmt, ap);
	va_end(ap);
	return n;
}
