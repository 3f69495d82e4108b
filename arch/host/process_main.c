/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Process entry. Applications are linked with -Wl,--wrap=main (CMake target zmem_app_runtime),
 * so the process starts here and the application's own main() becomes __real_main, run later
 * as Zephyr's main thread. Command line options follow native_sim.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zephyr/arch/host/host.h>

#include "host_clock.h"
#include "kernel_internal.h"

extern void z_host_faults_init(void);

static void usage(FILE *out, const char *prog)
{
	fprintf(out,
		"Usage: %s [options]\n"
		"Runs a Zephyr application on the zmem host runtime.\n"
		"  --rt               real time (default): timeouts wait as long as they say\n"
		"  --no-rt            virtual time: the clock jumps to the next timeout whenever\n"
		"                     every thread waits (deterministic and instant)\n"
		"  --stop_at=SECONDS  end the run with status 0 at this uptime (also -stop_at=)\n"
		"  -h, --help         print this help and exit\n"
		"%s"
		"Exit status: main's return value once no thread can run again; %d when every\n"
		"thread waits forever (deadlock); %d after a fatal error with the default handler.\n",
		prog, z_host_app_options_help(), ZMEM_EXIT_DEADLOCK, ZMEM_EXIT_FATAL);
}

static int parse_stop_at(const char *s)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || end == s || *end != '\0' || !(v > 0.0) || v > 1e9) {
		fprintf(stderr, "zmem: --stop_at: '%s' is not a positive number of seconds\n", s);
		return -1;
	}
	z_host_stop_at_ns = (uint64_t)(v * 1e9);
	if (z_host_stop_at_ns == 0U) {
		z_host_stop_at_ns = 1U;
	}
	return 0;
}

static void parse_args(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *opt = a;

		/* native_sim spells options with one dash; accept both. */
		if (strncmp(opt, "--", 2) == 0) {
			opt += 2;
		} else if (opt[0] == '-') {
			opt += 1;
		}
		if (strcmp(opt, "help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout, argv[0]);
			exit(0);
		} else if (strcmp(opt, "no-rt") == 0) {
			z_host_virtual_time = true;
		} else if (strcmp(opt, "rt") == 0) {
			z_host_virtual_time = false;
		} else if (strncmp(opt, "stop_at=", 8) == 0) {
			if (parse_stop_at(opt + 8) != 0) {
				exit(1);
			}
		} else if (strcmp(opt, "stop_at") == 0 && i + 1 < argc) {
			if (parse_stop_at(argv[++i]) != 0) {
				exit(1);
			}
		} else if (opt != a && z_host_app_option(opt)) {
			/* An option of a component linked into the application (ztest: -list, -test=). */
		} else {
			fprintf(stderr, "zmem: unknown option '%s'\n", a);
			usage(stderr, argv[0]);
			exit(1);
		}
	}
}

/* The application's main: with -Wl,--wrap=main the linker binds this name to it. */
extern int __real_main(void);

int __wrap_main(int argc, char **argv);

int __wrap_main(int argc, char **argv)
{
	parse_args(argc, argv);
	z_host_clock_init();
	z_host_faults_init();
	z_cstart(__real_main);
}
