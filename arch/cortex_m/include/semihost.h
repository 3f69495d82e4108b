/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief ARM semihosting calls used by the Cortex-M board support under QEMU.
 *
 * Semihosting turns a `bkpt 0xAB` into a request to the debugger, or to QEMU when it runs with
 * `-semihosting-config enable=on,target=native`. It is the board's only I/O: the console
 * (SYS_WRITE to ":tt") and the exit status (SYS_EXIT_EXTENDED). Without a semihosting host a
 * real chip would take a HardFault at the first call, so these images are for QEMU or a debug
 * probe only.
 */
#ifndef ZMEM_ARCH_CORTEX_M_SEMIHOST_H_
#define ZMEM_ARCH_CORTEX_M_SEMIHOST_H_

#include <stddef.h>
#include <stdint.h>

/** @brief Semihosting operation numbers (ARM "Semihosting for AArch32 and AArch64", v2). */
enum semihost_op {
	SEMIHOST_SYS_OPEN = 0x01,
	SEMIHOST_SYS_WRITE = 0x05,
	SEMIHOST_SYS_WRITE0 = 0x04,
	SEMIHOST_SYS_GET_CMDLINE = 0x15,
	SEMIHOST_SYS_EXIT = 0x18,
	SEMIHOST_SYS_EXIT_EXTENDED = 0x20,
};

/** @brief Reason code for a normal application exit (SYS_EXIT / SYS_EXIT_EXTENDED). */
#define SEMIHOST_ADP_STOPPED_APPLICATION_EXIT 0x20026u

/**
 * @brief Issue one semihosting call.
 * @param op Operation number.
 * @param arg Operation argument (usually a pointer to a parameter block).
 * @return The host's result register.
 */
static inline intptr_t semihost_call(uintptr_t op, const void *arg)
{
	register uintptr_t r0 __asm__("r0") = op;
	register const void *r1 __asm__("r1") = arg;

	/* "memory": the host reads and writes buffers the compiler cannot see through r1. */
	__asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
	return (intptr_t)r0;
}

/**
 * @brief Write bytes to the host console (stdout or stderr).
 * @param to_stderr Non-zero for the host's stderr.
 * @param buf Bytes to write.
 * @param len Number of bytes.
 * @return Bytes written.
 */
size_t semihost_write(int to_stderr, const void *buf, size_t len);

/** @brief Write a NUL-terminated string to the host console without any libc (fault paths). */
void semihost_puts(const char *s);

/**
 * @brief End the program with @p status as QEMU's exit code. Does not return.
 *
 * Uses SYS_EXIT_EXTENDED so that the full status reaches the host; plain AArch32 SYS_EXIT can
 * only say "success" or "failure".
 */
__attribute__((noreturn)) void semihost_exit(int status);

/**
 * @brief Read the command line the host passes (QEMU: `-semihosting-config ...,arg=...`).
 * @param buf Destination, NUL-terminated on success.
 * @param size Size of @p buf.
 * @return 0 on success, -1 when the host has none or it does not fit.
 */
int semihost_get_cmdline(char *buf, size_t size);

#endif /* ZMEM_ARCH_CORTEX_M_SEMIHOST_H_ */
