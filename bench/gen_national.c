/* gen_national.c - writes a national-size catalog and submission for the ingest benchmark.
 *
 * usage: gen_national [--order unit|period] OUTDIR [units [indicators [months [first-month]]]]
 *
 * Writes, into OUTDIR (created if missing):
 *   catalog/units.csv       the nation VN, the 6 socio-economic regions R1..R6,
 *                           the 63 provinces with their GSO codes (01..96)
 *                           and D district units with 3-digit codes spread
 *                           over 001..999, about D/63 per province;
 *   catalog/indicators.csv  I submitted indicators IND001.. (flows sum/sum,
 *                           stocks sum/last, rates mean/mean; decimals 0..2;
 *                           min 0, rates max 100) and up to 10 derived
 *                           ratios DRV01.. of pairs of flows;
 *   catalog/reporters.csv   NSO: scope VN, indicators '*', report_level district;
 *   data.csv                unit,indicator,period,value,status for the first
 *                           `units` districts x the first `indicators`
 *                           indicators x `months` months from first-month,
 *                           ordered by unit, then indicator, then period
 *                           (--order unit, the default: a province's
 *                           export), or by period, then unit, then
 *                           indicator (--order period: a backfill, or
 *                           monthly files one after the other).
 *
 * Defaults: 700 units, 200 indicators, 72 months from 2011-01 (10,080,000
 * rows). The catalog always holds at least 700 districts and 200
 * indicators (more when asked for more), so a small data set uses the same
 * catalog as the large one. Every value is a function of (unit, indicator,
 * month) alone, never of the sizes asked for: a small or a later-month file
 * agrees with the large one where they overlap and continues its series.
 *
 * Deterministic: a fixed seed, an own PRNG (splitmix64 to seed one
 * xorshift64* stream per series), no clock, no locale. Numbers are
 * formatted by integer code. Prints one summary line to stderr.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define SEED 0x5eed2016c0ffee01ULL
#define MIN_DISTRICTS 700
#define MIN_INDICATORS 200
#define MAX_CODES 999       /* district and indicator codes have 3 digits */
#define MAX_DERIVED 10
#define OUTBUF_SIZE (4u << 20)

/* ------------------------------------------------------------------------
 * The fixed part of the catalog: regions and provinces (GSO codes)
 * ------------------------------------------------------------------------ */

typedef struct region {
    const char *code, *name_vi, *name_en;
} region;

typedef struct province {
    const char *code, *name_vi, *name_en;
    int region;             /* index into regions[] */
    int city;               /* centrally-run city (thành phố) */
} province;

static const region regions[] = {
    {"R1", "Đồng bằng sông Hồng", "Red River Delta"},
    {"R2", "Trung du và miền núi phía Bắc", "Northern Midlands and Mountains"},
    {"R3", "Bắc Trung Bộ và duyên hải miền Trung", "North Central and Central Coast"},
    {"R4", "Tây Nguyên", "Central Highlands"},
    {"R5", "Đông Nam Bộ", "South East"},
    {"R6", "Đồng bằng sông Cửu Long", "Mekong River Delta"},
};

/* In GSO code order, which is the order of the national tables. */
static const province provinces[] = {
    {"01", "Hà Nội", "Ha Noi", 0, 1},
    {"02", "Hà Giang", "Ha Giang", 1, 0},
    {"04", "Cao Bằng", "Cao Bang", 1, 0},
    {"06", "Bắc Kạn", "Bac Kan", 1, 0},
    {"08", "Tuyên Quang", "Tuyen Quang", 1, 0},
    {"10", "Lào Cai", "Lao Cai", 1, 0},
    {"11", "Điện Biên", "Dien Bien", 1, 0},
    {"12", "Lai Châu", "Lai Chau", 1, 0},
    {"14", "Sơn La", "Son La", 1, 0},
    {"15", "Yên Bái", "Yen Bai", 1, 0},
    {"17", "Hoà Bình", "Hoa Binh", 1, 0},
    {"19", "Thái Nguyên", "Thai Nguyen", 1, 0},
    {"20", "Lạng Sơn", "Lang Son", 1, 0},
    {"22", "Quảng Ninh", "Quang Ninh", 0, 0},
    {"24", "Bắc Giang", "Bac Giang", 1, 0},
    {"25", "Phú Thọ", "Phu Tho", 1, 0},
    {"26", "Vĩnh Phúc", "Vinh Phuc", 0, 0},
    {"27", "Bắc Ninh", "Bac Ninh", 0, 0},
    {"30", "Hải Dương", "Hai Duong", 0, 0},
    {"31", "Hải Phòng", "Hai Phong", 0, 1},
    {"33", "Hưng Yên", "Hung Yen", 0, 0},
    {"34", "Thái Bình", "Thai Binh", 0, 0},
    {"35", "Hà Nam", "Ha Nam", 0, 0},
    {"36", "Nam Định", "Nam Dinh", 0, 0},
    {"37", "Ninh Bình", "Ninh Binh", 0, 0},
    {"38", "Thanh Hoá", "Thanh Hoa", 2, 0},
    {"40", "Nghệ An", "Nghe An", 2, 0},
    {"42", "Hà Tĩnh", "Ha Tinh", 2, 0},
    {"44", "Quảng Bình", "Quang Binh", 2, 0},
    {"45", "Quảng Trị", "Quang Tri", 2, 0},
    {"46", "Thừa Thiên Huế", "Thua Thien Hue", 2, 0},
    {"48", "Đà Nẵng", "Da Nang", 2, 1},
    {"49", "Quảng Nam", "Quang Nam", 2, 0},
    {"51", "Quảng Ngãi", "Quang Ngai", 2, 0},
    {"52", "Bình Định", "Binh Dinh", 2, 0},
    {"54", "Phú Yên", "Phu Yen", 2, 0},
    {"56", "Khánh Hoà", "Khanh Hoa", 2, 0},
    {"58", "Ninh Thuận", "Ninh Thuan", 2, 0},
    {"60", "Bình Thuận", "Binh Thuan", 2, 0},
    {"62", "Kon Tum", "Kon Tum", 3, 0},
    {"64", "Gia Lai", "Gia Lai", 3, 0},
    {"66", "Đắk Lắk", "Dak Lak", 3, 0},
    {"67", "Đắk Nông", "Dak Nong", 3, 0},
    {"68", "Lâm Đồng", "Lam Dong", 3, 0},
    {"70", "Bình Phước", "Binh Phuoc", 4, 0},
    {"72", "Tây Ninh", "Tay Ninh", 4, 0},
    {"74", "Bình Dương", "Binh Duong", 4, 0},
    {"75", "Đồng Nai", "Dong Nai", 4, 0},
    {"77", "Bà Rịa - Vũng Tàu", "Ba Ria - Vung Tau", 4, 0},
    {"79", "Hồ Chí Minh", "Ho Chi Minh City", 4, 1},
    {"80", "Long An", "Long An", 5, 0},
    {"82", "Tiền Giang", "Tien Giang", 5, 0},
    {"83", "Bến Tre", "Ben Tre", 5, 0},
    {"84", "Trà Vinh", "Tra Vinh", 5, 0},
    {"86", "Vĩnh Long", "Vinh Long", 5, 0},
    {"87", "Đồng Tháp", "Dong Thap", 5, 0},
    {"89", "An Giang", "An Giang", 5, 0},
    {"91", "Kiên Giang", "Kien Giang", 5, 0},
    {"92", "Cần Thơ", "Can Tho", 5, 1},
    {"93", "Hậu Giang", "Hau Giang", 5, 0},
    {"94", "Sóc Trăng", "Soc Trang", 5, 0},
    {"95", "Bạc Liêu", "Bac Lieu", 5, 0},
    {"96", "Cà Mau", "Ca Mau", 5, 0},
};

#define NREGIONS ((int)(sizeof regions / sizeof regions[0]))
#define NPROVINCES ((int)(sizeof provinces / sizeof provinces[0]))

/* Themes that give the indicators readable names and units of measure. */
typedef struct theme {
    const char *name_vi, *name_en, *unit_vi, *unit_en;
} theme;

static const theme flow_themes[] = {
    {"Thu ngân sách nhà nước", "State budget revenue", "triệu đồng", "million VND"},
    {"Chi ngân sách địa phương", "Local budget expenditure", "triệu đồng", "million VND"},
    {"Giá trị sản xuất công nghiệp", "Industrial output value", "triệu đồng", "million VND"},
    {"Tổng mức bán lẻ hàng hoá", "Retail sales of goods", "triệu đồng", "million VND"},
    {"Vốn đầu tư thực hiện", "Realised investment", "triệu đồng", "million VND"},
    {"Sản lượng thuỷ sản", "Fishery output", "tấn", "tonnes"},
    {"Lượt khách du lịch", "Tourist arrivals", "lượt người", "visits"},
    {"Doanh nghiệp thành lập mới", "Newly registered enterprises", "doanh nghiệp", "enterprises"},
};

static const theme stock_themes[] = {
    {"Thủ tục hành chính trực tuyến mức độ 3", "Administrative procedures online at level 3", "thủ tục", "procedures"},
    {"Cơ sở lưu trú du lịch", "Tourist accommodation establishments", "cơ sở", "establishments"},
    {"Lao động có việc làm", "Employed workers", "người", "persons"},
    {"Diện tích rừng trồng", "Planted forest area", "ha", "ha"},
};

static const theme rate_themes[] = {
    {"Tỷ lệ văn bản trao đổi điện tử", "Share of documents exchanged online", "%", "%"},
    {"Tỷ lệ văn bản có chữ ký số", "Share of documents digitally signed", "%", "%"},
    {"Tỷ lệ hộ nghèo", "Poverty rate", "%", "%"},
};

#define NTHEMES(a) ((int)(sizeof a / sizeof a[0]))

typedef enum kind { K_FLOW, K_STOCK, K_RATE } kind;

/* ------------------------------------------------------------------------
 * PRNG: splitmix64 to seed, xorshift64* to draw
 * ------------------------------------------------------------------------ */

static uint64_t splitmix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static uint64_t xorshift64s(uint64_t *s)
{
    uint64_t x = *s;

    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545f4914f6cdd1dULL;
}

/* Uniform in [0, 1). */
static double uniform(uint64_t *s)
{
    return (double)(xorshift64s(s) >> 11) * (1.0 / 9007199254740992.0);
}

/* ------------------------------------------------------------------------
 * Catalog layout
 * ------------------------------------------------------------------------ */

static int ndistricts_catalog;  /* districts in the catalog */
static int nindicators_catalog; /* submitted indicators in the catalog */

/* Index of the province that district i (0-based) belongs to. The first
 * province holds districts [0, cum(1)), cum(p) = floor(p * D / 63). */
static int district_province(int i)
{
    int p = (int)((long)i * NPROVINCES / ndistricts_catalog);

    /* p is a first guess; settle it against the cumulative counts */
    while (p > 0 && (long)p * ndistricts_catalog / NPROVINCES > i)
        p--;
    while ((long)(p + 1) * ndistricts_catalog / NPROVINCES <= i)
        p++;
    return p;
}

/* 3-digit code of district i: spread evenly over 001..999 in order. */
static int district_code(int i)
{
    return 1 + (int)((long)i * MAX_CODES / ndistricts_catalog);
}

static kind indicator_kind(int ind) /* ind is 1-based */
{
    int r = (ind - 1) % 20;

    if (r < 12)
        return K_FLOW;
    if (r < 19)
        return K_STOCK;
    return K_RATE;
}

static int indicator_decimals(int ind)
{
    switch (indicator_kind(ind)) {
    case K_FLOW: return ind % 3;
    case K_STOCK: return 0;
    case K_RATE: return 1 + ind % 2;
    }
    return 0;
}

static const theme *indicator_theme(int ind)
{
    switch (indicator_kind(ind)) {
    case K_FLOW: return &flow_themes[(ind - 1) % NTHEMES(flow_themes)];
    case K_STOCK: return &stock_themes[(ind - 1) % NTHEMES(stock_themes)];
    case K_RATE: return &rate_themes[(ind - 1) % NTHEMES(rate_themes)];
    }
    return &flow_themes[0];
}

/* ------------------------------------------------------------------------
 * Writing the catalog
 * ------------------------------------------------------------------------ */

static void die(const char *what, const char *path)
{
    fprintf(stderr, "gen_national: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

static FILE *open_out(const char *dir, const char *name, char *path, size_t pathsz)
{
    FILE *f;

    snprintf(path, pathsz, "%s/%s", dir, name);
    f = fopen(path, "wb");
    if (!f)
        die("cannot create", path);
    return f;
}

static void close_out(FILE *f, const char *path)
{
    if (ferror(f) || fclose(f) != 0)
        die("cannot write", path);
}

static void make_dir(const char *path)
{
    if (mkdir(path, 0777) != 0 && errno != EEXIST)
        die("cannot create folder", path);
}

static void write_units(const char *dir)
{
    char path[4096];
    FILE *f = open_out(dir, "units.csv", path, sizeof path);
    int r, p, i, k = 0;

    fputs("code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor\n", f);
    fputs("VN,Việt Nam,Viet Nam,nation,quốc gia,,,,\n", f);
    for (r = 0; r < NREGIONS; r++)
        fprintf(f, "%s,%s,%s,region,vùng,VN,,,\n", regions[r].code, regions[r].name_vi,
                regions[r].name_en);
    for (p = 0; p < NPROVINCES; p++)
        fprintf(f, "%s,%s,%s,province,%s,%s,,,\n", provinces[p].code, provinces[p].name_vi,
                provinces[p].name_en, provinces[p].city ? "thành phố" : "tỉnh",
                regions[provinces[p].region].code);
    for (i = 0; i < ndistricts_catalog; i++) {
        const province *pr = &provinces[district_province(i)];

        k = (i == 0 || district_province(i - 1) != district_province(i)) ? 1 : k + 1;
        if (pr->city)
            fprintf(f, "%03d,Quận %d %s,%s District %d,district,quận,%s,,,\n",
                    district_code(i), k, pr->name_vi, pr->name_en, k, pr->code);
        else if (k == 1)
            fprintf(f, "%03d,Thành phố %s,%s City,district,thành phố,%s,,,\n",
                    district_code(i), pr->name_vi, pr->name_en, pr->code);
        else if (k == 2)
            fprintf(f, "%03d,Thị xã %s %d,%s Town %d,district,thị xã,%s,,,\n",
                    district_code(i), pr->name_vi, k, pr->name_en, k, pr->code);
        else
            fprintf(f, "%03d,Huyện %s %d,%s District %d,district,huyện,%s,,,\n",
                    district_code(i), pr->name_vi, k, pr->name_en, k, pr->code);
    }
    close_out(f, path);
}

static void write_indicators(const char *dir)
{
    char path[4096];
    FILE *f = open_out(dir, "indicators.csv", path, sizeof path);
    int ind, nflow = 0, flows[2 * MAX_DERIVED], k;

    fputs("code,name_vi,name_en,unit_vi,unit_en,kind,space_agg,time_agg,decimals,"
          "min,max,formula,order,group,frequency,key\n", f);
    for (ind = 1; ind <= nindicators_catalog; ind++) {
        const theme *t = indicator_theme(ind);
        kind kd = indicator_kind(ind);
        int group = (ind - 1) / 20 + 1;

        fprintf(f, "IND%03d,%s - chỉ tiêu %d,%s - item %d,%s,%s,%s,%s,%s,%d,0,%s,,%d,"
                   "Nhóm %02d,month,%d\n",
                ind, t->name_vi, ind, t->name_en, ind, t->unit_vi, t->unit_en,
                kd == K_FLOW ? "flow" : kd == K_STOCK ? "stock" : "rate",
                kd == K_RATE ? "mean" : "sum",
                kd == K_FLOW ? "sum" : kd == K_STOCK ? "last" : "mean",
                indicator_decimals(ind), kd == K_RATE ? "100" : "", ind, group,
                ind <= 5 ? 1 : 0);
        if (kd == K_FLOW && nflow < 2 * MAX_DERIVED)
            flows[nflow++] = ind;
    }
    /* derived: the ratio of each pair of consecutive flows, in % */
    for (k = 0; k + 1 < nflow; k += 2)
        fprintf(f, "DRV%02d,Tỷ lệ chỉ tiêu %d so với chỉ tiêu %d,"
                   "Ratio of item %d to item %d,%%,%%,derived,,,1,,,"
                   "IND%03d / IND%03d * 100,%d,Chỉ số tổng hợp,month,%d\n",
                k / 2 + 1, flows[k], flows[k + 1], flows[k], flows[k + 1],
                flows[k], flows[k + 1], 1000 + k / 2 + 1, k < 4 ? 1 : 0);
    close_out(f, path);
}

static void write_reporters(const char *dir)
{
    char path[4096];
    FILE *f = open_out(dir, "reporters.csv", path, sizeof path);

    fputs("code,name_vi,name_en,scope_unit,indicators,report_level,deadline_day\n", f);
    fputs("NSO,Tổng cục Thống kê,General Statistics Office,VN,*,district,20\n", f);
    close_out(f, path);
}

/* ------------------------------------------------------------------------
 * Writing the data
 * ------------------------------------------------------------------------ */

typedef struct outbuf {
    FILE *f;
    const char *path;
    char *buf;
    size_t len;
    unsigned long long total;
} outbuf;

static void ob_flush(outbuf *ob)
{
    if (ob->len && fwrite(ob->buf, 1, ob->len, ob->f) != ob->len)
        die("cannot write", ob->path);
    ob->total += ob->len;
    ob->len = 0;
}

static char *ob_reserve(outbuf *ob, size_t n)
{
    if (ob->len + n > OUTBUF_SIZE)
        ob_flush(ob);
    return ob->buf + ob->len;
}

/* Writes the digits of v (>= 0) at p, zero-padded to at least `width`
 * digits; returns the number of characters written. */
static int put_uint(char *p, unsigned long long v, int width)
{
    char tmp[24];
    int n = 0, i;

    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n < width)
        tmp[n++] = '0';
    for (i = 0; i < n; i++)
        p[i] = tmp[n - 1 - i];
    return n;
}

/* A value given as an integer count of 10^-decimals, written plainly. */
static int put_scaled(char *p, long long scaled, int decimals)
{
    static const long long pow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    unsigned long long ip = (unsigned long long)scaled / (unsigned long long)pow10[decimals];
    unsigned long long fp = (unsigned long long)scaled % (unsigned long long)pow10[decimals];
    int n = put_uint(p, ip, 1);

    if (decimals > 0) {
        p[n++] = '.';
        n += put_uint(p + n, fp, decimals);
    }
    return n;
}

/* The model of one series (one district, one indicator). Parameters come
 * from the first draws of the series' own stream; the month t (counted
 * from 2011-01) then takes draw number t, so a value does not depend on
 * which months are written.
 *
 * The data are meant to be clean, like an office's checked export: noise
 * (uniform, +-10% for flows, +-3% for stocks, +-2 points for rates)
 * dominates the trend (at most 3% a year for flows, 1% for stocks) and
 * the seasonal swing, so that SPEC §4's warnings (an outlier against the
 * unit's history, more than 50% change on the same month of last year)
 * stay rare and the benchmark measures checking, not printing. */
typedef struct series {
    uint64_t state;
    double base, growth, amp, phase, noise;
    kind kd;
    int decimals;
} series;

static void series_init(series *s, int district, int ind)
{
    double size;

    s->state = splitmix64(SEED ^ ((uint64_t)(unsigned)district << 32) ^ (uint64_t)(unsigned)ind);
    if (s->state == 0)
        s->state = 1;
    s->kd = indicator_kind(ind);
    s->decimals = indicator_decimals(ind);
    /* big districts (the provincial cities) are bigger in every series */
    size = 1.0 + 2.0 * uniform(&s->state);
    switch (s->kd) {
    case K_FLOW:
        s->base = size * pow(10.0, 2.0 + 3.0 * uniform(&s->state));
        s->growth = 0.03 * uniform(&s->state);
        s->amp = 0.05 * uniform(&s->state);
        s->noise = 0.10;
        break;
    case K_STOCK:
        s->base = size * pow(10.0, 1.0 + 4.0 * uniform(&s->state));
        s->growth = 0.01 * uniform(&s->state);
        s->amp = 0.0;
        s->noise = 0.03;
        break;
    case K_RATE:
        s->base = 20.0 + 70.0 * uniform(&s->state);
        s->growth = 0.0;
        s->amp = 3.0 * uniform(&s->state);
        s->noise = 2.0;
        break;
    }
    s->phase = 12.0 * uniform(&s->state);
}

static long long series_value(series *s, int t)
{
    static const double pow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    double season = sin(2.0 * 3.14159265358979323846 * ((double)(t % 12) + s->phase) / 12.0);
    double e = 2.0 * uniform(&s->state) - 1.0; /* in [-1, 1) */
    double v;
    long long scaled;

    if (s->kd == K_RATE) {
        v = s->base + s->amp * season + s->noise * e;
        if (v > 100.0)
            v = 100.0;
    } else {
        v = s->base * exp(log1p(s->growth) * t / 12.0) * (1.0 + s->amp * season) *
            (1.0 + s->noise * e);
    }
    scaled = llround(v * pow10[s->decimals]);
    return scaled < 1 ? 1 : scaled;
}

/* Writes one data row of district d (code), indicator ind, month m of
 * the written ones, whose value is v. */
static void put_row(outbuf *ob, int code, int ind, const char *ptext, long long v, int decimals, int last)
{
    char *p = ob_reserve(ob, 64), *q = p;

    q += put_uint(q, (unsigned long long)code, 3);
    *q++ = ',';
    memcpy(q, "IND", 3);
    q += 3;
    q += put_uint(q, (unsigned long long)ind, 3);
    *q++ = ',';
    memcpy(q, ptext, 7);
    q += 7;
    *q++ = ',';
    q += put_scaled(q, v, decimals);
    *q++ = ',';
    /* the latest month of an export is the office's estimate */
    *q++ = last ? 'E' : 'A';
    *q++ = '\n';
    ob->len += (size_t)(q - p);
}

/* The rows in period, unit, indicator order: every series' stream is kept
 * (units x indicators of them) and advanced one month at a time, so each
 * value is the one the unit order gives. */
static void write_by_period(outbuf *ob, int units, int indicators, int months, int t0, char (*ptext)[8])
{
    series *all = malloc((size_t)units * (size_t)indicators * sizeof *all);

    if (!all) {
        fputs("gen_national: out of memory\n", stderr);
        exit(1);
    }
    for (int d = 0; d < units; d++)
        for (int ind = 1; ind <= indicators; ind++) {
            series *s = &all[(size_t)d * (size_t)indicators + (size_t)(ind - 1)];

            series_init(s, d, ind);
            for (int t = 0; t < t0; t++)
                (void)xorshift64s(&s->state);
        }
    for (int m = 0; m < months; m++)
        for (int d = 0; d < units; d++)
            for (int ind = 1; ind <= indicators; ind++) {
                series *s = &all[(size_t)d * (size_t)indicators + (size_t)(ind - 1)];

                put_row(ob, district_code(d), ind, ptext[m], series_value(s, t0 + m), s->decimals,
                        m == months - 1);
            }
    free(all);
}

static void write_data(const char *dir, int units, int indicators, int months,
                       int first_year, int first_month, int by_period)
{
    char path[4096];
    outbuf ob;
    int d, ind, m, t0 = (first_year - 2011) * 12 + (first_month - 1);
    /* period text and month index of every written month */
    char (*ptext)[8] = malloc((size_t)months * sizeof *ptext);

    if (!ptext) {
        fputs("gen_national: out of memory\n", stderr);
        exit(1);
    }
    for (m = 0; m < months; m++) {
        int y = first_year + (first_month - 1 + m) / 12, mo = (first_month - 1 + m) % 12 + 1;

        put_uint(ptext[m], (unsigned long long)y, 4);
        ptext[m][4] = '-';
        put_uint(ptext[m] + 5, (unsigned long long)mo, 2);
        ptext[m][7] = '\0';
    }

    ob.f = open_out(dir, "data.csv", path, sizeof path);
    ob.path = path;
    ob.buf = malloc(OUTBUF_SIZE);
    ob.len = 0;
    ob.total = 0;
    if (!ob.buf) {
        fputs("gen_national: out of memory\n", stderr);
        exit(1);
    }
    memcpy(ob_reserve(&ob, 64), "unit,indicator,period,value,status\n", 35);
    ob.len += 35;

    if (by_period)
        write_by_period(&ob, units, indicators, months, t0, ptext);
    else
        for (d = 0; d < units; d++) {
            int code = district_code(d);

            for (ind = 1; ind <= indicators; ind++) {
                series s;
                int t;

                series_init(&s, d, ind);
                /* the months before the first written one: skip their draws */
                for (t = 0; t < t0; t++)
                    (void)xorshift64s(&s.state);
                for (m = 0; m < months; m++)
                    put_row(&ob, code, ind, ptext[m], series_value(&s, t0 + m), s.decimals, m == months - 1);
            }
        }
    ob_flush(&ob);
    close_out(ob.f, path);
    fprintf(stderr, "gen_national: %s: %lld rows (%d units x %d indicators x %d months from %s), %llu bytes\n",
            path, (long long)units * indicators * months, units, indicators, months,
            ptext[0], ob.total);
    free(ob.buf);
    free(ptext);
}

/* ------------------------------------------------------------------------
 * main
 * ------------------------------------------------------------------------ */

static int int_arg(const char *s, const char *what, int lo, int hi)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi) {
        fprintf(stderr, "gen_national: %s must be a whole number from %d to %d, not '%s'\n",
                what, lo, hi, s);
        exit(2);
    }
    return (int)v;
}

int main(int argc, char **argv)
{
    int units = MIN_DISTRICTS, indicators = MIN_INDICATORS, months = 72;
    int first_year = 2011, first_month = 1;
    char catdir[4096];
    int by_period = 0;

    if (argc > 2 && strcmp(argv[1], "--order") == 0) {
        if (strcmp(argv[2], "period") != 0 && strcmp(argv[2], "unit") != 0) {
            fprintf(stderr, "gen_national: --order is unit or period, not '%s'\n", argv[2]);
            return 2;
        }
        by_period = strcmp(argv[2], "period") == 0;
        argc -= 2;
        argv += 2;
    }
    if (argc < 2 || argc > 6 || argv[1][0] == '-') {
        fputs("usage: gen_national [--order unit|period] OUTDIR [units [indicators [months [first-month]]]]\n"
              "  defaults: unit order, 700 units, 200 indicators, 72 months, first month 2011-01\n", stderr);
        return 2;
    }
    if (argc > 2)
        units = int_arg(argv[2], "units", 1, MAX_CODES);
    if (argc > 3)
        indicators = int_arg(argv[3], "indicators", 1, MAX_CODES);
    if (argc > 5) {
        const char *a = argv[5];

        if (strlen(a) != 7 || a[4] != '-' || strspn(a, "0123456789") != 4 ||
            strspn(a + 5, "0123456789") != 2 ||
            sscanf(argv[5], "%4d-%2d", &first_year, &first_month) != 2 ||
            first_year < 2011 || first_year > 2100 || first_month < 1 || first_month > 12) {
            fprintf(stderr, "gen_national: first-month must be YYYY-MM from 2011-01, not '%s'\n",
                    argv[5]);
            return 2;
        }
    }
    if (argc > 4)
        months = int_arg(argv[4], "months", 1, (2100 - first_year) * 12 + 13 - first_month);

    ndistricts_catalog = units > MIN_DISTRICTS ? units : MIN_DISTRICTS;
    nindicators_catalog = indicators > MIN_INDICATORS ? indicators : MIN_INDICATORS;

    make_dir(argv[1]);
    snprintf(catdir, sizeof catdir, "%s/catalog", argv[1]);
    make_dir(catdir);
    write_units(catdir);
    write_indicators(catdir);
    write_reporters(catdir);
    write_data(argv[1], units, indicators, months, first_year, first_month, by_period);
    return 0;
}
