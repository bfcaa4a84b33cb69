-- WhatsApp only lets a business send free text for 24 hours after the customer's last message. A reply
-- carries that deadline; one that could not be delivered in time is kept as 'blocked' for staff.
ALTER TABLE outbound_messages ADD COLUMN not_after TIMESTAMPTZ;
ALTER TABLE outbound_messages DROP CONSTRAINT outbound_messages_status_check;
ALTER TABLE outbound_messages ADD CONSTRAINT outbound_messages_status_check
    CHECK (status IN ('pending', 'sending', 'sent', 'kept', 'failed', 'dropped', 'blocked'));
