/* util.h - what the libFuzzer harnesses share (test code, never in the product).
 *
 * A harness reads files, so its input is written to a private temporary
 * file or folder first. A broken property aborts the process with a line on
 * standard error (libFuzzer then saves the input as a crash).
 */
#ifndef PS_FUZZ_UTIL_H
#define PS_FUZZ_UTIL_H
#include <stddef.h>
#include <stdint.h>

/* Aborts with "property broken: what" (and the harness's detail) when !cond. */
#define FUZZ_ASSERT(cond, ...) \
    ((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__))
void fuzz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 4, 5)));

/* A private folder made once per process in $TMPDIR, else /dev/shm, else
 * /tmp (removed at exit); returns its path. */
const char *fuzz_dir(void);
/* Writes data to dir/name (created or truncated); returns the path (static
 * buffer, valid until the next call). */
const char *fuzz_write(const char *name, const uint8_t *data, size_t size);
/* A NUL-terminated copy of data; free() it. */
char *fuzz_str(const uint8_t *data, size_t size);
/* Copies file from to file to (byte for byte); aborts on failure. */
void fuzz_copy(const char *from, const char *to);
#endif
