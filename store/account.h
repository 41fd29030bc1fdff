/* account.h - the portal's accounts, sessions and login record (SPEC §9).
 *
 * Storage only: what a password hash is, how a token is made and when a
 * login is locked are decided in access/. Tokens are never stored: a
 * session is found by the hash of its token. Times are seconds since the
 * epoch, passed in by the caller (so that tests choose the clock).
 */
#ifndef PS_ACCOUNT_H
#define PS_ACCOUNT_H

#include "core/error.h"
#include "store/db.h"

#include <stdbool.h>

typedef enum ps_role { PS_ROLE_OFFICE = 0, PS_ROLE_LEADER = 1, PS_ROLE_ADMIN = 2 } ps_role;

#define PS_LOGIN_MAX 64
#define PS_PWHASH_MAX 128
#define PS_TOKEN_HASH_BYTES 32

typedef struct ps_account {
    long long id;
    char login[PS_LOGIN_MAX + 1];
    ps_role role;
    char reporter[65];          /* the office's reporter code; "" for leader and admin */
    char pwhash[PS_PWHASH_MAX]; /* libsodium's Argon2id string */
    long long locked_until;     /* 0: not locked */
} ps_account;

/* "office", "leader", "admin"; parse gives false for another word. */
const char *ps_role_name(ps_role r);
bool ps_role_parse(const char *s, ps_role *out);

/* Adds an account. PS_ERR_USAGE when the login exists. */
ps_error ps_account_add(ps_db *db, const ps_account *a, ps_ctx *ctx);
/* Sets the password hash and clears a lock; PS_ERR_USAGE for an unknown login. */
ps_error ps_account_set_hash(ps_db *db, const char *login, const char *pwhash, ps_ctx *ctx);
/* Removes the account and its sessions; PS_ERR_USAGE for an unknown login. */
ps_error ps_account_remove(ps_db *db, const char *login, ps_ctx *ctx);
/* Finds an account by login (letter case ignored); *found false when none. */
ps_error ps_account_find(ps_db *db, const char *login, ps_account *out, bool *found, ps_ctx *ctx);
/* The same by the account's id. */
ps_error ps_account_find_id(ps_db *db, long long id, ps_account *out, bool *found, ps_ctx *ctx);
/* Calls fn for every account in login order. */
ps_error ps_account_each(ps_db *db, void (*fn)(const ps_account *a, void *arg), void *arg, ps_ctx *ctx);
/* Locks the login until `until`. */
ps_error ps_account_lock(ps_db *db, const char *login, long long until, ps_ctx *ctx);

/* The login record: kind is "login", "failed", "locked", "refused-locked",
 * "logout" or "expired"; who and what are free text (the login as typed,
 * the client address). */
ps_error ps_login_record(ps_db *db, const char *login, const char *kind, const char *from, long long at,
                         ps_ctx *ctx);
/* How many "failed" records the login has since `since`. */
ps_error ps_login_failures(ps_db *db, const char *login, long long since, int *n, ps_ctx *ctx);
/* Calls fn for every record of the login record, oldest first. */
ps_error ps_login_each(ps_db *db, void (*fn)(const char *login, const char *kind, const char *from, long long at,
                                             void *arg),
                       void *arg, ps_ctx *ctx);

typedef struct ps_session {
    long long account_id;
    char csrf[65];        /* the session's CSRF token, hex */
    long long created, last_seen;
} ps_session;

/* Stores a session under the hash of its token. */
ps_error ps_session_put(ps_db *db, const unsigned char hash[PS_TOKEN_HASH_BYTES], const ps_session *s, ps_ctx *ctx);
/* Finds the session; *found false when there is none. */
ps_error ps_session_get(ps_db *db, const unsigned char hash[PS_TOKEN_HASH_BYTES], ps_session *out, bool *found,
                        ps_ctx *ctx);
/* Sets last_seen. */
ps_error ps_session_touch(ps_db *db, const unsigned char hash[PS_TOKEN_HASH_BYTES], long long now, ps_ctx *ctx);
/* Deletes the session (nothing when it does not exist). */
ps_error ps_session_drop(ps_db *db, const unsigned char hash[PS_TOKEN_HASH_BYTES], ps_ctx *ctx);
/* Deletes every session last seen before `before`. */
ps_error ps_session_expire(ps_db *db, long long before, ps_ctx *ctx);

#endif
