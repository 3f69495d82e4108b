/* Lines expected in zephyr/autoconf.h of kconfig_app after the menuconfig target turned
 * STACK_SENTINEL on and saved, and a build re-ran the configuration (app_build.kconfig_menuconfig);
 * prj.conf's values stay.
 */
#define CONFIG_STACK_SENTINEL 1
#define CONFIG_APP_BUFFER_COUNT 8
#define CONFIG_APP_MAGIC 0xBEEF
