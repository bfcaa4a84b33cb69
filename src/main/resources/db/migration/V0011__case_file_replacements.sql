-- A photo staff rejected is replaced by the next one the customer sends for the same item: the new file
-- points at the one it replaces, so staff see the pair and the customer is asked only once.
ALTER TABLE case_files ADD COLUMN replaces_file_id BIGINT REFERENCES case_files (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX case_files_one_replacement ON case_files (replaces_file_id) WHERE replaces_file_id IS NOT NULL;

-- "¿Dónde está la ITV más cercana?" matched the office address ("donde esta") instead of the ITV entry.
UPDATE faq_entries SET keywords = keywords || ARRAY['itv mas cercana', 'itv cercana', 'que itv', 'en que itv', 'donde paso la itv']
WHERE key = 'itv';
