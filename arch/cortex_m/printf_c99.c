/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * C99 length modifiers for Debian's newlib, which is built without them: "%zu" prints "zu".
 * The shared sources (core, tests) use %zu for size_t, so the board wraps newlib's two format
 * engines (the link uses --wrap) and rewrites the modifiers to ones of the same width on these
 * 32-bit targets before formatting: z and t (size_t, ptrdiff_t: 32 bits) become l, j
 * (intmax_t: 64 bits) becomes ll. Everything else passes through unchanged.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

_Static_assert(sizeof(size_t) == sizeof(long), "z -> l needs size_t as wide as long");
_Static_assert(sizeof(ptrdiff_t) == sizeof(long), "t -> l needs ptrdiff_t as wide as long");
_Static_assert(sizeof(intmax_t) == sizeof(long long), "j -> ll needs intmax_t as long long");

struct _reent;

int __real__vfprintf_r(struct _reent *r, FILE *fp, const char *fmt, va_list ap);
int __real__svfprintf_r(struct _reent *r, FILE *fp, const char *fmt, va_list ap);
int __wrap__vfprintf_r(struct _reent *r, FILE *fp, const char *fmt, va_list ap);
int __wrap__svfprintf_r(struct _reent *r, FILE *fp, const char *fmt, va_list ap);

/* Longest format rewritten; a longer one that needs it is passed unchanged. */
#define FMT_MAX 256

static int is_flag_or_width(char c)
{
	return c == '-' || c == '+' || c == ' ' || c == '#' || c == '*' || c == '.' ||
	       (c >= '0' && c <= '9');
}

/* Returns fmt itself when nothing needs rewriting (or it does not fit), else buf. */
static const char *c99_format(const char *fmt, char *buf)
{
	size_t n = 0;
	int rewritten = 0;

	for (const char *p = fmt; *p != '\0'; p++) {
		if (n + 3 >= FMT_MAX) {
			return fmt;
		}
		buf[n++] = *p;
		if (*p != '%') {
			continue;
		}
		if (p[1] == '%') {
			buf[n++] = *++p;
			continue;
		}
		while (is_flag_or_width(p[1]) && n + 3 < FMT_MAX) {
			buf[n++] = *++p;
		}
		if (p[1] == 'z' || p[1] == 't') {
			buf[n++] = 'l';
			p++;
			rewritten = 1;
		} else if (p[1] == 'j') {
			buf[n++] = 'l';
			buf[n++] = 'l';
			p++;
			rewritten = 1;
		}
	}
	buf[n] = '\0';
	return rewritten ? buf : fmt;
}

int __wrap__vfprintf_r(struct _reent *r, FILE *fp, const char *fmt, va_list ap)
{
	char buf[FMT_MAX];

	return __real__vfprintf_r(r, fp, c99_format(fmt, buf), ap);
}

int __wrap__svfprintf_r(struct _reent *r, FILE *fp, const char *fmt, va_list ap)
{
	char buf[FMT_MAX];

	return __real__svfprintf_r(r, fp, c99_format(fmt, buf), ap);
}
