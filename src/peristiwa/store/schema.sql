-- peristiwa store schema, version 1. Applied once to an empty database by peristiwa.store.Store.
--
-- Why this shape: `documents.doc_json` keeps every document losslessly (Document.to_json), so any
-- stored document can be rebuilt exactly and re-exported in the contract format; the other tables are
-- flat, typed projections of it for querying (SQL, CLI, API, dashboard) and never the source of truth.
-- Child tables carry `doc_id` and are replaced together with their document. Offsets are character
-- offsets into documents.text, named *_start / *_end (half-open). Timestamps are UTC.
-- The column order of each table matches the Arrow schemas in peristiwa/store/tables.py.

CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER NOT NULL,
    applied_at  TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id        VARCHAR PRIMARY KEY,
    content_hash  VARCHAR NOT NULL UNIQUE,   -- peristiwa.model.content_hash(text): ingestion identity
    lang          VARCHAR,
    published     DATE,
    title         VARCHAR,
    source        VARCHAR,
    url           VARCHAR,
    text          VARCHAR NOT NULL,
    metadata      JSON,
    stages        VARCHAR[],
    warnings      VARCHAR[],
    n_sentences   INTEGER,
    n_entities    INTEGER,
    n_places      INTEGER,
    n_events      INTEGER,
    n_quotes      INTEGER,
    doc_json      JSON NOT NULL,             -- Document.to_json(): lossless, Document.from_json() reverses it
    run_id        VARCHAR,
    ingested_at   TIMESTAMP
);

CREATE TABLE IF NOT EXISTS events (
    doc_id               VARCHAR NOT NULL,
    event_id             VARCHAR NOT NULL,
    ord                  INTEGER NOT NULL,   -- position in Document.events
    type                 VARCHAR NOT NULL,   -- PLOVER type
    modes                VARCHAR[],
    trigger_text         VARCHAR,
    trigger_start        INTEGER,
    trigger_end          INTEGER,
    evidence_text        VARCHAR,
    evidence_start       INTEGER,
    evidence_end         INTEGER,
    n_mentions           INTEGER,
    date_first           DATE,
    date_last            DATE,
    date_precision       VARCHAR,            -- day, week, month, year, range
    date_gold            VARCHAR,            -- gold value; a range is written 'YYYY-MM-DD/YYYY-MM-DD'
    date_start           INTEGER,
    date_end             INTEGER,
    location_text        VARCHAR,            -- first location; all of them are in event_arguments
    location_name        VARCHAR,
    location_admin1      VARCHAR,
    location_country     VARCHAR,
    location_lat         DOUBLE,
    location_lon         DOUBLE,
    location_precision   VARCHAR,
    n_locations          INTEGER,
    actor_names          VARCHAR[],
    recipient_names      VARCHAR[],
    modality             VARCHAR,
    source               VARCHAR,            -- who the article says claims the event
    quote_id             VARCHAR,
    confidence           DOUBLE,
    acled_event_type     VARCHAR,
    acled_sub_event_type VARCHAR,
    acled_fatalities     INTEGER,
    acled_interaction    VARCHAR,
    counts               JSON                -- [{kind, value, qualifier, object, text, span}]
);

CREATE TABLE IF NOT EXISTS event_arguments (
    doc_id      VARCHAR NOT NULL,
    event_id    VARCHAR NOT NULL,
    role        VARCHAR NOT NULL,            -- actor, recipient, location, count
    ord         INTEGER NOT NULL,            -- position within its role
    text        VARCHAR,
    span_start  INTEGER,
    span_end    INTEGER,
    name        VARCHAR,
    country     VARCHAR,
    sector      VARCHAR,
    admin1      VARCHAR,
    lat         DOUBLE,
    lon         DOUBLE,
    precision   VARCHAR,
    kind        VARCHAR,                     -- counts only
    value       BIGINT,
    qualifier   VARCHAR,
    object      VARCHAR
);

CREATE TABLE IF NOT EXISTS quotes (
    doc_id               VARCHAR NOT NULL,
    quote_id             VARCHAR NOT NULL,
    ord                  INTEGER NOT NULL,
    speaker              VARCHAR,
    speaker_text         VARCHAR,
    speaker_start        INTEGER,
    speaker_end          INTEGER,
    speaker_role         VARCHAR,
    speaker_affiliation  VARCHAR,
    text                 VARCHAR,
    span_start           INTEGER,
    span_end             INTEGER,
    direct               BOOLEAN,
    cue                  VARCHAR,
    cue_start            INTEGER,
    cue_end              INTEGER,
    via                  JSON
);

CREATE TABLE IF NOT EXISTS places (
    doc_id        VARCHAR NOT NULL,
    ord           INTEGER NOT NULL,
    text          VARCHAR,
    span_start    INTEGER,
    span_end      INTEGER,
    name          VARCHAR,
    admin1        VARCHAR,
    country       VARCHAR,
    lat           DOUBLE,
    lon           DOUBLE,
    precision     VARCHAR,
    feature       VARCHAR,
    confidence    DOUBLE,
    gazetteer_id  VARCHAR
);

CREATE TABLE IF NOT EXISTS runs (
    run_id     VARCHAR PRIMARY KEY,
    started    TIMESTAMP NOT NULL,
    finished   TIMESTAMP,
    config     JSON,
    inputs     JSON,
    documents  INTEGER,                      -- input documents that reached the store (added + skipped)
    added      INTEGER,                      -- documents written (new or replacing an older version)
    skipped    INTEGER,                      -- duplicates skipped (text already stored)
    events     INTEGER,
    quotes     INTEGER,
    errors     INTEGER,
    version    VARCHAR                       -- peristiwa version that ran
);

CREATE TABLE IF NOT EXISTS errors (
    run_id   VARCHAR,
    "where"  VARCHAR,                        -- file[:line] or doc_id
    reason   VARCHAR,
    message  VARCHAR,
    "at"     TIMESTAMP NOT NULL
);

-- One speaker record per person (or organisation, or unnamed description) per document, with all their
-- quotes; events they assert point at their quotes through events.quote_id / events.source.
CREATE VIEW IF NOT EXISTS speakers AS
SELECT doc_id,
       speaker,
       max(speaker_role)                      AS role,
       max(speaker_affiliation)               AS affiliation,
       count(*)                               AS quotes,
       count(*) FILTER (WHERE direct)         AS direct_quotes,
       list(quote_id ORDER BY span_start)     AS quote_ids
FROM quotes
WHERE speaker IS NOT NULL
GROUP BY doc_id, speaker;
