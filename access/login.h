/* login.h - logging in and out of the portal, and who a request is (SPEC §9).
 *
 * The rules: a wrong password and an unknown login get the same answer;
 * five failed logins for a login within 15 minutes lock it for 15 minutes;
 * every login, failure, lock and logout is recorded; a session ends after
 * 30 minutes idle or at logout. The caller passes the clock (`now`, seconds
 * since the epoch) and the client's address for the record.
 */
#ifndef PS_LOGIN_H
#define PS_LOGIN_H

#include "access/password.h"
#include "store/account.h"

#define PS_LOGIN_FAILURES 5
#define PS_LOGIN_WINDOW (15 * 60)
#define PS_LOGIN_LOCK (15 * 60)
#define PS_SESSION_IDLE (30 * 60)

typedef enum ps_login_outcome {
    PS_LOGIN_OK = 0,
    PS_LOGIN_BAD,      /* unknown login or wrong password */
    PS_LOGIN_LOCKED,   /* locked now (by this failure or before) */
} ps_login_outcome;

/* Who a request is: the account and its session's CSRF token. */
typedef struct ps_who {
    ps_account account;
    char csrf[PS_TOKEN_HEX];
} ps_who;

/* Checks the password. On PS_LOGIN_OK opens a session and writes its
 * token to token_out. The outcome is in *out; the return value is only for
 * failures of the database or the random source. */
ps_error ps_login(ps_db *db, const char *login, const char *password, long long now, const char *from,
                  ps_login_outcome *out, char token_out[PS_TOKEN_HEX], ps_ctx *ctx);

/* Finds the session of a token: *valid false when the token is unknown,
 * malformed or idle too long (then the session is ended and recorded). */
ps_error ps_login_session(ps_db *db, const char *token, long long now, ps_who *who, bool *valid, ps_ctx *ctx);

/* Ends the session of a token (nothing when there is none). */
ps_error ps_logout(ps_db *db, const char *token, long long now, const char *from, ps_ctx *ctx);

#endif
