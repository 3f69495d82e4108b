/* board_conf with -DCONF_FILE="prj.conf;prj_small.conf": a list of files, so no fragment. */
#define CONFIG_APP_FROM_PRJ 5
#define CONFIG_APP_FROM_BOARD 1
#define CONFIG_APP_FROM_QUALIFIED 1
#define CONFIG_APP_FROM_ZMEM 1
