-- Data protection (docs/data-protection.md): per-subject keys for the personal fields of referral
-- events, the cases each key covers, and who viewed a case's subject data. Written once for both
-- stores: H2 in MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE (embedded) and PostgreSQL (postgres).
-- Version 3.17 (issue 17) so that it cannot collide with another stream's V3.
-- Nothing here holds a subject reference in clear: a subject is known by its keyed hash (HMAC).

-- The ledger's own secret for the keyed hash, made on first start unless configured.
CREATE TABLE privacy_secret (
    name   VARCHAR(40) NOT NULL,
    secret BYTEA       NOT NULL,
    CONSTRAINT privacy_secret_pk PRIMARY KEY (name)
);

-- One AES-256 key per subject. Erasure deletes the key material (secret_key becomes NULL) and keeps
-- the row as the record of when and why, so a later referral of the same person gets a new key.
CREATE TABLE subject_key (
    key_id       VARCHAR(36)   NOT NULL,
    subject_hash VARCHAR(64)   NOT NULL,
    secret_key   BYTEA,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_at    TIMESTAMP WITH TIME ZONE,
    erasure_rule VARCHAR(2100),
    CONSTRAINT subject_key_pk PRIMARY KEY (key_id)
);
CREATE INDEX subject_key_subject_hash_ix ON subject_key (subject_hash);

-- Which key a referral case's personal fields are encrypted under, and when the case ended
-- (declined or closed), for retention.
CREATE TABLE subject_case (
    referral_id VARCHAR(255) NOT NULL,
    key_id      VARCHAR(36)  NOT NULL,
    plan_id     VARCHAR(255) NOT NULL,
    action_id   VARCHAR(255) NOT NULL,
    ended_on    DATE,
    CONSTRAINT subject_case_pk PRIMARY KEY (referral_id)
);
CREATE INDEX subject_case_key_ix ON subject_case (key_id);

-- Who looked: one row per case whose subject data a request revealed.
CREATE TABLE subject_view (
    id          BIGSERIAL    NOT NULL,
    viewed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    viewer      VARCHAR(255) NOT NULL,
    roles       VARCHAR(255) NOT NULL,
    referral_id VARCHAR(255) NOT NULL,
    page        VARCHAR(500) NOT NULL,
    channel     VARCHAR(10)  NOT NULL,
    CONSTRAINT subject_view_pk PRIMARY KEY (id)
);
CREATE INDEX subject_view_referral_ix ON subject_view (referral_id);
