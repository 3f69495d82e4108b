/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief The only <string.h> the freestanding proof build offers: the four functions GCC may
 * emit calls to even in -ffreestanding code (struct copies, zeroing), implemented in
 * tests/target/freestanding/mini_libc.c. Anything else the core used from <string.h> would
 * fail that build, which is the point.
 */
#ifndef ZMEM_FREESTANDING_STRING_H_
#define ZMEM_FREESTANDING_STRING_H_

#include <stddef.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

#endif /* ZMEM_FREESTANDING_STRING_H_ */
