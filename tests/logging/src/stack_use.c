/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Logging and printk format on the runtime's stack, not on the caller's. Measured directly: a
 * thread's stack is painted before it starts and the untouched bytes are counted after it ends.
 * A thread that logs, prints and formats floats must use little of its stack, and so must one
 * that calls snprintf (applications' printf-family calls are wrapped to format on the runtime's
 * stack, arch/host/libc_format.c); a control thread that calls the C library's own snprintf
 * (__real_snprintf, what --wrap leaves of it) shows what the same formatting costs on the
 * application's stack (so the measurement can tell the two apart). main() itself runs on a
 * CONFIG_MAIN_STACK_SIZE=2048 stack and logs floats as well.
 */
#include <stdio.h>
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>
#include <zephyr/sys/printk.h>

LOG_MODULE_REGISTER(stack_use, LOG_LEVEL_DBG);

#define STACK_SIZE 16384
#define PAINT      0xAA
/* The thread's own frames (entry, a 64-byte buffer, call overhead) stay well below this. */
#define LOGGING_BUDGET 1024

K_THREAD_STACK_DEFINE(test_stack, STACK_SIZE);
static struct k_thread test_thread;

#if CONFIG_MAIN_STACK_SIZE != 2048
#error "prj.conf sets CONFIG_MAIN_STACK_SIZE=2048"
#endif

static void log_everything(void *p1, void *p2, void *p3)
{
	static const unsigned char bytes[40] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
	char buf[64];

	(void)p1;
	(void)p2;
	(void)p3;
	LOG_INF("floats %.1f %.6f %e %g", 3.25, -1.0 / 3.0, 6.02e23, 1e-300);
	LOG_DBG("ints %d %lld %zu %p %s", -1, 123456789012345LL, sizeof(buf), (void *)buf, "str");
	LOG_HEXDUMP_INF(bytes, sizeof(bytes), "bytes");
	printk("printk %.3f %10.4e %s\n", 2.0 / 3.0, 12345.678, "text");
	snprintk(buf, sizeof(buf), "%.2f|%e", 1.005, 9.99e-9);
	printk("snprintk gave %s\n", buf);
}

/* The C library's snprintf itself, unwrapped (the application is linked with --wrap=snprintf). */
int __real_snprintf(char *buf, size_t size, const char *fmt, ...);

static void format_with_libc(void *p1, void *p2, void *p3)
{
	char buf[64];

	(void)p2;
	(void)p3;
	__real_snprintf(buf, sizeof(buf), "%.1f %.6f %e %g", 3.25, -1.0 / 3.0, 6.02e23, 1e-300);
	*(volatile char *)p1 = buf[0];
}

/* The application's own snprintf call, as written: wrapped, it formats on the runtime stack. */
static void format_with_snprintf(void *p1, void *p2, void *p3)
{
	char buf[64];

	(void)p2;
	(void)p3;
	snprintf(buf, sizeof(buf), "%.1f %.6f %e %g", 3.25, -1.0 / 3.0, 6.02e23, 1e-300);
	printf("printf %s %.3f\n", buf, 2.0 / 3.0);
	*(volatile char *)p1 = buf[0];
}

/* Bytes of the stack written by @p entry: the stack grows down, so count from the low end. */
static size_t stack_used_by(k_thread_entry_t entry)
{
	static volatile char sink;
	unsigned char *base = (unsigned char *)K_THREAD_STACK_BUFFER(test_stack);
	size_t size = K_THREAD_STACK_SIZEOF(test_stack);
	size_t untouched = 0;

	/* Painted before the thread exists, so nothing the runtime sets up is overwritten. */
	memset(base, PAINT, size);
	k_tid_t t = k_thread_create(&test_thread, test_stack, STACK_SIZE, entry, (void *)&sink,
				    NULL, NULL, 5, 0, K_NO_WAIT);

	k_thread_join(t, K_FOREVER);
	while (untouched < size && base[untouched] == PAINT) {
		untouched++;
	}
	return size - untouched;
}

int main(void)
{
	size_t logging = stack_used_by(log_everything);
	size_t libc = stack_used_by(format_with_libc);
	size_t wrapped = stack_used_by(format_with_snprintf);
	int failures = 0;

	size_t main_stack = k_current_get()->stack_info.size;

	LOG_INF("main on a %d-byte stack: %.1f %.2f", CONFIG_MAIN_STACK_SIZE, 98.6, -40.0);
	/* prj.conf sets the runtime: the main stack is the configured size, not the 8 KiB
	 * default.
	 */
	if (main_stack != 2048) {
		printk("FAIL: main thread stack is %zu bytes, configured 2048\n", main_stack);
		failures++;
	}
	printk("stack used: logging thread %zu bytes, libc snprintf thread %zu bytes, "
	       "application snprintf+printf thread %zu bytes\n",
	       logging, libc, wrapped);
	if (logging > LOGGING_BUDGET) {
		printk("FAIL: logging used %zu bytes of the caller's stack (budget %d)\n", logging,
		       LOGGING_BUDGET);
		failures++;
	}
	if (wrapped > LOGGING_BUDGET) {
		printk("FAIL: snprintf/printf used %zu bytes of the caller's stack (budget %d)\n",
		       wrapped, LOGGING_BUDGET);
		failures++;
	}
	if (libc < logging + 512) {
		printk("FAIL: the control (%zu bytes) does not stand out from logging (%zu bytes): "
		       "the measurement cannot tell where formatting ran\n",
		       libc, logging);
		failures++;
	}
	return failures;
}
