/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The system calls newlib needs on a board with no OS: console output through
 * semihosting, malloc's memory from the RAM between .bss and the main stack, and exit through
 * SYS_EXIT_EXTENDED. Files other than stdin/stdout/stderr do not exist.
 */
#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>

#include "board.h"
#include "semihost.h"

extern char __heap_start[], __stack_limit[];

int z_cortex_m_stack_check(int status);

/* Prototypes newlib expects (it declares them only for its own use). */
void *_sbrk(ptrdiff_t incr);
int _write(int fd, const void *buf, size_t len);
int _read(int fd, void *buf, size_t len);
int _close(int fd);
int _fstat(int fd, struct stat *st);
int _isatty(int fd);
int _lseek(int fd, int offset, int whence);
int _kill(int pid, int sig);
int _getpid(void);
void _exit(int status);

void *_sbrk(ptrdiff_t incr)
{
	static char *brk = __heap_start;
	char *old = brk;

	/* Never hand out the stack's memory: malloc fails instead of corrupting the stack. */
	if (incr > __stack_limit - brk || incr < __heap_start - brk) {
		errno = ENOMEM;
		return (void *)-1;
	}
	brk += incr;
	return old;
}

int _write(int fd, const void *buf, size_t len)
{
	if (fd != 1 && fd != 2) {
		errno = EBADF;
		return -1;
	}
	return (int)semihost_write(fd == 2, buf, len);
}

int _read(int fd, void *buf, size_t len)
{
	(void)fd;
	(void)buf;
	(void)len;
	return 0; /* stdin is always at end of file */
}

int _close(int fd)
{
	(void)fd;
	errno = EBADF;
	return -1;
}

int _fstat(int fd, struct stat *st)
{
	(void)fd;
	st->st_mode = S_IFCHR; /* the console: line-buffered stdout, so output interleaves sanely */
	return 0;
}

int _isatty(int fd)
{
	return fd >= 0 && fd <= 2;
}

int _lseek(int fd, int offset, int whence)
{
	(void)fd;
	(void)offset;
	(void)whence;
	errno = ESPIPE;
	return -1;
}

int _kill(int pid, int sig)
{
	(void)pid;
	(void)sig;
	errno = EINVAL;
	return -1;
}

int _getpid(void)
{
	return 1;
}

/* abort() raises SIGABRT through _kill, which fails, and then calls _exit(1). */
void _exit(int status)
{
	semihost_exit(z_cortex_m_stack_check(status));
}
