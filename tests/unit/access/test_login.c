/* test_login.c - the portal's login rules (access/login.h): passwords,
 * lockout after five failures, idle expiry, logout, the record. */
#include "access/login.h"
#include "check.h"
#include "tmp_db.h"

#include <string.h>

static ps_db *db;
static const long long T0 = 1800000000; /* a fixed clock */

static void add(const char *login, const char *pw, ps_role role)
{
    ps_ctx ctx = {0};
    ps_account a = {.role = role};
    snprintf(a.login, sizeof a.login, "%s", login);
    CHECK_INT(ps_password_hash(pw, a.pwhash, &ctx), PS_OK);
    CHECK_INT(ps_account_add(db, &a, &ctx), PS_OK);
}

static ps_login_outcome try_login(const char *login, const char *pw, long long now, char token[PS_TOKEN_HEX])
{
    ps_ctx ctx = {0};
    ps_login_outcome out = PS_LOGIN_OK;
    CHECK_INT(ps_login(db, login, pw, now, "127.0.0.1", &out, token, &ctx), PS_OK);
    return out;
}

typedef struct kind_count {
    const char *kind;
    int n;
} kind_count;

static void count_one(const char *login, const char *kind, const char *from, long long at, void *arg)
{
    (void)login;
    (void)at;
    kind_count *k = arg;
    CHECK_STR(from, strcmp(kind, "expired") == 0 ? "" : "127.0.0.1");
    if (strcmp(kind, k->kind) == 0)
        k->n++;
}

/* How many records of the login record are of this kind. */
static int count_kind(const char *kind)
{
    kind_count k = {kind, 0};
    ps_ctx ctx = {0};
    CHECK_INT(ps_login_each(db, count_one, &k, &ctx), PS_OK);
    return k.n;
}

TEST(password_rules)
{
    ps_ctx ctx = {0};
    CHECK_INT(ps_password_acceptable("123456789", &ctx), PS_ERR_USAGE);
    CHECK(strstr(ctx.msg, "at least 10") != NULL);
    ps_ctx ok = {0};
    CHECK_INT(ps_password_acceptable("1234567890", &ok), PS_OK);
    char hash[PS_PWHASH_MAX];
    CHECK_INT(ps_password_hash("correct horse", hash, &ok), PS_OK);
    CHECK(strncmp(hash, "$argon2id$", 10) == 0);
    CHECK(ps_password_verify("correct horse", hash));
    CHECK(!ps_password_verify("correct hors", hash));
    CHECK(!ps_password_verify("correct horse", "plain text is never a hash"));
}

TEST(tokens)
{
    char a[PS_TOKEN_HEX], b[PS_TOKEN_HEX];
    ps_token_new(a);
    ps_token_new(b);
    CHECK_INT((int)strlen(a), 64);
    CHECK(strcmp(a, b) != 0);
    unsigned char h[PS_TOKEN_HASH_BYTES];
    CHECK(ps_token_hash(a, h));
    CHECK(!ps_token_hash("../../etc/passwd", h));
    CHECK(!ps_token_hash("", h));
    CHECK(ps_token_equal(a, a));
    CHECK(!ps_token_equal(a, b));
}

TEST(login_session_logout)
{
    add("ana", "secret-password-1", PS_ROLE_OFFICE);
    char token[PS_TOKEN_HEX];
    CHECK_INT(try_login("ANA", "secret-password-1", T0, token), PS_LOGIN_OK); /* letter case of the login ignored */
    CHECK_INT((int)strlen(token), 64);
    ps_ctx ctx = {0};
    ps_who who;
    bool valid;
    CHECK_INT(ps_login_session(db, token, T0 + 60, &who, &valid, &ctx), PS_OK);
    CHECK(valid);
    CHECK_STR(who.account.login, "ana");
    CHECK_INT((int)strlen(who.csrf), 64);
    /* the token itself is never stored */
    CHECK_INT(count_kind("login"), 1);
    CHECK_INT(ps_logout(db, token, T0 + 120, "127.0.0.1", &ctx), PS_OK);
    CHECK_INT(ps_login_session(db, token, T0 + 130, &who, &valid, &ctx), PS_OK);
    CHECK(!valid);
    CHECK_INT(count_kind("logout"), 1);
}

TEST(idle_expiry)
{
    char token[PS_TOKEN_HEX];
    CHECK_INT(try_login("ana", "secret-password-1", T0 + 1000, token), PS_LOGIN_OK);
    ps_ctx ctx = {0};
    ps_who who;
    bool valid;
    /* used at 29 minutes: kept, and the idle time starts again */
    CHECK_INT(ps_login_session(db, token, T0 + 1000 + 29 * 60, &who, &valid, &ctx), PS_OK);
    CHECK(valid);
    CHECK_INT(ps_login_session(db, token, T0 + 1000 + 58 * 60, &who, &valid, &ctx), PS_OK);
    CHECK(valid);
    /* then 31 minutes idle: ended and recorded */
    CHECK_INT(ps_login_session(db, token, T0 + 1000 + 89 * 60, &who, &valid, &ctx), PS_OK);
    CHECK(!valid);
    CHECK_INT(count_kind("expired"), 1);
    CHECK_INT(ps_login_session(db, token, T0 + 1000 + 89 * 60, &who, &valid, &ctx), PS_OK);
    CHECK(!valid);
}

TEST(lockout_after_five_failures)
{
    add("bob", "secret-password-2", PS_ROLE_LEADER);
    char token[PS_TOKEN_HEX];
    long long t = T0 + 10000;
    for (int i = 0; i < 4; i++)
        CHECK_INT(try_login("bob", "wrong-password", t + i, token), PS_LOGIN_BAD);
    CHECK_INT(try_login("bob", "wrong-password", t + 4, token), PS_LOGIN_LOCKED);
    CHECK_STR(token, "");
    /* locked: even the right password is refused for 15 minutes */
    CHECK_INT(try_login("bob", "secret-password-2", t + 60, token), PS_LOGIN_LOCKED);
    CHECK_INT(try_login("bob", "secret-password-2", t + 4 + 15 * 60 - 1, token), PS_LOGIN_LOCKED);
    CHECK_INT(try_login("bob", "secret-password-2", t + 4 + 15 * 60, token), PS_LOGIN_OK);
    CHECK_INT(count_kind("locked"), 1);
    CHECK_INT(count_kind("refused-locked"), 2);
    CHECK(count_kind("failed") >= 5);
}

TEST(failures_spread_out_do_not_lock)
{
    add("cam", "secret-password-3", PS_ROLE_ADMIN);
    char token[PS_TOKEN_HEX];
    long long t = T0 + 20000;
    for (int i = 0; i < 8; i++) /* one failure every 4 minutes: never five within 15 */
        CHECK_INT(try_login("cam", "wrong-password", t + i * 240, token), PS_LOGIN_BAD);
    CHECK_INT(try_login("cam", "secret-password-3", t + 8 * 240, token), PS_LOGIN_OK);
}

TEST(unknown_login_like_wrong_password)
{
    char token[PS_TOKEN_HEX];
    for (int i = 0; i < 6; i++) /* no account to lock: always the same answer */
        CHECK_INT(try_login("nobody", "whatever-password", T0 + 30000 + i, token), PS_LOGIN_BAD);
    CHECK_STR(token, "");
}

TEST(account_changes)
{
    ps_ctx ctx = {0};
    ps_account a = {.role = PS_ROLE_LEADER};
    snprintf(a.login, sizeof a.login, "BOB");
    CHECK_INT(ps_account_add(db, &a, &ctx), PS_ERR_USAGE);
    CHECK(strstr(ctx.msg, "already exists") != NULL);
    ps_ctx c2 = {0};
    CHECK_INT(ps_account_remove(db, "nobody", &c2), PS_ERR_USAGE);
    CHECK(strstr(c2.msg, "no account nobody") != NULL);
    char token[PS_TOKEN_HEX];
    CHECK_INT(try_login("cam", "secret-password-3", T0 + 40000, token), PS_LOGIN_OK);
    ps_ctx c3 = {0};
    CHECK_INT(ps_account_remove(db, "cam", &c3), PS_OK);
    ps_who who;
    bool valid = true;
    CHECK_INT(ps_login_session(db, token, T0 + 40001, &who, &valid, &c3), PS_OK);
    CHECK(!valid); /* its sessions went with it */
}

int main(void)
{
    ps_ctx ctx = {0};
    if (ps_password_init(&ctx) || !(db = tmp_db_open("login", &ctx))) {
        fprintf(stderr, "%s\n", ctx.msg);
        return 1;
    }
    RUN(password_rules);
    RUN(tokens);
    RUN(login_session_logout);
    RUN(idle_expiry);
    RUN(lockout_after_five_failures);
    RUN(failures_spread_out_do_not_lock);
    RUN(unknown_login_like_wrong_password);
    RUN(account_changes);
    tmp_db_drop(db);
    return check_done();
}
