/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's compiler abstraction macros for GCC and Clang.
 */
#ifndef ZEPHYR_INCLUDE_TOOLCHAIN_H_
#define ZEPHYR_INCLUDE_TOOLCHAIN_H_

#ifndef __aligned
#define __aligned(x) __attribute__((__aligned__(x)))
#endif
#ifndef __packed
#define __packed __attribute__((__packed__))
#endif
#ifndef __weak
#define __weak __attribute__((__weak__))
#endif
#ifndef __unused
#define __unused __attribute__((__unused__))
#endif
#ifndef __used
#define __used __attribute__((__used__))
#endif
#ifndef __maybe_unused
#define __maybe_unused __attribute__((__unused__))
#endif
#ifndef __noinit
#define __noinit
#endif
#ifndef __deprecated
#define __deprecated __attribute__((deprecated))
#endif
/* A system call is declared `static inline`, as on Zephyr: the generated <syscalls/x.h>
 * (scripts/gen_app_syscalls.py) defines it. */
#ifndef __syscall
#define __syscall static inline
#endif
#ifndef __printf_like
#define __printf_like(f, a) __attribute__((format(printf, f, a)))
#endif
#ifndef FUNC_NORETURN
#define FUNC_NORETURN __attribute__((__noreturn__))
#endif
#ifndef ALWAYS_INLINE
#define ALWAYS_INLINE inline __attribute__((always_inline))
#endif
#ifndef ARG_UNUSED
#define ARG_UNUSED(x) (void)(x)
#endif
#ifndef likely
#define likely(x)   (__builtin_expect((bool)!!(x), true))
#define unlikely(x) (__builtin_expect((bool)!!(x), false))
#endif
#ifndef CODE_UNREACHABLE
#define CODE_UNREACHABLE __builtin_unreachable()
#endif
#ifndef __noinline
/** @brief Never inline this function. */
#define __noinline __attribute__((__noinline__))
#endif
#ifndef __fallthrough
/** @brief Marks an intended fall-through between switch cases. */
#define __fallthrough __attribute__((__fallthrough__))
#endif
#ifndef __section
/** @brief Place the object in linker section @p x. */
#define __section(x) __attribute__((__section__(x)))
#endif
#ifndef __noinit_named
/** @brief Uninitialized data of a named section (plain data on the host). */
#define __noinit_named(name)
#endif
#ifndef __nocache
/** @brief Uncached memory (the host has no cache to bypass). */
#define __nocache
#endif
#ifndef __ramfunc
/** @brief Code run from RAM (everything is in RAM on the host). */
#define __ramfunc
#endif
#ifndef __pinned_func
/* Demand-paging placement markers: no paging on zmem. */
#define __pinned_func
#define __pinned_data
#define __pinned_bss
#define __pinned_rodata
#define __pinned_noinit
#endif
#ifndef __isr
/** @brief Marks an interrupt handler (no special code on the host). */
#define __isr
#endif
#ifndef __imr
#define __imr
#endif
#ifndef __kstackmem
#define __kstackmem
#endif
#ifndef __stackmem
#define __stackmem
#endif
#ifndef __may_alias
/** @brief The type may alias any other. */
#define __may_alias __attribute__((__may_alias__))
#endif
#ifndef __attribute_nonnull
#define __attribute_nonnull(...) __attribute__((nonnull(__VA_ARGS__)))
#endif
#ifndef __no_optimization
/** @brief Compile this function without optimization. */
#if defined(__clang__)
#define __no_optimization __attribute__((optnone))
#else
#define __no_optimization __attribute__((optimize("-O0")))
#endif
#endif
#ifndef __noasan
/** @brief Do not instrument this function with AddressSanitizer. */
#define __noasan __attribute__((no_sanitize("address")))
#endif
#ifndef __subsystem
#define __subsystem
#endif
#ifndef __warning
#define __warning(msg) __attribute__((warning(msg)))
#endif
#ifndef __must_check
#define __must_check __attribute__((warn_unused_result))
#endif
#ifndef compiler_barrier
/** @brief Keep the compiler from moving memory accesses across this point. */
#define compiler_barrier() __asm__ __volatile__("" ::: "memory")
#endif
#ifndef Z_STRINGIFY
#define Z_STRINGIFY(x) #x
/** @brief @p s as a string literal, after macro expansion. */
#define STRINGIFY(s) Z_STRINGIFY(s)
#endif
#ifndef _DO_CONCAT
#define _DO_CONCAT(x, y) x##y
/** @brief Paste @p x and @p y after macro expansion. */
#define _CONCAT(x, y) _DO_CONCAT(x, y)
#endif
#ifndef TOOLCHAIN_GCC_VERSION
#if defined(__GNUC__) && !defined(__clang__)
#define TOOLCHAIN_GCC_VERSION ((__GNUC__ * 10000) + (__GNUC_MINOR__ * 100) + __GNUC_PATCHLEVEL__)
#else
#define TOOLCHAIN_GCC_VERSION 0
#endif
#endif
#ifndef TOOLCHAIN_CLANG_VERSION
#if defined(__clang__)
#define TOOLCHAIN_CLANG_VERSION                                                                    \
	((__clang_major__ * 10000) + (__clang_minor__ * 100) + __clang_patchlevel__)
#else
#define TOOLCHAIN_CLANG_VERSION 0
#endif
#endif
#ifndef TOOLCHAIN_HAS_PRAGMA_DIAG
#define TOOLCHAIN_HAS_PRAGMA_DIAG 1
#endif
#ifndef TOOLCHAIN_HAS_C_GENERIC
#define TOOLCHAIN_HAS_C_GENERIC 1
#endif
#ifndef TOOLCHAIN_HAS_C_AUTO_TYPE
#define TOOLCHAIN_HAS_C_AUTO_TYPE 1
#endif
#ifndef TOOLCHAIN_HAS_ZLA
#define TOOLCHAIN_HAS_ZLA 1
#endif
#ifndef BUILD_ASSERT
/** @brief Compile-time assertion, usable at file and block scope. */
#define BUILD_ASSERT(expr, ...) _Static_assert(expr, "" __VA_ARGS__)
#endif

#ifndef TOOLCHAIN_DISABLE_WARNING
/*
 * Zephyr's warning switches around code that trips a warning on purpose (a test's infinite
 * recursion, for example): TOOLCHAIN_DISABLE_WARNING(TOOLCHAIN_WARNING_PRAGMAS) ... then
 * TOOLCHAIN_ENABLE_WARNING with the same name. The names (the "-W..." strings) are in
 * <zephyr/test_toolchain.h>. One diagnostic push per disable, one pop per enable.
 */
#define Z_TOOLCHAIN_PRAGMA(x) _Pragma(#x)
#if defined(__clang__)
/** @brief Stop @p warning (a "-W..." string) until TOOLCHAIN_ENABLE_WARNING(@p warning). */
#define TOOLCHAIN_DISABLE_WARNING(warning)                                                         \
	Z_TOOLCHAIN_PRAGMA(clang diagnostic push)                                                  \
	Z_TOOLCHAIN_PRAGMA(clang diagnostic ignored warning)
/** @brief Undo the matching TOOLCHAIN_DISABLE_WARNING(). */
#define TOOLCHAIN_ENABLE_WARNING(warning) Z_TOOLCHAIN_PRAGMA(clang diagnostic pop)
#else
#define TOOLCHAIN_DISABLE_WARNING(warning)                                                         \
	Z_TOOLCHAIN_PRAGMA(GCC diagnostic push)                                                    \
	Z_TOOLCHAIN_PRAGMA(GCC diagnostic ignored warning)
#define TOOLCHAIN_ENABLE_WARNING(warning) Z_TOOLCHAIN_PRAGMA(GCC diagnostic pop)
#endif
#endif

#endif /* ZEPHYR_INCLUDE_TOOLCHAIN_H_ */
