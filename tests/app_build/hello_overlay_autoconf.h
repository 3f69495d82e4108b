/* Lines expected in zephyr/autoconf.h of hello built with prj.conf + overlay.conf and
 * -DCONFIG_BOARD="cmdline_board" (app_build.extra_conf_file).
 */
#define CONFIG_LOG 1
#define CONFIG_LOG_DEFAULT_LEVEL 3
#define CONFIG_MAIN_STACK_SIZE 2048
#define CONFIG_BOARD "cmdline_board"
