/* accounts.c - the rules for making portal accounts (accounts.h). */
#include "access/accounts.h"

#include "core/msg.h"
#include "access/password.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

bool ps_login_valid(const char *login)
{
    size_t n = strlen(login);
    if (n == 0 || n > PS_LOGIN_MAX)
        return false;
    for (const char *s = login; *s; s++)
        if (!isalnum((unsigned char)*s) && !strchr(".-_@", *s))
            return false;
    return true;
}

/* The account to add, checked; PS_OK or PS_ERR_USAGE. */
static ps_error make_account(const ps_catalog *cat, const char *login, ps_role role, const char *reporter,
                             ps_account *a, ps_ctx *ctx)
{
    memset(a, 0, sizeof *a);
    if (!ps_login_valid(login))
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_PTL_LOGIN_BAD,
                        login, PS_LOGIN_MAX);
    if ((role == PS_ROLE_OFFICE) != (reporter != NULL && *reporter))
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_PTL_ROLE_REPORTER);
    snprintf(a->login, sizeof a->login, "%s", login);
    a->role = role;
    if (role != PS_ROLE_OFFICE)
        return PS_OK;
    snprintf(a->reporter, sizeof a->reporter, "%s", reporter);
    for (char *p = a->reporter; *p; p++) /* codes ignore letter case (SPEC §3) */
        *p = (char)toupper((unsigned char)*p);
    if (ps_catalog_reporter(cat, a->reporter) < 0)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_PTL_UNKNOWN_REPORTER,
                        a->reporter);
    return PS_OK;
}

ps_error ps_account_create(ps_db *db, const ps_catalog *cat, const char *login, ps_role role, const char *reporter,
                           const char *password, ps_account *made, ps_ctx *ctx)
{
    ps_account a;
    ps_error err = make_account(cat, login, role, reporter, &a, ctx);
    if (err || (err = ps_password_acceptable(password, ctx)) || (err = ps_password_init(ctx)) ||
        (err = ps_password_hash(password, a.pwhash, ctx)))
        return err;
    if ((err = ps_account_add(db, &a, ctx)))
        return err;
    if (made)
        *made = a;
    return PS_OK;
}

ps_error ps_account_password(ps_db *db, const char *login, const char *password, ps_ctx *ctx)
{
    char hash[PS_PWHASH_MAX];
    ps_error err;
    if ((err = ps_password_acceptable(password, ctx)) || (err = ps_password_init(ctx)) ||
        (err = ps_password_hash(password, hash, ctx)))
        return err;
    return ps_account_set_hash(db, login, hash, ctx);
}
