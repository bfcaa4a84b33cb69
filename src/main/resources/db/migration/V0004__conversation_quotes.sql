-- Quotes given in conversations: what the customer was told, at which catalogue version. The message
-- id makes recording idempotent when a turn is handled again after a crash.
CREATE TABLE conversation_quotes (
    id              BIGSERIAL PRIMARY KEY,
    conversation_id BIGINT        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    message_id      BIGINT        NOT NULL UNIQUE,
    category        TEXT          NOT NULL,
    tier_code       TEXT          NOT NULL,
    tier_price      NUMERIC(10,2) NOT NULL CHECK (tier_price > 0),
    subtotal        NUMERIC(10,2) NOT NULL,
    total_with_vat  NUMERIC(10,2) NOT NULL,
    items           JSONB         NOT NULL,
    quote           JSONB         NOT NULL,
    catalog_version TEXT          NOT NULL,
    status          TEXT          NOT NULL DEFAULT 'offered'
                                  CHECK (status IN ('offered', 'accepted', 'superseded')),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    accepted_at     TIMESTAMPTZ
);
CREATE INDEX conversation_quotes_conversation_idx ON conversation_quotes (conversation_id, id);
