/* accounts.h - making and changing portal accounts by the rules of SPEC §9,
 * for `provstat user` and the portal's admin pages alike.
 *
 * A login is 1 to 64 letters, digits, '.', '-', '_' or '@'; an office's
 * account names a reporter of the catalog (its code without regard to
 * letter case); a password has at least 10 characters and is stored only
 * as its Argon2id hash.
 */
#ifndef PS_ACCOUNTS_H
#define PS_ACCOUNTS_H

#include "core/catalog.h"
#include "store/account.h"

/* True when login is a valid login. */
bool ps_login_valid(const char *login);

/* Adds an account: PS_ERR_USAGE naming what is wrong (a bad login, an
 * unknown reporter, a role without or with a reporter, a short password,
 * a login that exists). reporter is NULL unless role is PS_ROLE_OFFICE.
 * *made (may be NULL) gets the account as stored (its reporter code upper-cased). */
ps_error ps_account_create(ps_db *db, const ps_catalog *cat, const char *login, ps_role role, const char *reporter,
                           const char *password, ps_account *made, ps_ctx *ctx);

/* Sets a new password (checked as above); PS_ERR_USAGE for an unknown login. */
ps_error ps_account_password(ps_db *db, const char *login, const char *password, ps_ctx *ctx);

#endif
