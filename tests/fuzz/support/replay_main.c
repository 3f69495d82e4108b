/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * A main() for fuzz targets built without libFuzzer (any compiler): runs every file named on
 * the command line, or found in a directory named there, through LLVMFuzzerTestOneInput once.
 * The checked-in corpus runs this way under ctest; an oracle failure aborts.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_util.h"

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		perror(path);
		return -1;
	}

	size_t cap = 4096, len = 0;
	uint8_t *buf = malloc(cap);

	for (;;) {
		if (len == cap) {
			cap *= 2;
			buf = realloc(buf, cap);
		}
		if (buf == NULL) {
			fclose(f);
			return -1;
		}
		size_t got = fread(buf + len, 1, cap - len, f);

		if (got == 0) {
			break;
		}
		len += got;
	}
	fclose(f);
	/* An exact-size copy, so that a read past the input is caught by the sanitizers. */
	uint8_t *exact = malloc(len > 0 ? len : 1);

	if (exact == NULL) {
		free(buf);
		return -1;
	}
	memcpy(exact, buf, len);
	free(buf);
	LLVMFuzzerTestOneInput(exact, len);
	free(exact);
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_path(const char *path, int *count)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		perror(path);
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		(*count)++;
		return run_file(path);
	}

	DIR *d = opendir(path);
	char **names = NULL;
	size_t n = 0;
	int ret = 0;

	if (d == NULL) {
		perror(path);
		return -1;
	}
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		if (e->d_name[0] == '.') {
			continue;
		}
		char **more = realloc(names, (n + 1) * sizeof(*names));
		size_t plen = strlen(path) + strlen(e->d_name) + 2;

		if (more == NULL) {
			ret = -1;
			break;
		}
		names = more;
		names[n] = malloc(plen);
		if (names[n] == NULL) {
			ret = -1;
			break;
		}
		snprintf(names[n], plen, "%s/%s", path, e->d_name);
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_names); /* same order on every run */
	for (size_t i = 0; i < n; i++) {
		if (ret == 0 && run_path(names[i], count) != 0) {
			ret = -1;
		}
		free(names[i]);
	}
	free(names);
	return ret;
}

int main(int argc, char **argv)
{
	int count = 0;

	for (int i = 1; i < argc; i++) {
		if (run_path(argv[i], &count) != 0) {
			return 2;
		}
	}
	printf("%s: %d inputs replayed\n", argc > 0 ? argv[0] : "replay", count);
	return count > 0 ? 0 : 3;
}
