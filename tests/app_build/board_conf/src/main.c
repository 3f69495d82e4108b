/* SPDX-License-Identifier: Apache-2.0 */
#include <zephyr/kernel.h>

int main(void)
{
	printk("%d %d %d %d\n", CONFIG_APP_FROM_PRJ, CONFIG_APP_FROM_BOARD, CONFIG_APP_FROM_QUALIFIED,
	       CONFIG_APP_FROM_ZMEM);
	return 0;
}
