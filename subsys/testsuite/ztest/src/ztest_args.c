/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * ztest's command line options, as native_sim's ztest has them:
 *   -list                 print every test as suite::case and exit
 *   -test=SELECTION       run only the selected tests: a comma-separated list of suite::case,
 *                         suite::* or suite ('*' matches any characters in either name)
 * Both also with two dashes. The host runtime's option parser (arch/host/process_main.c) hands
 * every option it does not know to z_host_app_option().
 */
#if defined(CONFIG_ZTEST) && CONFIG_ZTEST

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <zephyr/arch/host/host.h>

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

bool z_host_app_option(const char *opt)
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

const char *z_host_app_options_help(void)
{
	return "  -list              list the tests (suite::case) and exit\n"
	       "  -test=SUITE::CASE  run only these tests: comma-separated suite::case,\n"
	       "                     suite::* or suite; '*' matches any characters\n";
}

#endif /* CONFIG_ZTEST */
