-- Example images uploaded from the panel (module catalog). The seed's images ship in the jar; these live
-- in the database so every replica serves them and a backup carries them. Immutable: a new upload gets a
-- new path, so the audit trail of catalog_element_images (which stores the path) stays meaningful.
CREATE TABLE catalog_uploaded_images (
    path          TEXT        PRIMARY KEY CHECK (path ~ '^Subidas/[a-z0-9-]+\.(png|jpg|webp)$'),
    content_type  TEXT        NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
    bytes         BYTEA       NOT NULL,
    uploaded_by   TEXT        NOT NULL,
    uploaded_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
