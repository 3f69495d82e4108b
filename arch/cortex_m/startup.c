/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Reset and vector table for QEMU's mps2-an385 (Cortex-M3) and mps2-an386 (Cortex-M4F).
 *
 * The reset handler does what a real part needs (copy .data, clear .bss, enable the FPU when
 * built for one, run constructors), then main(), then exit() so newlib flushes stdio before the
 * semihosting exit hands the status to QEMU.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zephyr/init.h>

#include "board.h"
#include "semihost.h"

/* Linker script symbols. */
extern uint32_t __data_start[], __data_end[], __data_load[];
extern uint32_t __bss_start[], __bss_end[];
extern uint32_t __stack_top[], __stack_limit[];
extern void (*__preinit_array_start[])(void), (*__preinit_array_end[])(void);
extern void (*__init_array_start[])(void), (*__init_array_end[])(void);

extern int main(int argc, char **argv);

void z_cortex_m_reset(void);
void z_cortex_m_fault(void);
static void unexpected_irq(void);

/* System control block registers (ARMv7-M ARM, B3.2). */
#define SCB_CCR    (*(volatile uint32_t *)0xE000ED14u)
#define SCB_SHCSR  (*(volatile uint32_t *)0xE000ED24u)
#define SCB_CPACR  (*(volatile uint32_t *)0xE000ED88u)
#define CCR_DIV_0_TRP    (1u << 4)
#define SHCSR_FAULTS_ENA ((1u << 16) | (1u << 17) | (1u << 18)) /* MemManage, Bus, Usage */

/* Pattern the stack is painted with; a word still holding it was never written. */
#define STACK_PAINT 0xDEADC0DEu
/* The bottom words that must stay painted for the stack to count as not overflowed. */
#define STACK_GUARD_WORDS 8

/* 16 system exceptions + the first 32 external interrupts: enough for these boards' UARTs and
 * timers, none of which the tests enable. Any unexpected interrupt fails the program. */
struct vector_table {
	uint32_t *initial_sp;
	void (*handlers[15 + 32])(void);
};

__attribute__((section(".vectors"), used)) const struct vector_table z_cortex_m_vectors = {
	.initial_sp = __stack_top,
	.handlers = {
		[0] = z_cortex_m_reset,      /* Reset */
		[1] = z_cortex_m_fault,      /* NMI */
		[2] = z_cortex_m_fault,      /* HardFault */
		[3] = z_cortex_m_fault,      /* MemManage */
		[4] = z_cortex_m_fault,      /* BusFault */
		[5] = z_cortex_m_fault,      /* UsageFault */
		[6 ... 9] = unexpected_irq,  /* reserved (SecureFault on v8-M) */
		[10] = unexpected_irq,       /* SVCall */
		[11] = unexpected_irq,       /* DebugMonitor */
		[12] = unexpected_irq,       /* reserved */
		[13] = unexpected_irq,       /* PendSV */
		[14] = unexpected_irq,       /* SysTick */
		[15 ... 46] = unexpected_irq,
	},
};

static void unexpected_irq(void)
{
	/* Reported like a fault: nothing in these programs enables interrupts. */
	z_cortex_m_fault();
}

/* What crti/crtn would provide: newlib's exit() runs __libc_fini_array, which calls _fini.
 * Constructors and destructors live in .init_array/.fini_array only, so both are empty. */
void _init(void);
void _fini(void);
void _init(void)
{
}
void _fini(void)
{
}

static inline uintptr_t current_sp(void)
{
	uintptr_t sp;

	__asm__ volatile("mov %0, sp" : "=r"(sp));
	return sp;
}

static void paint_stack(void)
{
	/* Stop a little below our own frame; this function's locals live above that. */
	uint32_t *end = (uint32_t *)((current_sp() - 64u) & ~(uintptr_t)3u);

	for (volatile uint32_t *p = __stack_limit; p < end; p++) {
		*p = STACK_PAINT;
	}
}

size_t z_cortex_m_stack_size(void)
{
	return (size_t)((uintptr_t)__stack_top - (uintptr_t)__stack_limit);
}

size_t z_cortex_m_stack_used(void)
{
	const uint32_t *p = __stack_limit;

	while (p < __stack_top && *p == STACK_PAINT) {
		p++;
	}
	return (size_t)((uintptr_t)__stack_top - (uintptr_t)p);
}

/* Called by _exit(): an overflow turns any exit status into a failure. */
int z_cortex_m_stack_check(int status)
{
	for (int i = 0; i < STACK_GUARD_WORDS; i++) {
		if (__stack_limit[i] != STACK_PAINT) {
			semihost_puts("[board] FATAL: main stack overflow (raise __stack_size)\n");
			return Z_CORTEX_M_STACK_OVERFLOW_EXIT;
		}
	}
	return status;
}

/* Splits the semihosting command line in place; argv[0] is the program name QEMU passes. */
static int parse_cmdline(char **argv, int max_args)
{
	static char cmdline[256];
	int argc = 0;

	if (semihost_get_cmdline(cmdline, sizeof(cmdline)) != 0) {
		cmdline[0] = '\0';
	}
	for (char *p = cmdline; *p != '\0' && argc < max_args - 1;) {
		while (*p == ' ') {
			*p++ = '\0';
		}
		if (*p == '\0') {
			break;
		}
		argv[argc++] = p;
		while (*p != '\0' && *p != ' ') {
			p++;
		}
	}
	if (argc == 0) {
		argv[argc++] = "zmem";
	}
	argv[argc] = NULL;
	return argc;
}

void z_cortex_m_reset(void)
{
	static char *argv[16];

	paint_stack();
	/* Written as plain loops: nothing from the C library may run before .data and .bss exist. */
	for (volatile uint32_t *src = __data_load, *dst = __data_start; dst < __data_end;) {
		*dst++ = *src++;
	}
	for (volatile uint32_t *p = __bss_start; p < __bss_end;) {
		*p++ = 0;
	}
#if defined(__ARM_FP)
	/* Full access to CP10/CP11 before any floating-point instruction (printf may use them). */
	SCB_CPACR |= 0xFu << 20;
	__asm__ volatile("dsb\n\tisb" ::: "memory");
#endif
	/* Integer division by zero traps instead of quietly giving 0; report faults by kind. */
	SCB_CCR |= CCR_DIV_0_TRP;
	SCB_SHCSR |= SHCSR_FAULTS_ENA;

	/* Constructors (what newlib's __libc_init_array does, minus _init). */
	for (void (**f)(void) = __preinit_array_start; f < __preinit_array_end; f++) {
		(*f)();
	}
	for (void (**f)(void) = __init_array_start; f < __init_array_end; f++) {
		(*f)();
	}
	/* SYS_INIT entries, level by level. One thread and no scheduler here: every level runs
	 * before main, in Zephyr's order (EARLY, PRE_KERNEL_1/2, POST_KERNEL, APPLICATION,
	 * PRE_MAIN). */
	for (unsigned int level = 0U; level < Z_INIT_LEVEL_COUNT; level++) {
		z_sys_init_run_level(level);
	}
	int argc = parse_cmdline(argv, (int)(sizeof(argv) / sizeof(argv[0])));

	exit(main(argc, argv));
}
