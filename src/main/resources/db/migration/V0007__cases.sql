-- Cases (expedientes): opened when a customer accepts a quote, collected in the chat, reviewed by staff.
-- The collected values are one JSON document (items, personal, vehicle, workshop); files and the timeline
-- are rows. At most one open case per conversation and per customer.
CREATE SEQUENCE case_reference_seq;

CREATE TABLE cases (
    id               BIGSERIAL PRIMARY KEY,
    reference        TEXT          NOT NULL UNIQUE,
    conversation_id  BIGINT        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    customer_id      BIGINT        REFERENCES customers (id) ON DELETE SET NULL,
    status           TEXT          NOT NULL DEFAULT 'collecting'
                                   CHECK (status IN ('collecting', 'pending_review', 'in_progress', 'resolved',
                                                     'cancelled', 'abandoned')),
    category         TEXT          NOT NULL,
    tier_code        TEXT          NOT NULL,
    tier_price       NUMERIC(10,2) NOT NULL CHECK (tier_price > 0),
    subtotal         NUMERIC(10,2) NOT NULL,
    catalog_version  TEXT          NOT NULL,
    quote            JSONB         NOT NULL,
    data             JSONB         NOT NULL,
    last_message_id  BIGINT,
    last_reply       TEXT,
    opened_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    submitted_at     TIMESTAMPTZ,
    closed_at        TIMESTAMPTZ,
    last_activity_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    reminded_at      TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX cases_one_open_per_conversation ON cases (conversation_id)
    WHERE status IN ('collecting', 'pending_review', 'in_progress');
CREATE UNIQUE INDEX cases_one_open_per_customer ON cases (customer_id)
    WHERE status IN ('collecting', 'pending_review', 'in_progress') AND customer_id IS NOT NULL;
CREATE INDEX cases_status_idx ON cases (status, updated_at DESC);

-- Photos and documents: content-addressed (sha256) under MSIA_STORAGE_DIR; "slot" says what they show
-- (item:<code>, doc:<code> or unsorted).
CREATE TABLE case_files (
    id                     BIGSERIAL PRIMARY KEY,
    case_id                BIGINT      NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    chatwoot_attachment_id BIGINT,
    message_id             BIGINT,
    sha256                 TEXT        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    media_type             TEXT        NOT NULL,
    size_bytes             BIGINT      NOT NULL CHECK (size_bytes > 0),
    slot                   TEXT        NOT NULL,
    shows                  TEXT        NOT NULL,
    review_status          TEXT        NOT NULL DEFAULT 'pending'
                                       CHECK (review_status IN ('pending', 'validated', 'rejected')),
    review_reason          TEXT,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (case_id, sha256),
    UNIQUE (case_id, chatwoot_attachment_id)
);

-- The timeline: what happened to the case, who did it, and staff notes.
CREATE TABLE case_events (
    id         BIGSERIAL PRIMARY KEY,
    case_id    BIGINT      NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    type       TEXT        NOT NULL,
    detail     TEXT,
    actor      TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX case_events_case_idx ON case_events (case_id, id);
