/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Fault report: prints the exception, the stacked registers and the fault status registers,
 * then exits with Z_CORTEX_M_FAULT_EXIT. It uses no C library (the fault may have come from
 * inside it, or from a corrupted heap) and writes through semihost_puts() only.
 */
#include <stdint.h>

#include "board.h"
#include "semihost.h"

#define SCB_CFSR  (*(volatile uint32_t *)0xE000ED28u)
#define SCB_HFSR  (*(volatile uint32_t *)0xE000ED2Cu)
#define SCB_MMFAR (*(volatile uint32_t *)0xE000ED34u)
#define SCB_BFAR  (*(volatile uint32_t *)0xE000ED38u)

void z_cortex_m_fault_report(const uint32_t *frame, uint32_t exc_return);

static void put_hex(const char *label, uint32_t v)
{
	char buf[20];
	int n = 0;

	while (*label != '\0' && n < 6) {
		buf[n++] = *label++;
	}
	buf[n++] = '=';
	for (int shift = 28; shift >= 0; shift -= 4) {
		buf[n++] = "0123456789abcdef"[(v >> shift) & 0xFu];
	}
	buf[n++] = ' ';
	buf[n] = '\0';
	semihost_puts(buf);
}

static const char *exception_name(uint32_t ipsr)
{
	switch (ipsr) {
	case 2:
		return "NMI";
	case 3:
		return "HardFault";
	case 4:
		return "MemManage";
	case 5:
		return "BusFault";
	case 6:
		return "UsageFault";
	default:
		return "unexpected exception";
	}
}

/* Entry from the vector table: find the stacked frame (MSP or PSP per EXC_RETURN bit 2). */
__attribute__((naked)) void z_cortex_m_fault(void)
{
	__asm__ volatile("tst lr, #4\n\t"
			 "ite eq\n\t"
			 "mrseq r0, msp\n\t"
			 "mrsne r0, psp\n\t"
			 "mov r1, lr\n\t"
			 "b z_cortex_m_fault_report\n\t");
}

void z_cortex_m_fault_report(const uint32_t *frame, uint32_t exc_return)
{
	uint32_t ipsr;

	__asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
	semihost_puts("\n[board] FATAL: ");
	semihost_puts(exception_name(ipsr & 0x1FFu));
	semihost_puts("\n[board] ");
	put_hex("ipsr", ipsr);
	put_hex("pc", frame[6]);
	put_hex("lr", frame[5]);
	put_hex("xpsr", frame[7]);
	put_hex("excret", exc_return);
	semihost_puts("\n[board] ");
	put_hex("r0", frame[0]);
	put_hex("r1", frame[1]);
	put_hex("r2", frame[2]);
	put_hex("r3", frame[3]);
	put_hex("r12", frame[4]);
	semihost_puts("\n[board] ");
	put_hex("cfsr", SCB_CFSR);
	put_hex("hfsr", SCB_HFSR);
	put_hex("mmfar", SCB_MMFAR);
	put_hex("bfar", SCB_BFAR);
	semihost_puts("\n");
	semihost_exit(Z_CORTEX_M_FAULT_EXIT);
}
