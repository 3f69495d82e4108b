/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * ztest's command line options, as native_sim's ztest has them:
 *   -list                 print every test as suite::case and exit
 *   -test=SELECTION       run only the selected tests: a comma-separated list of suite::case,
 *                         suite::* or suite ('*' matches any characters in either name)
 * Both also with two dashes. On the host runtime, its option parser (arch/host/process_main.c)
 * hands every option it does not know to z_host_app_option(); on a bare-metal board
 * (ZTEST_SINGLE_THREAD), ztest's own main() reads the semihosted command line. Both read the
 * options with z_ztest_option().
 */
#if (defined(CONFIG_ZTEST) && CONFIG_ZTEST) || defined(ZTEST_SINGLE_THREAD)

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#if !defined(ZTEST_SINGLE_THREAD)
#include <zephyr/arch/host/host.h>
#endif

#include "ztest_internal.h"

static const char *selection;
static bool list_requested;

const char *z_ztest_selection(void)
{
	return selection;
}

bool z_ztest_list_requested(void)
{
	return list_requested;
}

bool z_ztest_option(const char *opt)
{
	if (strcmp(opt, "list") == 0) {
		list_requested = true;
		return true;
	}
	if (strncmp(opt, "test=", 5) == 0 && opt[5] != '\0') {
		selection = opt + 5;
		return true;
	}
	return false;
}

#if !defined(ZTEST_SINGLE_THREAD)
bool z_host_app_option(const char *opt)
{
	return z_ztest_option(opt);
}

const char *z_host_app_options_help(void)
{
	return "  -list              list the tests (suite::case) and exit\n"
	       "  -test=SUITE::CASE  run only these tests: comma-separated suite::case,\n"
	       "                     suite::* or suite; '*' matches any characters\n";
}
#endif

#endif /* CONFIG_ZTEST || ZTEST_SINGLE_THREAD */
