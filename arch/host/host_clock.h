/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Clock settings chosen on the command line (private to arch/host). */
#ifndef ZMEM_ARCH_HOST_HOST_CLOCK_H_
#define ZMEM_ARCH_HOST_HOST_CLOCK_H_

#include <stdbool.h>
#include <stdint.h>

/* --no-rt: virtual time. */
extern bool z_host_virtual_time;
/* --stop_at in ns of uptime, 0 when not given. */
extern uint64_t z_host_stop_at_ns;
/* Start the clock at 0. */
void z_host_clock_init(void);

#endif /* ZMEM_ARCH_HOST_HOST_CLOCK_H_ */
