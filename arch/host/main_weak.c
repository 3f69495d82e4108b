/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The main() of an application that has none, as Zephyr's kernel provides one: its threads
 * come from K_THREAD_DEFINE, the main thread returns at once and they run on. An application's
 * own main() replaces it (this one is weak).
 */
int main(void);

__attribute__((weak)) int main(void)
{
	return 0;
}
