/* formula.c - parser, printer, queries and evaluator of the formula language. */
#include "core/formula.h"
#include "core/msg.h"
#include "core/formula_int.h"

#include "core/alloc.h"
#include "core/decsum.h"
#include "core/strbuf.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------------
 * Function names
 * ------------------------------------------------------------------------- */

static const char *const fn_names[] = {
    [PS_FN_PREV_YEAR] = "prev_year",
    [PS_FN_PREV] = "prev",
    [PS_FN_YTD] = "ytd",
    [PS_FN_PLAN] = "plan",
    [PS_FN_PARENT] = "parent",
    [PS_FN_PER_CAPITA] = "per_capita",
};
#define FN_COUNT (sizeof fn_names / sizeof fn_names[0])
#define FN_LIST "prev_year, prev, ytd, plan, parent, per_capita"

const char *ps_formula_fn_name(ps_ffn fn)
{
    if ((unsigned)fn >= FN_COUNT)
        return "?";
    return fn_names[fn];
}

static char ascii_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Looks up the n bytes at name, case-insensitively. */
static bool fn_lookup_n(const char *name, size_t n, ps_ffn *fn)
{
    for (size_t i = 0; i < FN_COUNT; i++) {
        const char *cand = fn_names[i];
        if (strlen(cand) != n)
            continue;
        size_t k = 0;
        while (k < n && ascii_lower(name[k]) == cand[k])
            k++;
        if (k == n) {
            *fn = (ps_ffn)i;
            return true;
        }
    }
    return false;
}

bool ps_formula_fn_lookup(const char *name, ps_ffn *fn)
{
    ps_ffn found;
    if (!name || !fn_lookup_n(name, strlen(name), &found))
        return false;
    if (fn)
        *fn = found;
    return true;
}

/* ---------------------------------------------------------------------------
 * Trees
 * ------------------------------------------------------------------------- */

static ps_fnode *node_new(ps_fkind kind)
{
    ps_fnode *n = ps_xcalloc(1, sizeof *n);
    n->kind = kind;
    return n;
}

void ps_formula_free(ps_fnode *f)
{
    if (!f)
        return;
    ps_formula_free(f->a);
    ps_formula_free(f->b);
    free(f->code);
    free(f);
}

static bool is_binary(ps_fkind k)
{
    return k == PS_FK_ADD || k == PS_FK_SUB || k == PS_FK_MUL || k == PS_FK_DIV;
}

bool ps_formula_equal(const ps_fnode *x, const ps_fnode *y)
{
    if (!x || !y)
        return x == y;
    if (x->kind != y->kind)
        return false;
    switch (x->kind) {
    case PS_FK_NUM:
        return x->num == y->num;
    case PS_FK_REF:
        return x->code && y->code ? strcmp(x->code, y->code) == 0 : x->code == y->code;
    case PS_FK_NEG:
        return ps_formula_equal(x->a, y->a);
    case PS_FK_CALL:
        return x->fn == y->fn && ps_formula_equal(x->a, y->a);
    default:
        return ps_formula_equal(x->a, y->a) && ps_formula_equal(x->b, y->b);
    }
}

/* ---------------------------------------------------------------------------
 * Lexer
 * ------------------------------------------------------------------------- */

typedef enum tok {
    T_NONE, /* before the first token */
    T_END, T_NUM, T_NAME, T_PLUS, T_MINUS, T_STAR, T_SLASH, T_LP, T_RP
} tok;

typedef struct parser {
    const char *text;
    size_t pos;          /* byte offset of the next unread character */
    tok t;               /* current token */
    size_t start, len;   /* its bytes */
    double num;          /* T_NUM: its value */
    tok prev_t;          /* the token before the current one */
    size_t prev_start;
    int depth;           /* nesting of parse_unary */
    bool failed;
    char *msg;
    size_t msgsz;
} parser;

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
static bool is_name_char(char c) { return is_alpha(c) || is_digit(c) || c == '_'; }
/* Byte length of the space at s, 0 when s is not a space. No-break spaces
 * (U+00A0, U+202F) count, as text copied from a spreadsheet has them. */
static size_t space_len(const char *s)
{
    char c = s[0];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
        return 1;
    if (s[0] == '\xC2' && s[1] == '\xA0')
        return 2;
    if (s[0] == '\xE2' && s[1] == '\x80' && s[2] == '\xAF')
        return 3;
    return 0;
}

/* 1-based character (UTF-8 code point) position of byte offset off. */
static size_t charpos(const parser *p, size_t off)
{
    size_t n = 1;
    for (size_t i = 0; i < off; i++)
        if (((unsigned char)p->text[i] & 0xC0) != 0x80)
            n++;
    return n;
}

static void fail(parser *p, ps_msg_id id, ...)
{
    if (p->failed)
        return;
    p->failed = true;
    if (p->msg && p->msgsz) {
        va_list ap;
        va_start(ap, id);
        ps_msg_vformat(p->msg, p->msgsz, id, ap);
        va_end(ap);
    }
}

/* How many bytes of a bad token to quote in a message. */
#define QUOTE_MAX 40

static int quote_len(size_t n)
{
    return (int)(n > QUOTE_MAX ? QUOTE_MAX : n);
}

/* Checks the plain number grammar on the n bytes at s. */
static bool number_ok(const char *s, size_t n)
{
    size_t i = 0;
    if (i >= n || !is_digit(s[i]))
        return false;
    while (i < n && is_digit(s[i]))
        i++;
    if (i < n && s[i] == '.') {
        i++;
        if (i >= n || !is_digit(s[i]))
            return false;
        while (i < n && is_digit(s[i]))
            i++;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= n || !is_digit(s[i]))
            return false;
        while (i < n && is_digit(s[i]))
            i++;
    }
    return i == n;
}

/* Reads a number starting at p->start: takes every character that could
 * belong to it (so that 1.2.3 or 12abc is one bad number, not a number and
 * then something unexpected), then checks the grammar. */
static void lex_number(parser *p)
{
    const char *s = p->text;
    size_t end = p->start;
    for (;;) {
        char c = s[end];
        if (is_name_char(c) || c == '.')
            end++;
        else if ((c == '+' || c == '-') && end > p->start &&
                 (s[end - 1] == 'e' || s[end - 1] == 'E') && is_digit(s[end + 1]))
            end++;
        else
            break;
    }
    size_t n = end - p->start;
    p->len = n;
    p->pos = end;
    p->t = T_NUM;
    if (!number_ok(s + p->start, n)) {
        if (s[p->start] == '.')
            fail(p, PS_M_FML_NUMBER_BADLY_WRITTEN_CHARACTER,
                 charpos(p, p->start), quote_len(n), s + p->start);
        else
            fail(p, PS_M_FML_NUMBER_BADLY_WRITTEN_CHARACTER_2, charpos(p, p->start),
                 quote_len(n), s + p->start);
        return;
    }
    /* The grammar is checked, so strtod (in the C locale: the program never
     * calls setlocale) reads exactly these characters. */
    char *copy = ps_xstrndup(s + p->start, n);
    p->num = strtod(copy, NULL);
    free(copy);
    if (!isfinite(p->num))
        fail(p, PS_M_FML_NUMBER_CHARACTER_TOO_LARGE, quote_len(n), s + p->start,
             charpos(p, p->start));
}

/* Length of the UTF-8 sequence at s (1 for a stray byte). */
static size_t utf8_len(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    size_t n = 1;
    while (n < want && ((unsigned char)s[n] & 0xC0) == 0x80)
        n++;
    return n;
}

static void unexpected_char(parser *p)
{
    const char *s = p->text;
    size_t at = p->start;
    unsigned char c = (unsigned char)s[at];
    size_t cp = charpos(p, at);
    p->len = 1;
    if (c == ',' && at > 0 && is_digit(s[at - 1]) && is_digit(s[at + 1]))
        fail(p, PS_M_FML_UNEXPECTED_CHARACTER_CHARACTER_DECIMAL,
             cp);
    else if (c >= 0x80) {
        size_t n = utf8_len(s + at);
        fail(p, PS_M_FML_UNEXPECTED_CHARACTER_CHARACTER, (int)n, s + at, cp);
    } else if (c > 0x20 && c < 0x7F)
        fail(p, PS_M_FML_UNEXPECTED_CHARACTER_C_CHARACTER, (char)c, cp);
    else
        fail(p, PS_M_FML_UNEXPECTED_CONTROL_CHARACTER_X, (unsigned)c, cp);
}

/* Moves to the next token. After a failure the token is T_END. */
static void next(parser *p)
{
    const char *s = p->text;
    p->prev_t = p->t;
    p->prev_start = p->start;
    for (size_t k; (k = space_len(s + p->pos)) > 0;)
        p->pos += k;
    p->start = p->pos;
    p->len = 0;
    char c = s[p->pos];
    if (c == '\0') {
        p->t = T_END;
        return;
    }
    if (is_digit(c) || (c == '.' && is_digit(s[p->pos + 1]))) {
        lex_number(p);
    } else if (is_alpha(c)) {
        size_t end = p->pos;
        while (is_name_char(s[end]))
            end++;
        p->t = T_NAME;
        p->len = end - p->pos;
        p->pos = end;
    } else {
        p->len = 1;
        p->pos++;
        switch (c) {
        case '+': p->t = T_PLUS; break;
        case '-': p->t = T_MINUS; break;
        case '*': p->t = T_STAR; break;
        case '/': p->t = T_SLASH; break;
        case '(': p->t = T_LP; break;
        case ')': p->t = T_RP; break;
        default:
            p->pos--;
            unexpected_char(p);
            break;
        }
    }
    if (p->failed)
        p->t = T_END;
}

/* True when the next non-space character is '('. */
static bool next_is_lparen(const parser *p)
{
    size_t i = p->pos;
    for (size_t k; (k = space_len(p->text + i)) > 0;)
        i += k;
    return p->text[i] == '(';
}

static char tok_char(tok t)
{
    switch (t) {
    case T_PLUS: return '+';
    case T_MINUS: return '-';
    case T_STAR: return '*';
    case T_SLASH: return '/';
    case T_LP: return '(';
    case T_RP: return ')';
    default: return '?';
    }
}

/* ---------------------------------------------------------------------------
 * Parser
 * ------------------------------------------------------------------------- */

static ps_fnode *parse_expr(parser *p, int *h);

/* Checks the height h of a node made at the token starting at byte off. */
static bool height_ok(parser *p, int h, size_t off)
{
    if (h <= PS_FORMULA_MAX_HEIGHT)
        return true;
    fail(p, PS_M_FML_FORMULA_TOO_LONG_CHARACTER,
         charpos(p, off), PS_FORMULA_MAX_HEIGHT);
    return false;
}

/* Reports the current token, where an operand was expected. */
static void missing_operand(parser *p)
{
    if (p->t == T_STAR || p->t == T_SLASH) {
        fail(p, PS_M_FML_MISSING_OPERAND_BEFORE_C, tok_char(p->t),
             charpos(p, p->start));
    } else if (p->prev_t == T_NONE) {
        if (p->t == T_END)
            fail(p, PS_M_FML_FORMULA_EMPTY);
        else
            fail(p, PS_M_FML_UNEXPECTED_C_CHARACTER, tok_char(p->t), charpos(p, p->start));
    } else {
        /* END or ')' right after an operator or '(' */
        fail(p, PS_M_FML_MISSING_OPERAND_AFTER_C, tok_char(p->prev_t),
             charpos(p, p->prev_start));
    }
}

/* Expects ')' closing the '(' at byte lp; moves past it. */
static bool expect_rparen(parser *p, size_t lp)
{
    if (p->failed)
        return false;
    if (p->t != T_RP) {
        fail(p, PS_M_FML_EXPECTED_CHARACTER_CLOSE_CHARACTER,
             charpos(p, p->start), charpos(p, lp));
        return false;
    }
    next(p);
    return !p->failed;
}

static ps_fnode *parse_unary(parser *p, int *h);

static ps_fnode *parse_primary(parser *p, int *h)
{
    if (p->failed)
        return NULL;
    switch (p->t) {
    case T_NUM: {
        ps_fnode *n = node_new(PS_FK_NUM);
        n->num = p->num;
        *h = 1;
        next(p);
        return n;
    }
    case T_NAME: {
        size_t at = p->start, len = p->len;
        if (!next_is_lparen(p)) {
            ps_fnode *n = node_new(PS_FK_REF);
            n->code = ps_xstrndup(p->text + at, len);
            *h = 1;
            next(p);
            return n;
        }
        ps_ffn fn;
        if (!fn_lookup_n(p->text + at, len, &fn)) {
            fail(p, PS_M_FML_UNKNOWN_FUNCTION,
                 quote_len(len), p->text + at, charpos(p, at), FN_LIST);
            return NULL;
        }
        next(p); /* the '(' */
        size_t lp = p->start;
        next(p);
        int ha = 0;
        ps_fnode *arg = parse_expr(p, &ha);
        if (!arg || !expect_rparen(p, lp) || !height_ok(p, ha + 1, at)) {
            ps_formula_free(arg);
            return NULL;
        }
        ps_fnode *n = node_new(PS_FK_CALL);
        n->fn = fn;
        n->a = arg;
        *h = ha + 1;
        return n;
    }
    case T_LP: {
        size_t lp = p->start;
        next(p);
        ps_fnode *inner = parse_expr(p, h);
        if (!inner || !expect_rparen(p, lp)) {
            ps_formula_free(inner);
            return NULL;
        }
        return inner;
    }
    default:
        missing_operand(p);
        return NULL;
    }
}

static ps_fnode *parse_unary(parser *p, int *h)
{
    if (p->failed)
        return NULL;
    if (p->depth >= PS_FORMULA_MAX_NESTING) {
        fail(p, PS_M_FML_FORMULA_NESTED_TOO_DEEPLY, charpos(p, p->start), PS_FORMULA_MAX_NESTING);
        return NULL;
    }
    p->depth++;
    ps_fnode *res;
    if (p->t == T_MINUS || p->t == T_PLUS) {
        bool neg = p->t == T_MINUS;
        size_t at = p->start;
        next(p);
        int ha = 0;
        ps_fnode *arg = parse_unary(p, &ha);
        if (!arg || !neg) {
            res = arg;
            *h = ha;
        } else if (!height_ok(p, ha + 1, at)) {
            ps_formula_free(arg);
            res = NULL;
        } else {
            res = node_new(PS_FK_NEG);
            res->a = arg;
            *h = ha + 1;
        }
    } else {
        res = parse_primary(p, h);
    }
    p->depth--;
    return res;
}

/* One level of left-associative binary operators: ops1/ops2 are its tokens,
 * k1/k2 their node kinds, sub parses an operand. */
static ps_fnode *parse_binary(parser *p, int *h, tok op1, ps_fkind k1, tok op2, ps_fkind k2,
                              ps_fnode *(*sub)(parser *, int *))
{
    int hl = 0;
    ps_fnode *left = sub(p, &hl);
    while (left && (p->t == op1 || p->t == op2)) {
        ps_fkind kind = p->t == op1 ? k1 : k2;
        size_t at = p->start;
        next(p);
        int hr = 0;
        ps_fnode *right = sub(p, &hr);
        int hn = 1 + (hl > hr ? hl : hr);
        if (!right || !height_ok(p, hn, at)) {
            ps_formula_free(left);
            ps_formula_free(right);
            return NULL;
        }
        ps_fnode *n = node_new(kind);
        n->a = left;
        n->b = right;
        left = n;
        hl = hn;
    }
    *h = hl;
    return left;
}

static ps_fnode *parse_term(parser *p, int *h)
{
    return parse_binary(p, h, T_STAR, PS_FK_MUL, T_SLASH, PS_FK_DIV, parse_unary);
}

static ps_fnode *parse_expr(parser *p, int *h)
{
    return parse_binary(p, h, T_PLUS, PS_FK_ADD, T_MINUS, PS_FK_SUB, parse_term);
}

ps_fnode *ps_formula_parse(const char *text, char *msg, size_t msgsz)
{
    parser p;
    memset(&p, 0, sizeof p);
    p.text = text ? text : "";
    p.msg = msg;
    p.msgsz = msgsz;
    p.t = T_NONE;
    if (msg && msgsz)
        msg[0] = '\0';

    next(&p);
    p.prev_t = T_NONE; /* nothing came before the first token */
    if (p.t == T_END && !p.failed) {
        fail(&p, PS_M_FML_FORMULA_EMPTY);
        return NULL;
    }
    int h = 0;
    ps_fnode *f = parse_expr(&p, &h);
    if (f && !p.failed && p.t != T_END) {
        size_t cp = charpos(&p, p.start);
        if (p.t == T_RP)
            fail(&p, PS_M_FML_UNEXPECTED_CHARACTER, cp);
        else if (p.t == T_LP)
            fail(&p, PS_M_FML_UNEXPECTED_CHARACTER_EXPECTED_OPERATOR, cp);
        else
            fail(&p, PS_M_FML_UNEXPECTED_CHARACTER_EXPECTED_OPERATOR_2,
                 quote_len(p.len), p.text + p.start, cp);
    }
    if (p.failed) {
        ps_formula_free(f);
        return NULL;
    }
    return f;
}

/* ---------------------------------------------------------------------------
 * Queries
 * ------------------------------------------------------------------------- */

static void walk(const ps_fnode *f, bool in_call,
                 void (*fn)(const char *code, bool in_call, void *arg), void *arg)
{
    if (!f)
        return;
    switch (f->kind) {
    case PS_FK_REF:
        fn(f->code, in_call, arg);
        break;
    case PS_FK_CALL:
        walk(f->a, true, fn, arg);
        break;
    case PS_FK_NEG:
        walk(f->a, in_call, fn, arg);
        break;
    case PS_FK_NUM:
        break;
    default:
        walk(f->a, in_call, fn, arg);
        walk(f->b, in_call, fn, arg);
        break;
    }
}

void ps_formula_walk_refs(const ps_fnode *f,
                          void (*fn)(const char *code, bool in_call, void *arg), void *arg)
{
    if (fn)
        walk(f, false, fn, arg);
}

bool ps_formula_uses(const ps_fnode *f, ps_ffn fn)
{
    if (!f)
        return false;
    if (f->kind == PS_FK_CALL && f->fn == fn)
        return true;
    return ps_formula_uses(f->a, fn) || ps_formula_uses(f->b, fn);
}

bool ps_formula_is_arithmetic(const ps_fnode *f)
{
    if (!f)
        return true;
    if (f->kind == PS_FK_CALL)
        return false;
    return ps_formula_is_arithmetic(f->a) && ps_formula_is_arithmetic(f->b);
}

/* ---------------------------------------------------------------------------
 * Canonical text
 * ------------------------------------------------------------------------- */

/* Binding strength: + - 1, * / 2, unary minus 3, atoms 4. */
static int prec(const ps_fnode *f)
{
    switch (f->kind) {
    case PS_FK_ADD:
    case PS_FK_SUB:
        return 1;
    case PS_FK_MUL:
    case PS_FK_DIV:
        return 2;
    case PS_FK_NEG:
        return 3;
    case PS_FK_NUM:
        return f->num < 0 ? 3 : 4; /* a negative number prints with a sign */
    default:
        return 4;
    }
}

/* The shortest of %.15g, %.16g, %.17g that reads back to v. */
static void put_number(ps_strbuf *sb, double v)
{
    char buf[40];
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    ps_sb_puts(sb, buf);
}

static void put(ps_strbuf *sb, const ps_fnode *f);

static void put_wrapped(ps_strbuf *sb, const ps_fnode *f, bool parens)
{
    if (parens)
        ps_sb_putc(sb, '(');
    put(sb, f);
    if (parens)
        ps_sb_putc(sb, ')');
}

static void put(ps_strbuf *sb, const ps_fnode *f)
{
    if (!f) {
        ps_sb_putc(sb, '?');
        return;
    }
    switch (f->kind) {
    case PS_FK_NUM:
        put_number(sb, f->num);
        break;
    case PS_FK_REF:
        ps_sb_puts(sb, f->code ? f->code : "?");
        break;
    case PS_FK_NEG:
        ps_sb_putc(sb, '-');
        /* a sign under a sign (a negative number is one too) is written
         * "- -a", not "-(-a)": parentheses would cost the parser a level of
         * nesting that "--a" did not, so the text of a chain of minuses the
         * parser accepted would nest too deeply to be read back */
        if (f->a && prec(f->a) == 3) {
            ps_sb_putc(sb, ' ');
            put(sb, f->a);
        } else {
            put_wrapped(sb, f->a, !f->a || prec(f->a) < 3);
        }
        break;
    case PS_FK_CALL:
        ps_sb_puts(sb, ps_formula_fn_name(f->fn));
        put_wrapped(sb, f->a, true);
        break;
    default: {
        int p = prec(f);
        static const char ops[] = {[PS_FK_ADD] = '+', [PS_FK_SUB] = '-', [PS_FK_MUL] = '*',
                                   [PS_FK_DIV] = '/'};
        /* left-associative: the right side needs parentheses at equal strength */
        put_wrapped(sb, f->a, f->a && prec(f->a) < p);
        ps_sb_putc(sb, ' ');
        ps_sb_putc(sb, is_binary(f->kind) ? ops[f->kind] : '?');
        ps_sb_putc(sb, ' ');
        put_wrapped(sb, f->b, f->b && prec(f->b) <= p);
        break;
    }
    }
}

char *ps_formula_to_string(const ps_fnode *f)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    if (f)
        put(&sb, f);
    return ps_sb_steal(&sb);
}

/* ---------------------------------------------------------------------------
 * Evaluation
 * ------------------------------------------------------------------------- */

#define CTX_STACK_MAX 256

static bool eval_call(const ps_fnode *f, const ps_feval_ops *ops, void *self, const void *ctx,
                      double *out)
{
    if (f->fn == PS_FN_PER_CAPITA) {
        double v, pop;
        if (!ps_formula_eval(f->a, ops, self, ctx, &v))
            return false;
        if (!ops->per_capita_pop || !ops->per_capita_pop(self, ctx, &pop))
            return false;
        if (pop == 0 || !isfinite(pop))
            return false;
        *out = v / pop;
        return true;
    }
    if (!ops->shift)
        return false;
    union {
        max_align_t align;
        unsigned char bytes[CTX_STACK_MAX];
    } local;
    void *buf = ops->ctx_size <= sizeof local.bytes ? (void *)local.bytes
                                                     : ps_xmalloc(ops->ctx_size);
    bool ok = ops->shift(self, ctx, f->fn, buf) && ps_formula_eval(f->a, ops, self, buf, out);
    if (buf != (void *)local.bytes)
        free(buf);
    return ok;
}

/* a + b, exact on the decimals of a and b (core/decsum.h): a derived
 * sum such as domestic + import-export revenue adds what was sent */
static double exact_add(double a, double b)
{
    ps_decsum s;
    ps_decsum_init(&s);
    ps_decsum_add(&s, a);
    ps_decsum_add(&s, b);
    return ps_decsum_total(&s);
}

bool ps_formula_eval(const ps_fnode *f, const ps_feval_ops *ops, void *self, const void *ctx,
                     double *out)
{
    double a, b, r;
    if (!f || !ops || !out)
        return false;
    switch (f->kind) {
    case PS_FK_NUM:
        r = f->num;
        break;
    case PS_FK_REF:
        if (!f->code || !ops->value || !ops->value(self, ctx, f->code, &r))
            return false;
        break;
    case PS_FK_NEG:
        if (!ps_formula_eval(f->a, ops, self, ctx, &a))
            return false;
        r = -a;
        break;
    case PS_FK_CALL:
        if (!eval_call(f, ops, self, ctx, &r))
            return false;
        break;
    case PS_FK_ADD:
    case PS_FK_SUB:
    case PS_FK_MUL:
    case PS_FK_DIV:
        if (!ps_formula_eval(f->a, ops, self, ctx, &a) ||
            !ps_formula_eval(f->b, ops, self, ctx, &b))
            return false;
        if (f->kind == PS_FK_ADD)
            r = exact_add(a, b);
        else if (f->kind == PS_FK_SUB)
            r = exact_add(a, -b);
        else if (f->kind == PS_FK_MUL)
            r = a * b;
        else if (b == 0)
            return false;
        else
            r = a / b;
        break;
    default:
        return false;
    }
    if (!isfinite(r))
        return false;
    *out = r;
    return true;
}

bool ps_formula_shift_period(ps_ffn fn, ps_period *p, bool *plan)
{
    switch (fn) {
    case PS_FN_PREV_YEAR: *p = ps_period_prev_year(*p); break;
    case PS_FN_PREV: *p = ps_period_prev(*p); break;
    case PS_FN_YTD: *p = ps_period_ytd_of(*p); break;
    case PS_FN_PLAN:
        *plan = true;
        *p = ps_period_make(PS_P_YEAR, p->year, 0);
        break;
    case PS_FN_PARENT:
    case PS_FN_PER_CAPITA: break;
    }
    return p->type != PS_P_NONE;
}

bool ps_formula_per_capita_pop(ps_period p, int (*get)(void *arg, ps_period q, bool fallback, double *pop),
                               void *arg, double *pop, bool *carried)
{
    *carried = false;
    int r = get(arg, p, false, pop);
    for (int y = p.year; r == 0 && y >= p.year - 1; y--)
        if ((r = get(arg, ps_period_make(PS_P_YEAR, y, 0), true, pop)) == 1)
            *carried = true;
    return r == 1;
}
