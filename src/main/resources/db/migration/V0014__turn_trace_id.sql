-- The trace id of the turn that answered an inbound message: the same id is in every log line of that
-- turn (MDC traceId), and the panel's conversation view shows it next to the message.
ALTER TABLE messages ADD COLUMN trace_id TEXT;
