-- Tamper evidence (docs/tamper-evidence.md). Written once for both stores: H2 in
-- MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE (embedded profile) and PostgreSQL (postgres profile).
-- No foreign keys to domain_event_entry on purpose: a deleted or rewritten event must be
-- detectable by verification, not silently prevented or cascaded.

-- One row per event, written in the transaction that appends the event: the event's hash over its
-- stored bytes and the hash of the previous event in the same aggregate stream.
CREATE TABLE ledger_chain (
    global_index         BIGINT       NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    hash                 VARCHAR(64)  NOT NULL,
    previous_hash        VARCHAR(64)  NOT NULL,
    CONSTRAINT ledger_chain_pk PRIMARY KEY (global_index),
    CONSTRAINT ledger_chain_stream_uk UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT ledger_chain_event_uk UNIQUE (event_identifier)
);

-- The chain's starting point (one row, id 1): events stored before the chain existed (global
-- index up to through_global_index) were chained by the start-up back-fill; an event after it
-- without a chain row is a forgery.
CREATE TABLE ledger_chain_start (
    id                   INT          NOT NULL,
    started_at           VARCHAR(40)  NOT NULL,
    through_global_index BIGINT       NOT NULL,
    backfilled_events    BIGINT       NOT NULL,
    CONSTRAINT ledger_chain_start_pk PRIMARY KEY (id)
);

-- A digest of the whole ledger at an instant: the Merkle root over the stream heads.
CREATE TABLE ledger_checkpoint (
    id        BIGSERIAL     NOT NULL,
    at        VARCHAR(40)   NOT NULL,
    root      VARCHAR(64)   NOT NULL,
    events    BIGINT        NOT NULL,
    streams   BIGINT        NOT NULL,
    reason    VARCHAR(1000) NOT NULL,
    signature VARCHAR(200),
    CONSTRAINT ledger_checkpoint_pk PRIMARY KEY (id)
);

-- The stream heads a checkpoint covers, so that it can be recomputed exactly even when events
-- commit out of global order around the instant it was taken.
CREATE TABLE ledger_checkpoint_head (
    checkpoint_id        BIGINT       NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    hash                 VARCHAR(64)  NOT NULL,
    CONSTRAINT ledger_checkpoint_head_pk PRIMARY KEY (checkpoint_id, aggregate_identifier)
);
