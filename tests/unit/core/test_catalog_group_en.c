/* test_catalog_group_en.c - the optional group_en column of indicators.csv
 * (SPEC §3): a group's English name is the first group_en given among its
 * indicators; a group without one is named by `group` in English too; a
 * catalog without the column loads as before.
 */
#include "check.h"

#include "core/catalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *const UNITS =
    "code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor\n"
    "22,Quảng Ninh,Quang Ninh,province,tỉnh,,,,\n";
static const char *const REPORTERS =
    "code,name_vi,name_en,scope_unit,indicators,report_level,deadline_day\n"
    "CTK,Cục Thống kê,PSO,22,*,,20\n";

/* Loads a catalog of the units and reporters above and `indicators`. */
static ps_catalog *load(const char *indicators)
{
    char dir[] = "/tmp/ps_test_group_en_XXXXXX";
    if (!mkdtemp(dir))
        return NULL;
    const char *names[3] = {"units.csv", "reporters.csv", "indicators.csv"};
    const char *texts[3] = {UNITS, REPORTERS, indicators};
    for (int i = 0; i < 3; i++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *f = fopen(path, "w");
        if (f) {
            fputs(texts[i], f);
            fclose(f);
        }
    }
    ps_diags d;
    ps_diags_init(&d);
    ps_ctx ctx = {0};
    ps_catalog *cat = NULL;
    if (ps_catalog_read_dir(&cat, dir, &d, &ctx) != PS_OK) {
        ps_catalog_free(cat);
        cat = NULL;
    }
    ps_diags_free(&d);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return cat;
}

TEST(english_names_of_groups)
{
    ps_catalog *cat = load("group_en,code,name_vi,name_en,unit_vi,unit_en,kind,space_agg,time_agg,decimals,"
                           "min,max,formula,order,group\n"
                           ",REV,Thu,Revenue,tỷ đồng,bn VND,flow,sum,sum,1,0,,,1,Ngân sách\n"
                           "Public finance,EXP,Chi,Spending,tỷ đồng,bn VND,flow,sum,sum,1,0,,,2,Ngân sách\n"
                           "Finance,DEBT,Nợ,Debt,tỷ đồng,bn VND,stock,sum,last,1,0,,,3,Ngân sách\n"
                           ",POP,Dân số,Population,nghìn người,thousand,stock,sum,last,1,0,,,4,Dân số\n");
    CHECK(cat != NULL);
    if (!cat)
        return;
    CHECK_INT(cat->ngroups, 2);
    CHECK_STR(ps_catalog_group_name(cat, 0, true), "Public finance");
    CHECK_STR(ps_catalog_group_name(cat, 0, false), "Ngân sách");
    CHECK_STR(ps_catalog_group_name(cat, 1, true), "Dân số"); /* none given: group */
    CHECK_STR(ps_catalog_group_name(cat, 1, false), "Dân số");
    CHECK_STR(ps_catalog_group_name(cat, 2, true), "");
    CHECK_STR(ps_catalog_group_name(cat, -1, false), "");
    CHECK_STR(cat->indicators[ps_catalog_indicator(cat, "DEBT")].group_en, "Finance");
    CHECK_STR(cat->indicators[ps_catalog_indicator(cat, "REV")].group_en, "");
    ps_catalog_free(cat);
}

TEST(without_the_column)
{
    ps_catalog *cat = load("code,name_vi,name_en,unit_vi,unit_en,kind,space_agg,time_agg,decimals,"
                           "min,max,formula,order,group\n"
                           "REV,Thu,Revenue,tỷ đồng,bn VND,flow,sum,sum,1,0,,,1,Ngân sách\n");
    CHECK(cat != NULL);
    if (!cat)
        return;
    CHECK_STR(ps_catalog_group_name(cat, 0, true), "Ngân sách");
    CHECK_STR(cat->indicators[0].group_en, "");
    ps_catalog_free(cat);
}

int main(void)
{
    RUN(english_names_of_groups);
    RUN(without_the_column);
    return check_done();
}
