/* test_catalog.c - catalog validation: one case per kind of contradiction,
 * each checked by its stable diagnostic code, line and column. */
#include "check.h"

#include "core/catalog.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const UNITS =
    "code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor\n"
    "22,Quảng Ninh,Quang Ninh,province,tỉnh,,,,\n"
    "193,Hạ Long,Ha Long,district,thành phố,22,,,\n"
    "204,Hoành Bồ,Hoanh Bo,district,huyện,22,,2019-12,193\n";
static const char *const REPORTERS =
    "code,name_vi,name_en,scope_unit,indicators,report_level,deadline_day\n"
    "CTK,Cục Thống kê,PSO,22,*,district,20\n";
static const char *const INDICATORS =
    "code,name_vi,name_en,unit_vi,unit_en,kind,space_agg,time_agg,decimals,min,max,formula,order,group\n"
    "REV,Thu,Revenue,tỷ đồng,bn VND,flow,sum,sum,1,0,,,1,A\n"
    "POP,Dân số,Population,nghìn người,thousand,stock,sum,last,1,0,,,2,A\n"
    "REV_PC,Thu bình quân,Revenue per capita,triệu đồng,mn VND,derived,,,2,,,per_capita(REV),3,A\n";

static char dir[64];

static void write_file(const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

/* Writes a catalog (NULL: the good default) and reads it; returns the diagnostics. */
static ps_error load(const char *units, const char *reporters, const char *indicators, const char *rules,
                     ps_diags *d)
{
    strcpy(dir, "/tmp/ps_test_catalog_XXXXXX");
    if (!mkdtemp(dir))
        return PS_ERR_IO;
    write_file("units.csv", units ? units : UNITS);
    write_file("reporters.csv", reporters ? reporters : REPORTERS);
    write_file("indicators.csv", indicators ? indicators : INDICATORS);
    if (rules)
        write_file("rules.csv", rules);
    ps_diags_init(d);
    ps_ctx ctx = {0};
    ps_catalog *cat = NULL;
    ps_error err = ps_catalog_read_dir(&cat, dir, d, &ctx);
    ps_catalog_free(cat);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        return PS_ERR_IO;
    return err;
}

/* True when d holds an error with this code at line:column. */
static bool has(const ps_diags *d, ps_diag_code code, long line, int column)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].code == code && d->v[i].line == line && d->v[i].column == column &&
            d->v[i].severity == PS_SEV_ERROR)
            return true;
    return false;
}

#define REFUSED_WITH(units, reps, inds, rules, code, line, col)               \
    do {                                                                      \
        ps_diags d_;                                                          \
        CHECK_INT(load(units, reps, inds, rules, &d_), PS_ERR_REFUSED);       \
        CHECK(has(&d_, code, line, col));                                     \
        ps_diags_free(&d_);                                                   \
    } while (0)

TEST(good_catalog_loads)
{
    ps_diags d;
    CHECK_INT(load(NULL, NULL, NULL, NULL, &d), PS_OK);
    CHECK_INT(d.nerr, 0);
    ps_diags_free(&d);
}

TEST(units)
{
    REFUSED_WITH("code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor\n"
                 "22,Q,Q,province,tỉnh,,,,\n22,Q,Q,province,tỉnh,,,,\n",
                 NULL, NULL, NULL, PS_D_DUPLICATE_CODE, 3, 1);
    REFUSED_WITH("code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor\n"
                 "22,Q,Q,province,tỉnh,,,,\n193,H,H,district,x,999,,,\n",
                 NULL, NULL, NULL, PS_D_UNKNOWN_PARENT, 3, 6);
    REFUSED_WITH("code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor\n"
                 "22,Q,Q,province,tỉnh,,,,\n23,H,H,province,x,,,,\n",
                 NULL, NULL, NULL, PS_D_MULTIPLE_TOP, 3, 6);
    REFUSED_WITH("code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor\n"
                 "22,Q,Q,province,tỉnh,,,,\n1,A,A,district,x,2,,,\n2,B,B,district,x,1,,,\n",
                 NULL, NULL, NULL, PS_D_CYCLE, 3, 6);
    REFUSED_WITH("code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor\n"
                 "22,Q,Q,district,tỉnh,,,,\n193,H,H,province,x,22,,,\n",
                 NULL, NULL, NULL, PS_D_LEVEL_ORDER, 3, 4);
    REFUSED_WITH("code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor\n"
                 "22,Q,Q,state,tỉnh,,,,\n",
                 NULL, NULL, NULL, PS_D_BAD_LEVEL, 2, 4);
    REFUSED_WITH("code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor\n"
                 "22,Q,Q,province,tỉnh,,,,\n193,H,H,district,x,22,2020,2019,\n",
                 NULL, NULL, NULL, PS_D_BAD_VALIDITY, 3, 7);
    REFUSED_WITH("code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor\n"
                 "22,Q,Q,province,tỉnh,,,,\n204,H,H,district,x,22,,2019-12,999\n",
                 NULL, NULL, NULL, PS_D_BAD_SUCCESSOR, 3, 9);
    /* a successor that has ended before the unit does */
    REFUSED_WITH("code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor\n"
                 "22,Q,Q,province,tỉnh,,,,\n193,A,A,district,x,22,,2018-12,\n"
                 "204,H,H,district,x,22,,2019-12,193\n",
                 NULL, NULL, NULL, PS_D_BAD_SUCCESSOR, 4, 9);
}

TEST(indicators)
{
    const char *h = "code,name_vi,name_en,unit_vi,unit_en,kind,space_agg,time_agg,decimals,min,max,formula,order,group\n";
    char buf[1024];
#define IND(row) (snprintf(buf, sizeof buf, "%s%s", h, row), buf)
    REFUSED_WITH(NULL, NULL, IND("X,x,x,u,u,level,sum,sum,0,,,,1,A\n"), NULL, PS_D_BAD_KIND, 2, 6);
    REFUSED_WITH(NULL, NULL, IND("X,x,x,u,u,flow,total,sum,0,,,,1,A\n"), NULL, PS_D_BAD_AGGREGATION, 2, 7);
    REFUSED_WITH(NULL, NULL, IND("X,x,x,%,%,rate,sum,mean,1,,,,1,A\n"), NULL, PS_D_BAD_AGGREGATION, 2, 7);
    REFUSED_WITH(NULL, NULL, IND("X,x,x,%,%,rate,mean,sum,1,,,,1,A\n"), NULL, PS_D_BAD_AGGREGATION, 2, 8);
    REFUSED_WITH(NULL, NULL, IND("X,x,x,u,u,flow,sum,sum,7,,,,1,A\n"), NULL, PS_D_BAD_DECIMALS, 2, 9);
    REFUSED_WITH(NULL, NULL, IND("X,x,x,u,u,derived,,,1,,,A +,1,A\n"), NULL, PS_D_BAD_FORMULA, 2, 12);
    REFUSED_WITH(NULL, NULL, IND("X,x,x,u,u,derived,,,1,,,REVV * 2,1,A\n"), NULL, PS_D_FORMULA_UNKNOWN, 2, 12);
    REFUSED_WITH(NULL, NULL, IND("X,x,x,u,u,derived,,,1,,,prev(X) + 1,1,A\n"), NULL, PS_D_FORMULA_CYCLE, 2, 12);
    REFUSED_WITH(NULL, NULL, IND("X,x,x,u,u,derived,,,1,,,per_capita(Y),1,A\nY,y,y,u,u,flow,sum,sum,0,,,,2,A\n"),
                 NULL, PS_D_NO_POP, 2, 12);
    REFUSED_WITH(NULL, NULL, IND("X,x,x,%,%,rate,wmean:W,mean,1,,,,1,A\n"), NULL, PS_D_BAD_WEIGHT, 2, 7);
#undef IND
}

TEST(reporters_and_rules)
{
    const char *h = "code,name_vi,name_en,scope_unit,indicators,report_level,deadline_day\n";
    char buf[512];
    snprintf(buf, sizeof buf, "%sCTK,c,c,999,*,,20\n", h);
    REFUSED_WITH(NULL, buf, NULL, NULL, PS_D_BAD_SCOPE, 2, 4);
    snprintf(buf, sizeof buf, "%sCTK,c,c,22,REV;REV_PC,,20\n", h);
    REFUSED_WITH(NULL, buf, NULL, NULL, PS_D_BAD_INDICATOR_LIST, 2, 5);
    snprintf(buf, sizeof buf, "%sCTK,c,c,22,REV;NOPE,,20\n", h);
    REFUSED_WITH(NULL, buf, NULL, NULL, PS_D_BAD_INDICATOR_LIST, 2, 5);
    snprintf(buf, sizeof buf, "%sCTK,c,c,22,*,,29\n", h);
    REFUSED_WITH(NULL, buf, NULL, NULL, PS_D_BAD_DEADLINE, 2, 7);
    REFUSED_WITH(NULL, NULL, NULL,
                 "code,left,op,right,severity,message_vi,message_en\nR1,REV,<<,POP,error,,\n",
                 PS_D_BAD_RULE, 2, 3);
    /* a rule with a missing side is skipped, not refused (SPEC §3) */
    ps_diags d;
    CHECK_INT(load(NULL, NULL, NULL, "code,left,op,right,severity,message_vi,message_en\nR1,REV,<=,,error,,\n", &d),
              PS_OK);
    ps_diags_free(&d);
}

TEST(validity_and_scope_helpers)
{
    ps_diags d;
    ps_ctx ctx = {0};
    ps_catalog *cat = NULL;
    strcpy(dir, "/tmp/ps_test_catalog_XXXXXX");
    CHECK(mkdtemp(dir) != NULL);
    write_file("units.csv", UNITS);
    write_file("reporters.csv", REPORTERS);
    write_file("indicators.csv", INDICATORS);
    ps_diags_init(&d);
    CHECK_INT(ps_catalog_read_dir(&cat, dir, &d, &ctx), PS_OK);
    if (cat) {
        int hb = ps_catalog_unit(cat, "204"), hl = ps_catalog_unit(cat, "193");
        CHECK(ps_unit_valid_in(&cat->units[hb], ps_period_month(2019, 12)));
        CHECK(!ps_unit_valid_in(&cat->units[hb], ps_period_month(2020, 1)));
        CHECK(!ps_unit_valid_in(&cat->units[hb], ps_period_make(PS_P_YEAR, 2020, 0)));
        CHECK_INT(cat->units[hb].successor, hl);
        CHECK_INT(cat->units[hl].npredecessors, 1);
        CHECK(ps_catalog_unit_within(cat, hl, cat->top));
        CHECK(!ps_catalog_unit_within(cat, cat->top, hl));
        CHECK_INT(ps_catalog_unit_suggest(cat, "194"), hl);
        CHECK_INT(cat->pop, ps_catalog_indicator(cat, "POP"));
    }
    ps_catalog_free(cat);
    ps_diags_free(&d);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK_INT(system(cmd), 0);
}

/* ingest and check say a failed rule in the same words */
TEST(rule_failure_text)
{
    char buf[512];
    ps_rule r = {"DOCS1", "DOCS_ONLINE", "DOCS_TOTAL", NULL, NULL, PS_OP_LE, PS_SEV_ERROR,
                 "số văn bản điện tử không vượt tổng số", "online cannot exceed the total", 7};
    CHECK_STR(ps_rule_failure_text(&r, "193", "2016-07", 10.5, 5, buf, sizeof buf),
              "rule DOCS1 does not hold for 193 in 2016-07: DOCS_ONLINE <= DOCS_TOTAL is 10.5 <= 5"
              " — online cannot exceed the total");
    r.message_en = "";
    CHECK_STR(ps_rule_failure_text(&r, "193", "2016-07", 10.5, 5, buf, sizeof buf),
              "rule DOCS1 does not hold for 193 in 2016-07: DOCS_ONLINE <= DOCS_TOTAL is 10.5 <= 5"
              " — số văn bản điện tử không vượt tổng số");
    r.message_vi = "";
    r.op = PS_OP_EQ;
    CHECK_STR(ps_rule_failure_text(&r, "22", "2016", 1, 2, buf, sizeof buf),
              "rule DOCS1 does not hold for 22 in 2016: DOCS_ONLINE == DOCS_TOTAL is 1 == 2");
    CHECK_STR(ps_rule_failure_text(&r, "22", "2016", 1, 2, buf, 12), "rule DOCS1 ");
}

/* in Vietnamese, the text and the rule's message_vi (else its message_en) */
TEST(rule_failure_text_in_vietnamese)
{
    char buf[512];
    ps_rule r = {"DOCS1", "DOCS_ONLINE", "DOCS_TOTAL", NULL, NULL, PS_OP_LE, PS_SEV_ERROR,
                 "số văn bản điện tử không vượt tổng số", "online cannot exceed the total", 7};
    ps_lang_set(PS_LANG_VI);
    CHECK_STR(ps_rule_failure_text(&r, "193", "2016-07", 10.5, 5, buf, sizeof buf),
              "quy tắc DOCS1 không thỏa mãn với đơn vị 193 trong kỳ 2016-07: DOCS_ONLINE <= DOCS_TOTAL là 10.5 <= 5"
              " — số văn bản điện tử không vượt tổng số");
    r.message_vi = "";
    CHECK_STR(ps_rule_failure_text(&r, "193", "2016-07", 10.5, 5, buf, sizeof buf),
              "quy tắc DOCS1 không thỏa mãn với đơn vị 193 trong kỳ 2016-07: DOCS_ONLINE <= DOCS_TOTAL là 10.5 <= 5"
              " — online cannot exceed the total");
    ps_lang_set(PS_LANG_EN);
}

int main(void)
{
    RUN(good_catalog_loads);
    RUN(rule_failure_text_in_vietnamese);
    RUN(units);
    RUN(indicators);
    RUN(reporters_and_rules);
    RUN(validity_and_scope_helpers);
    RUN(rule_failure_text);
    return check_done();
}
