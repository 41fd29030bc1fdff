/* xlsx_fixtures.h - the workbooks of tests/scripts/make_xlsx_fixtures.py,
 * made at test time in a temporary folder, and read whole into memory
 * (the way ingest hands a file to the reader). */
#ifndef PS_TEST_XLSX_FIXTURES_H
#define PS_TEST_XLSX_FIXTURES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char fixture_dir[] = "/tmp/ps-xlsx-XXXXXX";

/* Makes the fixtures of the named groups ("vietnamese hostile"; see the
 * script); returns 0, or -1 after printing why it could not. */
static int fixtures_make(const char *groups)
{
    static const char *const pythons[] = {"python3", "/usr/bin/python3"};
    char cmd[512];
    if (!mkdtemp(fixture_dir)) {
        printf("cannot make a temporary folder\n");
        return -1;
    }
    for (size_t i = 0; i < 2; i++) {
        snprintf(cmd, sizeof cmd, "%s -c 'import openpyxl' 2>/dev/null", pythons[i]);
        if (system(cmd) != 0)
            continue;
        snprintf(cmd, sizeof cmd, "%s tests/scripts/make_xlsx_fixtures.py %s %s", pythons[i], fixture_dir,
                 groups);
        if (system(cmd) == 0)
            return 0;
        printf("make_xlsx_fixtures.py failed\n");
        return -1;
    }
    printf("needs Python 3 with openpyxl (Debian: apt-get install python3-openpyxl)\n");
    return -1;
}

static void fixtures_remove(void)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf %s", fixture_dir);
    if (system(cmd) != 0)
        printf("cannot remove %s\n", fixture_dir);
}

/* The bytes of fixture `name` (malloc'd; *n its size), or NULL. */
static unsigned char *fixture_read(const char *name, size_t *n)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", fixture_dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("no fixture %s\n", path);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc(size > 0 ? (size_t)size : 1);
    *n = fread(buf, 1, (size_t)size, f);
    fclose(f);
    return buf;
}

#endif
