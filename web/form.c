/* form.c - fields and uploads of a request (form.h), on libmicrohttpd's
 * post processor. */
#include "web/form.h"

#include "core/msg.h"
#include "web/app.h"

#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

ps_error ps_web_tmpdir(char *out, size_t size, ps_ctx *ctx)
{
    const char *t = getenv("TMPDIR");
    snprintf(out, size, "%s/provstat-serve-XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(out))
        return ps_failm(ctx, PS_ERR_IO, PS_M_SERVE_TMPDIR,
                        t && *t ? t : "/tmp", strerror(errno));
    return PS_OK;
}

void ps_web_safe_name(const char *name, char *out, size_t size)
{
    const char *base = name;
    for (const char *p = name; *p; p++)
        if (*p == '/' || *p == '\\')
            base = p + 1;
    size_t n = 0, max = size - 1 < 100 ? size - 1 : 100;
    const unsigned char *p = (const unsigned char *)base;
    for (; *p && n < max; p++)
        if (*p >= 0x20 && *p != 0x7f && !(n == 0 && *p == '.'))
            out[n++] = (char)*p;
    if (*p) { /* cut: do not end inside a UTF-8 sequence */
        while (n > 0 && ((unsigned char)out[n - 1] & 0xc0) == 0x80)
            n--;
        if (n > 0 && (unsigned char)out[n - 1] >= 0xc0)
            n--;
    }
    out[n] = '\0';
    if (n == 0)
        snprintf(out, size, "upload");
}

/* Adds or extends a field; marks the form bad past the bounds. */
static void add_field(ps_web_req *r, const char *name, const char *data, size_t size, bool more)
{
    r->field_bytes += size;
    if (r->field_bytes > PS_WEB_FIELDS * PS_WEB_FIELD_MAX) {
        r->form_bad = true;
        return;
    }
    ps_web_field *f = more && r->nfields ? &r->fields[r->nfields - 1] : NULL;
    if (f && strcmp(f->name, name) != 0)
        f = NULL;
    if (!f) {
        if (r->nfields == PS_WEB_FIELDS) {
            r->form_bad = true;
            return;
        }
        f = &r->fields[r->nfields++];
        f->name = strdup(name);
        f->value = calloc(1, 1);
    }
    size_t old = strlen(f->value);
    if (old + size > PS_WEB_FIELD_MAX || !f->name) {
        r->form_bad = true;
        return;
    }
    char *v = realloc(f->value, old + size + 1);
    if (!v) {
        r->form_bad = true;
        return;
    }
    memcpy(v + old, data, size);
    v[old + size] = '\0';
    f->value = v;
}

static enum MHD_Result query_field(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    add_field(cls, key, value ? value : "", value ? strlen(value) : 0, false);
    return MHD_YES;
}

/* Opens the upload's file: a folder of its own holding the safe name. */
static bool open_upload(ps_web_req *r, const char *filename)
{
    char dir[sizeof r->upload_path];
    snprintf(dir, sizeof dir, "%s/uXXXXXX", r->app->tmpdir);
    if (strlen(r->app->tmpdir) + 9 >= sizeof dir || !mkdtemp(dir))
        return false;
    ps_web_safe_name(filename, r->upload_name, sizeof r->upload_name);
    char path[sizeof dir + sizeof r->upload_name + 2];
    snprintf(path, sizeof path, "%s/%s", dir, r->upload_name);
    r->upload_fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (r->upload_fd < 0) {
        rmdir(dir);
        return false;
    }
    snprintf(r->upload_path, sizeof r->upload_path, "%s", dir);
    return true;
}

static enum MHD_Result body_field(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
                                  const char *content_type, const char *encoding, const char *data, uint64_t off,
                                  size_t size)
{
    (void)kind;
    (void)content_type;
    (void)encoding;
    ps_web_req *r = cls;
    if (!key) { /* a part without a name (fuzz_portal found it): no form of ours */
        r->form_bad = true;
        return MHD_YES;
    }
    if (!filename) {
        add_field(r, key, data, size, off > 0);
        return MHD_YES;
    }
    if (strcmp(key, "file") != 0 || (off == 0 && r->upload_path[0]) || r->upload_too_big)
        return MHD_YES; /* one file field only; the rest is read and dropped */
    if (off == 0 && !open_upload(r, filename)) {
        r->form_bad = true;
        return MHD_YES;
    }
    if (r->upload_bytes + (long long)size > (long long)r->app->max_upload) {
        r->upload_too_big = true;
        return MHD_YES;
    }
    for (size_t done = 0; done < size && r->upload_fd >= 0;) {
        ssize_t w = write(r->upload_fd, data + done, size - done);
        if (w < 0 && errno != EINTR) {
            r->form_bad = true;
            break;
        }
        done += w > 0 ? (size_t)w : 0;
    }
    r->upload_bytes += (long long)size;
    return MHD_YES;
}

bool ps_web_form_begin(ps_web_req *r)
{
    struct MHD_Connection *c = r->conn;
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, query_field, r);
    if (strcmp(r->method, "POST") != 0)
        return true;
    const char *len = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (len && strtoull(len, NULL, 10) > r->app->max_upload + 65536) {
        r->upload_too_big = true;
        return false;
    }
    r->post = MHD_create_post_processor(c, 16 * 1024, body_field, r);
    if (!r->post)
        r->form_bad = true; /* not a form body */
    return true;
}

void ps_web_form_data(ps_web_req *r, const char *data, size_t size)
{
    if (r->post && MHD_post_process(r->post, data, size) != MHD_YES)
        r->form_bad = true;
}

void ps_web_form_finish(ps_web_req *r)
{
    if (r->upload_fd >= 0) {
        close(r->upload_fd);
        r->upload_fd = -1;
    }
}

/* The uploaded file's full path: its folder and its safe name. */
void ps_web_upload_file(const ps_web_req *r, char *out, size_t size)
{
    snprintf(out, size, "%s/%s", r->upload_path, r->upload_name);
}

void ps_web_form_end(ps_web_req *r)
{
    if (r->post) {
        MHD_destroy_post_processor(r->post);
        r->post = NULL;
    }
    ps_web_form_finish(r);
    if (r->upload_path[0]) {
        char path[sizeof r->upload_path + sizeof r->upload_name + 2];
        ps_web_upload_file(r, path, sizeof path);
        unlink(path);
        rmdir(r->upload_path);
        r->upload_path[0] = '\0';
    }
}
