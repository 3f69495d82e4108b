/* board_conf with -DEXTRA_CONF_FILE=extra.conf: after the board fragments. */
#define CONFIG_APP_FROM_PRJ 1
#define CONFIG_APP_FROM_BOARD 7
#define CONFIG_APP_FROM_ZMEM 4
