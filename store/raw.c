/* raw.c - the raw bytes of every stored submission, in chunks (raw.h). */
#include "store/raw.h"

#include "core/alloc.h"
#include "store/db_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct ps_raw_writer {
    ps_db *db;
    long long sub_id;
    sqlite3_stmt *insert;
    unsigned char *chunk;   /* PS_RAW_CHUNK bytes, len of them used */
    size_t len;
    long long seq;          /* of the next chunk */
    ps_error err;
};

ps_raw_writer *ps_raw_writer_new(ps_db *db, long long sub_id)
{
    ps_raw_writer *wr = ps_xcalloc(1, sizeof *wr);
    wr->db = db;
    wr->sub_id = sub_id;
    wr->chunk = ps_xmalloc(PS_RAW_CHUNK);
    return wr;
}

/* Writes chunk[0..len) as the next row. */
static ps_error write_chunk(ps_raw_writer *wr, ps_ctx *ctx)
{
    ps_error err;
    if (!wr->insert &&
        (err = ps_db_prepare(wr->db, "INSERT INTO submission_raw(submission_id, seq, bytes) VALUES (?1, ?2, ?3)",
                             &wr->insert, ctx)))
        return wr->err = err;
    sqlite3_bind_int64(wr->insert, 1, wr->sub_id);
    sqlite3_bind_int64(wr->insert, 2, wr->seq);
    sqlite3_bind_blob(wr->insert, 3, wr->chunk, (int)wr->len, SQLITE_STATIC);
    int rc = sqlite3_step(wr->insert);
    sqlite3_reset(wr->insert);
    if (rc != SQLITE_DONE)
        return wr->err = ps_db_fail(wr->db, ctx, rc, ps_msg(PS_M_DBW_KEEPING_RAW_BYTES));
    wr->seq++;
    wr->len = 0;
    return PS_OK;
}

ps_error ps_raw_write(void *vwr, const void *data, size_t n, ps_ctx *ctx)
{
    ps_raw_writer *wr = vwr;
    const unsigned char *p = data;
    while (n > 0) {
        if (wr->err)
            return wr->err;
        size_t take = PS_RAW_CHUNK - wr->len < n ? PS_RAW_CHUNK - wr->len : n;
        memcpy(wr->chunk + wr->len, p, take);
        wr->len += take;
        p += take;
        n -= take;
        ps_error err;
        if (wr->len == PS_RAW_CHUNK && (err = write_chunk(wr, ctx)))
            return err;
    }
    return wr->err;
}

ps_error ps_raw_writer_finish(ps_raw_writer *wr, ps_ctx *ctx)
{
    if (wr->err)
        return wr->err;
    /* an empty file is kept as one empty chunk: kept, and empty */
    if (wr->len > 0 || wr->seq == 0)
        return write_chunk(wr, ctx);
    return PS_OK;
}

void ps_raw_writer_free(ps_raw_writer *wr)
{
    if (!wr)
        return;
    sqlite3_finalize(wr->insert);
    free(wr->chunk);
    free(wr);
}

ps_error ps_raw_copy(ps_db *db, long long sub_id, FILE *out, long long *bytes, ps_ctx *ctx)
{
    if (bytes)
        *bytes = 0;
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db, "SELECT bytes FROM submission_raw WHERE submission_id = ?1 ORDER BY seq",
                                 &st, ctx);
    if (err)
        return err;
    sqlite3_bind_int64(st, 1, sub_id);
    long long chunks = 0, total = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const void *p = sqlite3_column_blob(st, 0);
        size_t n = (size_t)sqlite3_column_bytes(st, 0);
        chunks++;
        if (n && fwrite(p, 1, n, out) != n) {
            err = ps_failm(ctx, PS_ERR_IO, PS_M_RAW_CANNOT_WRITE_BYTES, sub_id, strerror(errno));
            break;
        }
        total += (long long)n;
    }
    if (!err && rc != SQLITE_DONE)
        err = ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_READING_RAW_BYTES));
    sqlite3_finalize(st);
    if (!err && chunks == 0)
        err = ps_failm(ctx, PS_ERR_NOT_FOUND, PS_M_RAW_NO_BYTES_KEPT, sub_id);
    if (!err && fflush(out) != 0)
        err = ps_failm(ctx, PS_ERR_IO, PS_M_RAW_CANNOT_WRITE_BYTES, sub_id, strerror(errno));
    if (bytes)
        *bytes = total;
    return err;
}
