-- Foundation schema: customers, conversations and their messages, the reply outbox, settings and
-- admin users. Later features add their own migrations.

CREATE TABLE customers (
    id                  BIGSERIAL PRIMARY KEY,
    phone               TEXT        NOT NULL UNIQUE CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    name                TEXT,
    email               TEXT,
    client_type         TEXT        NOT NULL DEFAULT 'particular'
                                    CHECK (client_type IN ('particular', 'profesional')),
    chatwoot_contact_id BIGINT,
    attributes          JSONB       NOT NULL DEFAULT '{}'::jsonb,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- id is Chatwoot's conversation display id: the one used in REST paths and the graph's thread id.
CREATE TABLE conversations (
    id                     BIGINT PRIMARY KEY,
    customer_id            BIGINT      REFERENCES customers (id) ON DELETE SET NULL,
    chatwoot_account_id    BIGINT,
    chatwoot_inbox_id      BIGINT,
    chatwoot_status        TEXT,
    last_customer_message_at TIMESTAMPTZ,
    last_human_message_at  TIMESTAMPTZ,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX conversations_customer_idx ON conversations (customer_id);

-- The transcript. Inbound rows are unique per Chatwoot message id: that is the webhook's dedupe key.
CREATE TABLE messages (
    id                  BIGSERIAL PRIMARY KEY,
    conversation_id     BIGINT      NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    chatwoot_message_id BIGINT      UNIQUE,
    direction           TEXT        NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    sender_kind         TEXT        NOT NULL CHECK (sender_kind IN ('customer', 'bot', 'human', 'system')),
    sender_name         TEXT,
    content             TEXT,
    attachments         JSONB       NOT NULL DEFAULT '[]'::jsonb,
    -- inbound only: the normalised message as appended to the stream, to re-append it after a crash
    payload             JSONB,
    stream_id           TEXT,
    processed_at        TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, id);
-- Inbound messages recorded but not yet appended to the stream (crash between insert and XADD).
CREATE INDEX messages_unstreamed_idx ON messages (created_at) WHERE direction = 'inbound' AND stream_id IS NULL;

-- Durable outbox of replies to Chatwoot. The idempotency key makes a re-processed turn harmless.
CREATE TABLE outbound_messages (
    id                  BIGSERIAL PRIMARY KEY,
    idempotency_key     TEXT        NOT NULL UNIQUE,
    conversation_id     BIGINT      NOT NULL,
    content             TEXT        NOT NULL CHECK (length(content) > 0),
    private_note        BOOLEAN     NOT NULL DEFAULT false,
    status              TEXT        NOT NULL DEFAULT 'pending'
                                    CHECK (status IN ('pending', 'sending', 'sent', 'kept', 'failed')),
    attempts            INT         NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_until         TIMESTAMPTZ,
    chatwoot_message_id BIGINT,
    last_error          TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at        TIMESTAMPTZ
);
CREATE INDEX outbound_due_idx ON outbound_messages (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX outbound_conversation_idx ON outbound_messages (conversation_id, id);

CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       JSONB       NOT NULL,
    updated_by  TEXT,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE admin_users (
    id             BIGSERIAL PRIMARY KEY,
    username       TEXT        NOT NULL UNIQUE CHECK (length(username) BETWEEN 3 AND 64),
    password_hash  TEXT        NOT NULL,
    role           TEXT        NOT NULL CHECK (role IN ('admin', 'staff')),
    enabled        BOOLEAN     NOT NULL DEFAULT true,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_login_at  TIMESTAMPTZ
);
