/* safefile.h - every file provstat writes, written whole or not at all (SPEC §6).
 *
 * A file is never written in place. ps_safefile_open() creates a new
 * temporary file in the target's own folder (so that the final rename never
 * crosses file systems), the caller writes it, and ps_safefile_commit()
 * flushes it, fsyncs it, renames it over the target and fsyncs the folder.
 * ps_safefile_abort(), or any failure of the commit, removes the temporary:
 * a failure or a kill leaves the earlier file (or no file) under the target
 * name, never a half-written one.
 *
 * The target. A target that exists and is not a regular file (a folder, a
 * character or block device such as /dev/null, a FIFO, a socket) is refused
 * with PS_ERR_IO; a symbolic link is replaced by the new file, and the file
 * it pointed to is left unchanged (never written through).
 *
 * Temporary names. DIR/.BASE.provstat-PID-RRRRRRRRRRRRRRRR.tmp: BASE is the
 * target's file name, PID the writer's process id and R 16 lowercase hex
 * digits from getrandom(2); the file is created with O_EXCL, mode 0666 less
 * the umask. A library that writes by name may add its side files to that
 * name (SQLite's -journal, -wal, -shm); they count as part of the temporary.
 *
 * Stale temporaries. A crashed or killed writer leaves its temporary behind.
 * Every ps_safefile_open() removes, from the target's folder, the files whose
 * names follow the pattern above (for any BASE) and whose PID names a process
 * that no longer runs (kill(PID, 0) fails with ESRCH); a temporary of a
 * running process, and every file not named by the pattern, are left alone.
 * This clean-up is best effort: a file that cannot be removed is skipped.
 *
 * Use, for a stream:
 *
 *   ps_safefile *sf;
 *   if (ps_safefile_open(&sf, path, &ctx))
 *       return ctx.err;
 *   FILE *f = ps_safefile_stream(sf, 0);
 *   ... write to f, do not fclose it ...
 *   if (failed) { ps_safefile_abort(sf); return err; }
 *   return ps_safefile_commit(sf, &ctx);
 *
 * and for a library that opens files by name (libxlsxwriter, SQLite): give
 * it ps_safefile_temp_path(sf), let it close the file, then commit.
 *
 * Nothing here prints; errors are PS_ERR_IO (PS_ERR_USAGE for an empty
 * path or one that ends in '/') with a message "cannot write PATH: why"
 * naming the target.
 */
#ifndef PS_SAFEFILE_H
#define PS_SAFEFILE_H

#include "core/error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct ps_safefile ps_safefile;

/* Starts writing path (borrowed; copied): checks the target, removes the
 * stale temporaries of its folder, creates the temporary file. *out gets
 * the handle (owned: end it with commit or abort), NULL on failure.
 * Errors: PS_ERR_USAGE for an empty path or one that names a folder
 * ("out/"); PS_ERR_IO when the target exists and is not a regular file or
 * a symbolic link, when it cannot be examined, when the temporary cannot
 * be created in the folder (missing, not writable), or when getrandom
 * fails. */
ps_error ps_safefile_open(ps_safefile **out, const char *path, ps_ctx *ctx);

/* The temporary file's path (owned by sf, valid until commit or abort),
 * for a library that opens its output by name. The file exists and is
 * empty; the library may truncate and rewrite it but must not replace it
 * by another file (the commit checks, see below). */
const char *ps_safefile_temp_path(const ps_safefile *sf);

/* The target's path as given to ps_safefile_open (owned by sf). */
const char *ps_safefile_target(const ps_safefile *sf);

/* A stream on the temporary file (owned by sf: do not fclose it), made on
 * the first call; later calls return the same stream. bufsize > 0 gives it
 * a buffer of that many bytes, owned by sf (only on the first call); 0
 * keeps stdio's default. */
FILE *ps_safefile_stream(ps_safefile *sf, size_t bufsize);

/* Ends the write: flushes the stream (if any) and checks it for write
 * errors, checks that the temporary is still the file that was created,
 * fsyncs it, closes it, checks the target again (still absent, a regular
 * file or a symbolic link), renames the temporary over the target and
 * fsyncs the folder, then removes the side files a library may have left
 * (see above). Always frees sf; on any failure the temporary is
 * removed and the target is as it was (except when only the folder's fsync
 * fails: the new file is then in place, and the error says so). A file
 * system that cannot fsync (EINVAL) is not an error. Errors: PS_ERR_IO. */
ps_error ps_safefile_commit(ps_safefile *sf, ps_ctx *ctx);

/* Gives up: closes and removes the temporary (and its side files, see
 * above) and frees sf; the target is left as it was. NULL does nothing. */
void ps_safefile_abort(ps_safefile *sf);

/* True when name (a file name, no folder) follows the temporary-name
 * pattern above; *pid (may be NULL) then gets the PID it carries. */
bool ps_safefile_is_temp_name(const char *name, long *pid);

#endif
