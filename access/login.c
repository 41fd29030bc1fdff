/* login.c - the portal's login rules (login.h) over store/account. */
#include "access/login.h"

#include <pthread.h>
#include <string.h>

/* A hash that matches no password, checked for an unknown login so that
 * the answer takes as long as for a known one. Made once per process. */
static char dummy[PS_PWHASH_MAX];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy(void)
{
    char pw[PS_TOKEN_HEX];
    ps_token_new(pw);
    if (ps_password_hash(pw, dummy, NULL) != PS_OK)
        dummy[0] = '\0';
}

static const char *dummy_hash(void)
{
    pthread_once(&dummy_once, make_dummy);
    return dummy;
}

/* Records a failure; locks the login at the PS_LOGIN_FAILURES-th within
 * the window. *locked tells whether it is now locked. */
static ps_error record_failure(ps_db *db, const ps_account *a, const char *login, long long now, const char *from,
                               bool *locked, ps_ctx *ctx)
{
    int n = 0;
    ps_error err;
    *locked = false;
    if ((err = ps_login_record(db, login, "failed", from, now, ctx)) ||
        (err = ps_login_failures(db, login, now - PS_LOGIN_WINDOW, &n, ctx)))
        return err;
    if (!a || n < PS_LOGIN_FAILURES)
        return PS_OK;
    *locked = true;
    if ((err = ps_account_lock(db, a->login, now + PS_LOGIN_LOCK, ctx)))
        return err;
    return ps_login_record(db, a->login, "locked", from, now, ctx);
}

static ps_error open_session(ps_db *db, const ps_account *a, long long now, char token[PS_TOKEN_HEX], ps_ctx *ctx)
{
    unsigned char hash[PS_TOKEN_HASH_BYTES];
    ps_session s = {.account_id = a->id, .created = now, .last_seen = now};
    ps_token_new(token);
    ps_token_new(s.csrf);
    ps_token_hash(token, hash);
    return ps_session_put(db, hash, &s, ctx);
}

/* The part in the write transaction, after the password was checked. */
static ps_error login_tx(ps_db *db, const ps_account *a, bool known, bool good, const char *login, long long now,
                         const char *from, ps_login_outcome *out, char token[PS_TOKEN_HEX], ps_ctx *ctx)
{
    ps_error err;
    if (known && a->locked_until > now) {
        *out = PS_LOGIN_LOCKED;
        return ps_login_record(db, a->login, "refused-locked", from, now, ctx);
    }
    if (!good) {
        bool locked;
        err = record_failure(db, known ? a : NULL, login, now, from, &locked, ctx);
        *out = locked ? PS_LOGIN_LOCKED : PS_LOGIN_BAD;
        return err;
    }
    *out = PS_LOGIN_OK;
    if ((err = ps_login_record(db, a->login, "login", from, now, ctx)))
        return err;
    return open_session(db, a, now, token, ctx);
}

ps_error ps_login(ps_db *db, const char *login, const char *password, long long now, const char *from,
                  ps_login_outcome *out, char token_out[PS_TOKEN_HEX], ps_ctx *ctx)
{
    ps_account a;
    bool known;
    *out = PS_LOGIN_BAD;
    token_out[0] = '\0';
    ps_error err = ps_account_find(db, login, &a, &known, ctx);
    if (err)
        return err;
    /* the slow hash runs outside the write transaction: ingests do not wait for it */
    bool good = known ? ps_password_verify(password, a.pwhash) : (ps_password_verify(password, dummy_hash()), false);
    if ((err = ps_db_begin(db, ctx)))
        return err;
    err = login_tx(db, known ? &a : NULL, known, good, login, now, from, out, token_out, ctx);
    if (!err)
        err = ps_db_commit(db, ctx);
    if (err) {
        ps_db_rollback(db);
        *out = PS_LOGIN_BAD;
        token_out[0] = '\0';
    }
    return err;
}

ps_error ps_login_session(ps_db *db, const char *token, long long now, ps_who *who, bool *valid, ps_ctx *ctx)
{
    unsigned char hash[PS_TOKEN_HASH_BYTES];
    ps_session s;
    bool found = false;
    *valid = false;
    memset(who, 0, sizeof *who);
    if (!ps_token_hash(token, hash))
        return PS_OK;
    ps_error err = ps_session_get(db, hash, &s, &found, ctx);
    if (err || !found)
        return err;
    if (now - s.last_seen > PS_SESSION_IDLE) {
        ps_account a;
        bool known;
        if ((err = ps_session_drop(db, hash, ctx)) || (err = ps_account_find_id(db, s.account_id, &a, &known, ctx)))
            return err;
        return ps_login_record(db, known ? a.login : "?", "expired", "", now, ctx);
    }
    if ((err = ps_account_find_id(db, s.account_id, &who->account, &found, ctx)) || !found)
        return err;
    memcpy(who->csrf, s.csrf, sizeof who->csrf);
    *valid = true;
    return now > s.last_seen ? ps_session_touch(db, hash, now, ctx) : PS_OK;
}

ps_error ps_logout(ps_db *db, const char *token, long long now, const char *from, ps_ctx *ctx)
{
    ps_who who;
    bool valid;
    unsigned char hash[PS_TOKEN_HASH_BYTES];
    ps_error err = ps_login_session(db, token, now, &who, &valid, ctx);
    if (err || !valid || !ps_token_hash(token, hash))
        return err;
    if ((err = ps_session_drop(db, hash, ctx)))
        return err;
    return ps_login_record(db, who.account.login, "logout", from, now, ctx);
}
