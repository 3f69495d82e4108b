/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The C library's printf family, called by application code on a k_thread stack, runs on the
 * runtime's stack, as printk and logging do: glibc's vfprintf needs 2-8 KB of stack where the
 * C library of an MCU needs a few hundred bytes, and application stacks are sized for the MCU.
 *
 * Applications are linked with --wrap for each function below (zmem_app_runtime's link
 * options), so their calls (and zmem's own) come here. On an application stack the call is
 * handed to the runtime's stack whole (z_host_run_on_runtime_stack); anywhere else (the runtime
 * stack, the boot context, a host thread that is not a k_thread, the fault handler) it goes
 * straight to the C library. The application's stack pays for this wrapper and the context
 * switch only (docs/host-runtime.md gives the figure). Compilers turn printf("text\n") into
 * puts() and printf("c") into putchar(), so those are wrapped too, and the _FORTIFY_SOURCE
 * (__*_chk) entry points keep their checks.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include "host_thread.h"
#include "kernel_internal.h"

/*
 * The C library's own entry points (--wrap=X makes __real_X the original X). Weak: programs
 * linked without the --wrap options (zmem's own unit tests) never call the wrappers, and
 * must still link.
 */
__attribute__((weak)) int __real_vfprintf(FILE *stream, const char *fmt, va_list ap);
__attribute__((weak)) int __real_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
__attribute__((weak)) int __real_vsprintf(char *buf, const char *fmt, va_list ap);
__attribute__((weak)) int __real_fputs(const char *s, FILE *stream);
__attribute__((weak)) int __real_puts(const char *s);
__attribute__((weak)) int __real_putchar(int c);
__attribute__((weak)) int __real___vfprintf_chk(FILE *stream, int flag, const char *fmt,
						va_list ap);
__attribute__((weak)) int __real___vsnprintf_chk(char *buf, size_t maxlen, int flag, size_t slen,
						 const char *fmt, va_list ap);
__attribute__((weak)) int __real___vsprintf_chk(char *buf, int flag, size_t slen, const char *fmt,
						va_list ap);

/* Set while the fault handler runs on the signal stack: never switch stacks from there. */
__thread bool z_host_in_fault_handler;

enum fmt_kind {
	FMT_VFPRINTF,
	FMT_VSNPRINTF,
	FMT_VSPRINTF,
	FMT_FPUTS,
	FMT_PUTS,
	FMT_PUTCHAR,
	FMT_VFPRINTF_CHK,
	FMT_VSNPRINTF_CHK,
	FMT_VSPRINTF_CHK,
};

struct fmt_call {
	enum fmt_kind kind;
	FILE *stream;
	char *buf;
	size_t size;
	size_t slen;
	int flag;
	int c;
	const char *fmt;
	va_list *ap;
	int ret;
};

static void run_call(void *arg)
{
	struct fmt_call *c = arg;

	switch (c->kind) {
	case FMT_VFPRINTF:
		c->ret = __real_vfprintf(c->stream, c->fmt, *c->ap);
		break;
	case FMT_VSNPRINTF:
		c->ret = __real_vsnprintf(c->buf, c->size, c->fmt, *c->ap);
		break;
	case FMT_VSPRINTF:
		c->ret = __real_vsprintf(c->buf, c->fmt, *c->ap);
		break;
	case FMT_FPUTS:
		c->ret = __real_fputs(c->fmt, c->stream);
		break;
	case FMT_PUTS:
		c->ret = __real_puts(c->fmt);
		break;
	case FMT_PUTCHAR:
		c->ret = __real_putchar(c->c);
		break;
	case FMT_VFPRINTF_CHK:
		c->ret = __real___vfprintf_chk(c->stream, c->flag, c->fmt, *c->ap);
		break;
	case FMT_VSNPRINTF_CHK:
		c->ret = __real___vsnprintf_chk(c->buf, c->size, c->flag, c->slen, c->fmt, *c->ap);
		break;
	case FMT_VSPRINTF_CHK:
		c->ret = __real___vsprintf_chk(c->buf, c->flag, c->slen, c->fmt, *c->ap);
		break;
	}
}

/* Run @p c where it belongs: on the runtime stack when called on an application stack. */
static int dispatch(struct fmt_call *c)
{
	struct z_host_thread *h = z_host_self;

	if (h != NULL && h->on_app && !z_host_in_fault_handler) {
		z_host_run_on_runtime_stack(run_call, c);
	} else {
		run_call(c);
	}
	return c->ret;
}

/* A va_list parameter cannot be addressed portably: the call works on a copy. */
static int dispatch_v(struct fmt_call *c, va_list ap)
{
	va_list copy;

	va_copy(copy, ap);
	c->ap = &copy;
	int ret = dispatch(c);

	va_end(copy);
	return ret;
}

/*
 * Body of a variadic wrapper (printf, fprintf, ... and their __*_chk forms): take the arguments
 * after @p last as `ap` and return @p vcall, the call of the wrapper's va_list twin with `ap`.
 */
#define FORWARD_VA(last, vcall)                                                                    \
	va_list ap;                                                                                \
                                                                                                   \
	va_start(ap, last);                                                                        \
	int ret = vcall;                                                                           \
                                                                                                   \
	va_end(ap);                                                                                \
	return ret

int __wrap_vfprintf(FILE *stream, const char *fmt, va_list ap)
{
	struct fmt_call c = {.kind = FMT_VFPRINTF, .stream = stream, .fmt = fmt};

	return dispatch_v(&c, ap);
}

int __wrap_vprintf(const char *fmt, va_list ap)
{
	struct fmt_call c = {.kind = FMT_VFPRINTF, .stream = stdout, .fmt = fmt};

	return dispatch_v(&c, ap);
}

int __wrap_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct fmt_call c = {.kind = FMT_VSNPRINTF, .buf = buf, .size = size, .fmt = fmt};

	return dispatch_v(&c, ap);
}

int __wrap_vsprintf(char *buf, const char *fmt, va_list ap)
{
	struct fmt_call c = {.kind = FMT_VSPRINTF, .buf = buf, .fmt = fmt};

	return dispatch_v(&c, ap);
}

int __wrap_printf(const char *fmt, ...)
{
	FORWARD_VA(fmt, __wrap_vfprintf(stdout, fmt, ap));
}

int __wrap_fprintf(FILE *stream, const char *fmt, ...)
{
	FORWARD_VA(fmt, __wrap_vfprintf(stream, fmt, ap));
}

int __wrap_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	FORWARD_VA(fmt, __wrap_vsnprintf(buf, size, fmt, ap));
}

int __wrap_sprintf(char *buf, const char *fmt, ...)
{
	FORWARD_VA(fmt, __wrap_vsprintf(buf, fmt, ap));
}

int __wrap_fputs(const char *s, FILE *stream)
{
	struct fmt_call c = {.kind = FMT_FPUTS, .stream = stream, .fmt = s};

	return dispatch(&c);
}

int __wrap_puts(const char *s)
{
	struct fmt_call c = {.kind = FMT_PUTS, .fmt = s};

	return dispatch(&c);
}

int __wrap_putchar(int ch)
{
	struct fmt_call c = {.kind = FMT_PUTCHAR, .c = ch};

	return dispatch(&c);
}

/* _FORTIFY_SOURCE entry points: the same, with glibc's checks kept. */
int __wrap___vfprintf_chk(FILE *stream, int flag, const char *fmt, va_list ap)
{
	struct fmt_call c = {.kind = FMT_VFPRINTF_CHK, .stream = stream, .flag = flag, .fmt = fmt};

	return dispatch_v(&c, ap);
}

int __wrap___vprintf_chk(int flag, const char *fmt, va_list ap)
{
	return __wrap___vfprintf_chk(stdout, flag, fmt, ap);
}

int __wrap___vsnprintf_chk(char *buf, size_t maxlen, int flag, size_t slen, const char *fmt,
			   va_list ap)
{
	struct fmt_call c = {.kind = FMT_VSNPRINTF_CHK,
			     .buf = buf,
			     .size = maxlen,
			     .flag = flag,
			     .slen = slen,
			     .fmt = fmt};

	return dispatch_v(&c, ap);
}

int __wrap___vsprintf_chk(char *buf, int flag, size_t slen, const char *fmt, va_list ap)
{
	struct fmt_call c = {
	    .kind = FMT_VSPRINTF_CHK, .buf = buf, .flag = flag, .slen = slen, .fmt = fmt};

	return dispatch_v(&c, ap);
}

int __wrap___printf_chk(int flag, const char *fmt, ...)
{
	FORWARD_VA(fmt, __wrap___vfprintf_chk(stdout, flag, fmt, ap));
}

int __wrap___fprintf_chk(FILE *stream, int flag, const char *fmt, ...)
{
	FORWARD_VA(fmt, __wrap___vfprintf_chk(stream, flag, fmt, ap));
}

int __wrap___snprintf_chk(char *buf, size_t maxlen, int flag, size_t slen, const char *fmt, ...)
{
	FORWARD_VA(fmt, __wrap___vsnprintf_chk(buf, maxlen, flag, slen, fmt, ap));
}

int __wrap___sprintf_chk(char *buf, int flag, size_t slen, const char *fmt, ...)
{
	FORWARD_VA(fmt, __wrap___vsprintf_chk(buf, flag, slen, fmt, ap));
}
