-- provstat database schema, version 1.
-- Applied by store/db.c when PRAGMA user_version is 0; later versions add
-- migration steps in db.c, never edit this text in place once released.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
-- 'generation' grows with every change of data or catalog, so that cached
-- results can tell whether they are stale.

CREATE TABLE unit (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name_vi    TEXT NOT NULL,
    name_en    TEXT NOT NULL,
    level      TEXT NOT NULL CHECK (level IN ('nation','region','province','district','commune')),
    kind       TEXT NOT NULL DEFAULT '',
    parent     TEXT,               -- unit code, NULL for the top unit
    valid_from INTEGER,            -- period key (core/period.h), NULL: always
    valid_to   INTEGER,
    successor  TEXT,
    ord        INTEGER NOT NULL    -- catalog order
) STRICT;

CREATE TABLE indicator (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE,
    name_vi   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    unit_vi   TEXT NOT NULL,
    unit_en   TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('flow','stock','rate','derived')),
    space_agg TEXT NOT NULL,       -- sum, mean, wmean:W, min, max, none ('' for derived)
    time_agg  TEXT NOT NULL,       -- sum, last, mean, none ('' for derived)
    decimals  INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 6),
    min       REAL,
    max       REAL,
    formula   TEXT NOT NULL DEFAULT '',
    ord       REAL NOT NULL,
    grp       TEXT NOT NULL DEFAULT '',
    frequency TEXT NOT NULL DEFAULT 'month',
    key       INTEGER NOT NULL DEFAULT 0,
    file_ord  INTEGER NOT NULL     -- row in indicators.csv
) STRICT;

CREATE TABLE reporter (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    name_vi      TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    scope_unit   TEXT NOT NULL,
    indicators   TEXT NOT NULL,    -- codes separated by ';', or '*'
    report_level TEXT NOT NULL DEFAULT '',
    deadline_day INTEGER NOT NULL DEFAULT 20,
    ord          INTEGER NOT NULL
) STRICT;

CREATE TABLE rule (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    lhs        TEXT NOT NULL,
    op         TEXT NOT NULL,
    rhs        TEXT NOT NULL,
    severity   TEXT NOT NULL CHECK (severity IN ('error','warning')),
    message_vi TEXT NOT NULL DEFAULT '',
    message_en TEXT NOT NULL DEFAULT '',
    ord        INTEGER NOT NULL
) STRICT;

-- One ingested file.
CREATE TABLE submission (
    id          INTEGER PRIMARY KEY,
    reporter_id INTEGER NOT NULL REFERENCES reporter(id),
    file        TEXT NOT NULL,      -- as given on the command line
    sha256      TEXT NOT NULL,      -- of the raw bytes
    options     TEXT NOT NULL,      -- unit, period, number format, encoding
    received    TEXT NOT NULL,      -- when the office sent it (ISO 8601)
    ingested    TEXT NOT NULL,      -- when provstat stored it
    rows_read   INTEGER NOT NULL DEFAULT 0,
    stored      INTEGER NOT NULL DEFAULT 0,   -- new values
    revised     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    marks       INTEGER NOT NULL DEFAULT 0,   -- not-collected marks
    skipped     INTEGER NOT NULL DEFAULT 0,   -- rows flagged derived
    refused     INTEGER NOT NULL DEFAULT 0,
    forced      INTEGER NOT NULL DEFAULT 0,   -- rows stored through --force
    outcome     TEXT NOT NULL                 -- stored, partial, retract
) STRICT;
CREATE INDEX submission_sha ON submission(sha256, reporter_id, options);

-- The value in force for each key. period is a period key (core/period.h);
-- measure 0 = actual, 1 = plan. No foreign keys here: ingest writes only
-- ids it took from the catalog and the submission it just made, and a
-- foreign-key check per row costs ingest a statement journal. The status
-- check is written with = and OR: SQLite builds a temporary table for a
-- text IN list on every insert.
CREATE TABLE obs (
    unit_id       INTEGER NOT NULL,
    indicator_id  INTEGER NOT NULL,
    period        INTEGER NOT NULL,
    measure       INTEGER NOT NULL CHECK (measure IN (0,1)),
    value         REAL,                        -- NULL only when retracted
    status        TEXT NOT NULL CHECK (status = 'A' OR status = 'P' OR status = 'E'),
    flags         INTEGER NOT NULL DEFAULT 0,  -- bit 0 none-occurred, bit 1 incomplete-source
    note          TEXT NOT NULL DEFAULT '',
    reporter_id   INTEGER NOT NULL,  -- who first sent it
    submission_id INTEGER NOT NULL,
    line          INTEGER NOT NULL,
    revision      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (unit_id, indicator_id, measure, period)
) STRICT, WITHOUT ROWID;
-- Version 3 (store/db.c) adds coverage REAL NOT NULL DEFAULT 1 (0..1) to
-- obs and to revision: below 1 for a value ingested from an export row
-- whose coverage was below 1 (SPEC §5), 1 for every value as sent.
-- a unit's series of one indicator is contiguous: history checks scan it

-- Earlier values: each row is a value that was in force until revision+1.
CREATE TABLE revision (
    unit_id       INTEGER NOT NULL,
    indicator_id  INTEGER NOT NULL,
    period        INTEGER NOT NULL,
    measure       INTEGER NOT NULL,
    revision      INTEGER NOT NULL,
    value         REAL,
    status        TEXT NOT NULL,
    flags         INTEGER NOT NULL,
    note          TEXT NOT NULL,
    reporter_id   INTEGER NOT NULL,   -- who sent this revision
    submission_id INTEGER NOT NULL,
    line          INTEGER NOT NULL,
    PRIMARY KEY (unit_id, indicator_id, measure, period, revision)
) STRICT, WITHOUT ROWID;

-- Locks: unit (and all below it) for a period (and every month inside it).
CREATE TABLE closed (
    unit_id INTEGER NOT NULL REFERENCES unit(id),
    period  INTEGER NOT NULL,
    closed_at TEXT NOT NULL,
    PRIMARY KEY (unit_id, period)
) STRICT;

-- Every --force override: another reporter's value, or a closed period.
CREATE TABLE override (
    id            INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submission(id),
    unit_id       INTEGER NOT NULL,
    indicator_id  INTEGER NOT NULL,
    period        INTEGER NOT NULL,
    measure       INTEGER NOT NULL,
    reason        TEXT NOT NULL CHECK (reason IN ('other-reporter','closed-period')),
    line          INTEGER NOT NULL
) STRICT;
CREATE INDEX override_key ON override(unit_id, indicator_id, period, measure);
