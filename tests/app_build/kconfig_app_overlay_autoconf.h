/* Lines expected in zephyr/autoconf.h of kconfig_app configured with prj.conf + overlay.conf
 * (-DEXTRA_CONF_FILE) and -DCONFIG_APP_MAGIC=0x1234 (app_build.kconfig_overlay): the overlay
 * after prj.conf, the command line last; prj.conf's other values kept.
 */
#define CONFIG_APP_BUFFER_COUNT 16
#define CONFIG_APP_MAGIC 0x1234
#define CONFIG_APP_GREETING "hi \"there\""
#define CONFIG_APP_VERBOSE 1
#define CONFIG_HEAP_MEM_POOL_SIZE 4096
