/* form.h - a request's fields and uploaded file, read as they arrive.
 *
 * Query and form fields are kept up to PS_WEB_FIELDS of PS_WEB_FIELD_MAX
 * bytes (more marks the form bad); a file field is written to a temporary
 * file of its own as it arrives, and past the upload limit it is cut and
 * marked too big: a body is never held whole in memory or on disk beyond
 * the limit.
 */
#ifndef PS_WEB_FORM_H
#define PS_WEB_FORM_H

#include "web/request.h"

/* Makes the server's folder for uploads (mode 0700) in $TMPDIR or /tmp. */
ps_error ps_web_tmpdir(char *out, size_t size, ps_ctx *ctx);

/* First call of a request: the query's fields; for a POST, the body's
 * reader. False when the declared body is above the upload limit. */
bool ps_web_form_begin(ps_web_req *r);
/* A piece of the body. */
void ps_web_form_data(ps_web_req *r, const char *data, size_t size);
/* The body is complete: the uploaded file is closed. */
void ps_web_form_finish(ps_web_req *r);
/* The uploaded file's path (its folder and its safe name). */
void ps_web_upload_file(const ps_web_req *r, char *out, size_t size);
/* Frees the reader and removes the uploaded file. */
void ps_web_form_end(ps_web_req *r);

/* The file name a browser sent, made safe for a diagnostic's path: its last
 * component, without control characters, at most 100 bytes, never empty
 * or starting with '.'. */
void ps_web_safe_name(const char *name, char *out, size_t size);

#endif
