-- LLM accounting per customer turn: a row is one turn the LLM path handled. attempts counts the HTTP
-- calls it made (retries included; 0 when it was skipped), fallback_reason says why the offline engine
-- answered instead (unavailable, no_credit, rejected, unusable, breaker_open, budget), NULL when the
-- model's answer was used. "LLM calls per turn" is SUM(attempts) / COUNT(*).
ALTER TABLE llm_calls ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
ALTER TABLE llm_calls ADD COLUMN fallback_reason TEXT;
ALTER TABLE llm_calls DROP CONSTRAINT llm_calls_outcome_check;
ALTER TABLE llm_calls ADD CONSTRAINT llm_calls_outcome_check
    CHECK (outcome IN ('used', 'unusable', 'failed', 'skipped'));
UPDATE llm_calls SET fallback_reason = outcome WHERE outcome <> 'used';
