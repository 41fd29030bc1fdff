/* test_hooks.h - what only the test build of the CLI reads from the environment.
 *
 * The release `provstat` and the test-only `provstat-test` are built from
 * the same cli/ sources; only provstat-test defines PS_TEST_HOOKS, and only
 * there do these functions read the variables below into the options of
 * the library. In provstat they change nothing, and the binary holds none
 * of the names (tests/scripts/test_release_strings.sh checks it).
 *
 *   PROVSTAT_TEST_PAUSE_ROWS=N   ingest: after N data rows, inside the open
 *                                write transaction, sleep 60 seconds, so a
 *                                test can kill the process mid-file
 *   PROVSTAT_TEST_PAUSE_FILE=P   ingest: with the above, create the new file
 *                                P when the pause starts (an existing P is
 *                                left alone)
 *   PROVSTAT_TEST_REFRESH_MAX=N  ingest: carry over at most N kept roll-up
 *                                values (ps_ingest_opts.refresh_max)
 *   PROVSTAT_TEST_PLAIN_READ=1   ingest: read a workbook in the ingest's own
 *                                thread alone (ps_ingest_opts.plain_read)
 *   PROVSTAT_TEST_DATA_ROWS=N    report: data rows per Data sheet
 *                                (ps_xlsx_opts.data_rows_per_sheet)
 *   PROVSTAT_TEST_CONSTANT_MEMORY_ROWS=N  report: constant-memory mode from
 *                                N data rows on, 0 for never
 *                                (ps_xlsx_opts.constant_memory_rows)
 */
#ifndef PS_CLI_TEST_HOOKS_H
#define PS_CLI_TEST_HOOKS_H

#include "export/xlsx_report.h"
#include "ingest/ingest.h"

/* Called with the options of one file's ingest, just before it starts. */
void ps_cli_test_ingest(ps_ingest_opts *o);
/* Called with the report's options, just before it is written. */
void ps_cli_test_report(ps_xlsx_opts *o);

#endif
