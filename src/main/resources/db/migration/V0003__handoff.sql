-- Human handoff: escalations (one open per conversation) and who owns each conversation.

CREATE TABLE escalations (
    id               BIGSERIAL PRIMARY KEY,
    conversation_id  BIGINT      NOT NULL,
    reason           TEXT        NOT NULL CHECK (reason IN ('CUSTOMER_REQUEST', 'STUCK', 'OUT_OF_SCOPE', 'NO_TARIFF',
                                                            'PANIC_BUTTON', 'STAFF')),
    context_pack     TEXT        NOT NULL,
    status           TEXT        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    -- The Chatwoot side (status open, bot_enabled=false, label) is applied after the row is committed;
    -- 'retry' rows are picked up again by the sync job, 'failed' ones need a person (e.g. missing user token).
    chatwoot_state   TEXT        NOT NULL DEFAULT 'pending'
                                 CHECK (chatwoot_state IN ('pending', 'done', 'retry', 'failed')),
    chatwoot_attempts INT        NOT NULL DEFAULT 0,
    chatwoot_error   TEXT,
    next_sync_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    resolved_at      TIMESTAMPTZ,
    resolved_by      TEXT
);
-- Makes Handoffs.request idempotent even when two turns escalate the same conversation at once.
CREATE UNIQUE INDEX escalations_one_open_idx ON escalations (conversation_id) WHERE status = 'open';
CREATE INDEX escalations_sync_idx ON escalations (next_sync_at) WHERE chatwoot_state IN ('pending', 'retry');

-- No row = the bot owns the conversation.
CREATE TABLE conversation_owners (
    conversation_id  BIGINT PRIMARY KEY,
    owner            TEXT        NOT NULL CHECK (owner IN ('BOT', 'HUMAN', 'PAUSED')),
    since            TIMESTAMPTZ NOT NULL DEFAULT now(),
    changed_by       TEXT        NOT NULL,
    last_human_at    TIMESTAMPTZ
);
CREATE INDEX conversation_owners_human_idx ON conversation_owners (since) WHERE owner = 'HUMAN';

-- A customer reply written before a person took the conversation over is dropped, not sent
-- (chatwoot.DeliveryGate); the row stays, with this status, as the record of what the bot would have said.
ALTER TABLE outbound_messages DROP CONSTRAINT outbound_messages_status_check;
ALTER TABLE outbound_messages ADD CONSTRAINT outbound_messages_status_check
    CHECK (status IN ('pending', 'sending', 'sent', 'kept', 'failed', 'dropped'));
