-- Photo quality at intake: a photo the gate flags (too small, too dark, too bright, blurred) is kept, with the
-- problem and the measured numbers, but does not count for its step until staff accept it; after the
-- customer's retries run out it is counted anyway and stays flagged for staff.
ALTER TABLE case_files
    ADD COLUMN quality_issue    TEXT CHECK (quality_issue IN ('too_small', 'too_dark', 'too_bright', 'blurred')),
    ADD COLUMN quality_measures TEXT,
    ADD COLUMN counted          BOOLEAN NOT NULL DEFAULT true;
