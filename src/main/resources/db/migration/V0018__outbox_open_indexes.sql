-- The outbox claim takes the oldest open replies (ORDER BY id LIMIT) whose conversation has no older open
-- one. With only an index on next_attempt_at, PostgreSQL walked the primary key through every reply ever
-- sent to find the few open ones: a claim cost grew with the table (68 ms at 4,500 rows, two thirds of
-- the database's CPU per turn). Both lookups now read partial indexes that hold only open replies.
DROP INDEX outbound_due_idx;
CREATE INDEX outbound_open_idx ON outbound_messages (id) WHERE status IN ('pending', 'sending');
CREATE INDEX outbound_open_conversation_idx ON outbound_messages (conversation_id, id)
    WHERE status IN ('pending', 'sending');
