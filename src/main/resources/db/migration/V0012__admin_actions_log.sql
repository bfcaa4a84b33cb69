-- The access log also records what admins do to accounts and customers' data (GDPR export and erasure):
-- who, when, and which account or customer id. Never personal data of the customer.
ALTER TABLE admin_access_log ADD COLUMN detail TEXT;
ALTER TABLE admin_access_log DROP CONSTRAINT admin_access_log_event_check;
ALTER TABLE admin_access_log ADD CONSTRAINT admin_access_log_event_check
    CHECK (event IN ('login', 'login_failed', 'locked', 'logout', 'gdpr_export', 'gdpr_erase', 'user_created',
                     'user_disabled', 'user_enabled', 'user_role', 'password_reset', 'password_changed'));
