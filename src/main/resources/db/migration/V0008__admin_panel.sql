-- Admin panel: the access log (logins, failed logins, lockouts, logouts), which also drives the lockout
-- after repeated failures, and the id sequence of the simulator's conversations and messages.

CREATE TABLE admin_access_log (
    id          BIGSERIAL PRIMARY KEY,
    username    TEXT        NOT NULL,
    event       TEXT        NOT NULL CHECK (event IN ('login', 'login_failed', 'locked', 'logout')),
    remote_addr TEXT,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX admin_access_log_user_idx ON admin_access_log (username, at);

-- Simulated conversations live in a range Chatwoot's display ids never reach (shared.SimulatedConversations);
-- one sequence serves both conversation and message ids, so they never collide with real ones.
CREATE SEQUENCE simulator_ids START WITH 900000000000 MINVALUE 900000000000;
