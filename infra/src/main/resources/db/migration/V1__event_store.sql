-- Tables of Axon's JDBC event storage engine. Written once for both stores: H2 in
-- MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE (embedded profile) and PostgreSQL (postgres profile).
-- Column names are Axon's EventSchema defaults (unquoted, so both databases fold them to lower
-- case); table names are set in EventStoreConfiguration. The shape follows Axon's
-- PostgresEventTableFactory.

CREATE TABLE domain_event_entry (
    globalIndex         BIGSERIAL    NOT NULL,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    CONSTRAINT domain_event_entry_pk PRIMARY KEY (globalIndex),
    -- optimistic concurrency: two writers cannot both append sequence n of one aggregate
    CONSTRAINT domain_event_entry_aggregate_sequence_uk UNIQUE (aggregateIdentifier, sequenceNumber),
    CONSTRAINT domain_event_entry_event_identifier_uk UNIQUE (eventIdentifier)
);

CREATE TABLE snapshot_event_entry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    CONSTRAINT snapshot_event_entry_pk PRIMARY KEY (aggregateIdentifier, sequenceNumber),
    CONSTRAINT snapshot_event_entry_event_identifier_uk UNIQUE (eventIdentifier)
);
