/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Checks what the course's labs rely on beyond the memory APIs: string functions reachable
 * through Zephyr's logging header alone, printk and log lines in call order, and the thread
 * name and thread list calls answering as Zephyr's do for the configured CONFIG_THREAD_NAME and
 * CONFIG_THREAD_MONITOR.
 */
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

LOG_MODULE_REGISTER(lab_symbols, LOG_LEVEL_INF);

static int failures;

static void check(bool ok, const char *what)
{
	if (!ok) {
		printk("FAIL: %s\n", what);
		failures++;
	}
}

static void count_thread(const struct k_thread *thread, void *user_data)
{
	(void)thread;
	(*(int *)user_data)++;
}

int main(void)
{
	char buf[32];
	int threads = 0;

	/* <string.h> through <zephyr/logging/log.h>, as on Zephyr. */
	memset(buf, 'x', sizeof(buf));
	buf[5] = '\0';
	check(strlen(buf) == 5U, "strlen after memset");

	printk("printk line\n");
	LOG_INF("log line after printk");

	int set = k_thread_name_set(NULL, "labs");
	const char *name = k_thread_name_get(k_current_get());
	int copy = k_thread_name_copy(k_current_get(), buf, sizeof(buf));

	if (IS_ENABLED(CONFIG_THREAD_NAME)) {
		check(set == 0, "k_thread_name_set returns 0");
		check(name != NULL && strcmp(name, "labs") == 0,
		      "k_thread_name_get returns the name");
		check(copy == 0 && strcmp(buf, "labs") == 0, "k_thread_name_copy copies the name");
	} else {
		check(set == -ENOSYS, "k_thread_name_set returns -ENOSYS");
		check(name == NULL, "k_thread_name_get returns NULL");
		check(copy == -ENOSYS, "k_thread_name_copy returns -ENOSYS");
	}

	k_thread_foreach(count_thread, &threads);
	if (IS_ENABLED(CONFIG_THREAD_MONITOR)) {
		check(threads >= 1, "k_thread_foreach visits main");
	} else {
		check(threads == 0, "k_thread_foreach visits nothing");
	}

	printk("thread names %s, thread monitor %s, %d failures\n",
	       IS_ENABLED(CONFIG_THREAD_NAME) ? "on" : "off",
	       IS_ENABLED(CONFIG_THREAD_MONITOR) ? "on" : "off", failures);
	return failures == 0 ? 0 : 1;
}
