-- Tariff catalogue (module catalog). Seeded from catalog/catalog-2026.json at first start, then edited
-- through the admin API. Rows are keyed by (category, code): codes are stable identifiers (CATALOG.md),
-- never renamed, so natural composite keys make every constraint "unique per category" and keep the
-- audit trail readable ("motos-part/ESCAPE") without id look-ups.

-- One row. version = base_version || '-r' || revision, stamped on every quote; every edit bumps revision,
-- which is also what the in-memory caches poll.
CREATE TABLE catalog_meta (
    id                  BOOLEAN      PRIMARY KEY DEFAULT true CHECK (id),
    base_version        TEXT         NOT NULL,
    revision            INT          NOT NULL DEFAULT 0 CHECK (revision >= 0),
    currency            TEXT         NOT NULL,
    vat_rate            NUMERIC(5,4) NOT NULL CHECK (vat_rate >= 0 AND vat_rate < 1),
    tier_selection_rule TEXT         NOT NULL,
    -- personal / vehicle / workshop block (incl. partner-workshop price per category), kept in the JSON
    -- format of CATALOG.md section 1: it is read whole and has no relations to enforce
    case_data           JSONB        NOT NULL,
    seeded_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE catalog_categories (
    slug                        TEXT PRIMARY KEY CHECK (slug ~ '^[a-z0-9-]+$'),
    vehicle_type                TEXT NOT NULL CHECK (vehicle_type IN ('moto', 'autocaravana', 'coche', 'furgoneta', 'otro')),
    client_type                 TEXT NOT NULL CHECK (client_type IN ('particular', 'profesional')),
    name_es                     TEXT NOT NULL,
    scope_note_es               TEXT NOT NULL,
    position                    INT  NOT NULL,
    UNIQUE (vehicle_type, client_type)
);

CREATE TABLE catalog_groups (
    category        TEXT NOT NULL REFERENCES catalog_categories (slug) ON DELETE CASCADE,
    code            TEXT NOT NULL CHECK (code ~ '^[A-Z0-9_]+$'),
    name_es         TEXT NOT NULL,
    description_es  TEXT NOT NULL,
    position        INT  NOT NULL,
    PRIMARY KEY (category, code)
);

CREATE TABLE catalog_tiers (
    category          TEXT          NOT NULL REFERENCES catalog_categories (slug) ON DELETE CASCADE,
    code              TEXT          NOT NULL CHECK (code ~ '^[A-Z0-9_]+$'),
    name_es           TEXT          NOT NULL CHECK (length(name_es) > 0),
    price             NUMERIC(10,2) NOT NULL CHECK (price > 0),
    requires_project  BOOLEAN       NOT NULL,
    includes_es       TEXT          NOT NULL,
    turnaround_es     TEXT          NOT NULL,
    position          INT           NOT NULL,
    PRIMARY KEY (category, code)
);

-- Which groups a tier admits and how many items of each. No row = not admitted (cap 0); max_count NULL
-- = unlimited. The foreign key to the group makes "admits an unknown group" impossible.
CREATE TABLE catalog_tier_admits (
    category    TEXT NOT NULL,
    tier_code   TEXT NOT NULL,
    group_code  TEXT NOT NULL,
    max_count   INT  CHECK (max_count >= 0),
    position    INT  NOT NULL,
    PRIMARY KEY (category, tier_code, group_code),
    FOREIGN KEY (category, tier_code) REFERENCES catalog_tiers (category, code) ON DELETE CASCADE,
    FOREIGN KEY (category, group_code) REFERENCES catalog_groups (category, code)
);

-- Elements and their variants in one table, so element and variant codes are unique together per
-- category (the matcher and the engine look codes up without knowing which kind they are).
CREATE TABLE catalog_elements (
    category             TEXT   NOT NULL REFERENCES catalog_categories (slug) ON DELETE CASCADE,
    code                 TEXT   NOT NULL CHECK (code ~ '^[A-Z0-9_]+$'),
    name_es              TEXT   NOT NULL CHECK (length(name_es) > 0),
    group_code           TEXT   NOT NULL,
    keywords             TEXT[] NOT NULL DEFAULT '{}',
    aliases              TEXT[] NOT NULL DEFAULT '{}',
    -- set for variants: the umbrella element they belong to
    parent_code          TEXT,
    -- set for umbrellas: the question that resolves them to variants
    variant_question_es  TEXT,
    position             INT    NOT NULL,
    PRIMARY KEY (category, code),
    FOREIGN KEY (category, group_code) REFERENCES catalog_groups (category, code),
    FOREIGN KEY (category, parent_code) REFERENCES catalog_elements (category, code) ON DELETE CASCADE,
    CHECK (parent_code IS NULL OR variant_question_es IS NULL)
);
CREATE INDEX catalog_elements_parent_idx ON catalog_elements (category, parent_code);

-- Category-, tier- and element-scoped warnings; codes are unique within a category (CATALOG.md).
CREATE TABLE catalog_warnings (
    category      TEXT NOT NULL REFERENCES catalog_categories (slug) ON DELETE CASCADE,
    code          TEXT NOT NULL CHECK (code ~ '^[A-Z0-9_]+$'),
    severity      TEXT NOT NULL CHECK (severity IN ('info', 'warning')),
    text_es       TEXT NOT NULL CHECK (length(text_es) > 0),
    scope         TEXT NOT NULL CHECK (scope = 'category' OR scope = 'element' OR scope ~ '^tier:[A-Z0-9_]+$'),
    element_code  TEXT,
    position      INT  NOT NULL,
    PRIMARY KEY (category, code),
    FOREIGN KEY (category, element_code) REFERENCES catalog_elements (category, code) ON DELETE CASCADE,
    CHECK ((scope = 'element') = (element_code IS NOT NULL))
);

CREATE TABLE catalog_element_fields (
    category      TEXT    NOT NULL,
    element_code  TEXT    NOT NULL,
    key           TEXT    NOT NULL CHECK (key ~ '^[a-z0-9_]+$'),
    label_es      TEXT    NOT NULL CHECK (length(label_es) > 0),
    type          TEXT    NOT NULL CHECK (type IN ('text', 'number', 'boolean', 'select')),
    required      BOOLEAN NOT NULL,
    options       JSONB   NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(options) = 'array'),
    min_value     NUMERIC,
    max_value     NUMERIC,
    pattern       TEXT,
    example       TEXT,
    -- {"field": K, "equals": V}: the field applies only when field K has value V (V as text)
    condition     JSONB   CHECK (condition IS NULL OR (condition ? 'field' AND condition ? 'equals')),
    position      INT     NOT NULL,
    PRIMARY KEY (category, element_code, key),
    FOREIGN KEY (category, element_code) REFERENCES catalog_elements (category, code) ON DELETE CASCADE,
    CHECK (type <> 'select' OR jsonb_array_length(options) > 0),
    CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
);

CREATE TABLE catalog_element_photos (
    category      TEXT NOT NULL,
    element_code  TEXT NOT NULL,
    position      INT  NOT NULL,
    text_es       TEXT NOT NULL CHECK (length(text_es) > 0),
    PRIMARY KEY (category, element_code, position),
    FOREIGN KEY (category, element_code) REFERENCES catalog_elements (category, code) ON DELETE CASCADE
);

-- Example slides, as paths relative to shared/business/ (e.g. Imagenes/Motos/...); served from
-- classpath catalog/images/ at GET /api/catalog/images/{path without "Imagenes/"}.
CREATE TABLE catalog_element_images (
    category      TEXT NOT NULL,
    element_code  TEXT NOT NULL,
    position      INT  NOT NULL,
    path          TEXT NOT NULL CHECK (path !~ '\.\.'),
    PRIMARY KEY (category, element_code, position),
    FOREIGN KEY (category, element_code) REFERENCES catalog_elements (category, code) ON DELETE CASCADE
);

-- applies_to and trigger_elements are checked against tiers and elements by the application
-- (the catalogue is validated as a whole after every edit, in the same transaction).
CREATE TABLE catalog_surcharges (
    category          TEXT          NOT NULL REFERENCES catalog_categories (slug) ON DELETE CASCADE,
    code              TEXT          NOT NULL CHECK (code ~ '^[A-Z0-9_]+$'),
    name_es           TEXT          NOT NULL CHECK (length(name_es) > 0),
    price             NUMERIC(10,2) NOT NULL CHECK (price > 0),
    applies_to        TEXT[]        NOT NULL,
    on_request        BOOLEAN       NOT NULL,
    trigger_elements  TEXT[]        NOT NULL DEFAULT '{}',
    position          INT           NOT NULL,
    PRIMARY KEY (category, code)
);

CREATE TABLE catalog_extras (
    category       TEXT          NOT NULL REFERENCES catalog_categories (slug) ON DELETE CASCADE,
    code           TEXT          NOT NULL CHECK (code ~ '^[A-Z0-9_]+$'),
    name_es        TEXT          NOT NULL CHECK (length(name_es) > 0),
    price          NUMERIC(10,2) CHECK (price > 0),
    price_text_es  TEXT,
    unit           TEXT          NOT NULL CHECK (unit IN ('per_case', 'per_hour')),
    position       INT           NOT NULL,
    PRIMARY KEY (category, code),
    CHECK (price IS NOT NULL OR price_text_es IS NOT NULL)
);

CREATE TABLE catalog_base_documents (
    category        TEXT NOT NULL REFERENCES catalog_categories (slug) ON DELETE CASCADE,
    code            TEXT NOT NULL CHECK (code ~ '^[A-Z0-9_]+$'),
    name_es         TEXT NOT NULL CHECK (length(name_es) > 0),
    instruction_es  TEXT NOT NULL,
    example_image   TEXT CHECK (example_image !~ '\.\.'),
    position        INT  NOT NULL,
    PRIMARY KEY (category, code)
);

-- Who changed what and when. Written by a trigger rather than by the application so that no write can
-- skip it: every code path (and a DBA in psql) is recorded in the same transaction, with before/after
-- images. The application names the actor with SET LOCAL msia.actor; without it the database user is
-- recorded. The seed sets msia.audit = off and writes one summary row instead of a row per inserted row.
CREATE TABLE catalog_audit (
    id          BIGSERIAL   PRIMARY KEY,
    table_name  TEXT        NOT NULL,
    row_key     TEXT        NOT NULL,
    action      TEXT        NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'seed')),
    changed_by  TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    revision    INT,
    before      JSONB,
    after       JSONB
);
CREATE INDEX catalog_audit_table_idx ON catalog_audit (table_name, row_key);

-- TG_ARGV = the key columns of the audited table, joined with '/' into row_key.
CREATE FUNCTION catalog_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    key_row jsonb := coalesce(new_row, old_row);
    row_key text := '';
BEGIN
    IF coalesce(current_setting('msia.audit', true), '') = 'off' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND old_row = new_row THEN
        RETURN NULL;
    END IF;
    FOR i IN 0 .. TG_NARGS - 1 LOOP
        row_key := row_key || CASE WHEN i > 0 THEN '/' ELSE '' END || coalesce(key_row ->> TG_ARGV[i], '');
    END LOOP;
    INSERT INTO catalog_audit (table_name, row_key, action, changed_by, revision, before, after)
    VALUES (TG_TABLE_NAME, row_key, lower(TG_OP),
            coalesce(nullif(current_setting('msia.actor', true), ''), 'db:' || current_user),
            (SELECT revision FROM catalog_meta), old_row, new_row);
    RETURN NULL;
END
$$;

CREATE TRIGGER catalog_categories_audit AFTER INSERT OR UPDATE OR DELETE ON catalog_categories
    FOR EACH ROW EXECUTE FUNCTION catalog_audit_row('slug');
CREATE TRIGGER catalog_groups_audit AFTER INSERT OR UPDATE OR DELETE ON catalog_groups
    FOR EACH ROW EXECUTE FUNCTION catalog_audit_row('category', 'code');
CREATE TRIGGER catalog_tiers_audit AFTER INSERT OR UPDATE OR DELETE ON catalog_tiers
    FOR EACH ROW EXECUTE FUNCTION catalog_audit_row('category', 'code');
CREATE TRIGGER catalog_tier_admits_audit AFTER INSERT OR UPDATE OR DELETE ON catalog_tier_admits
    FOR EACH ROW EXECUTE FUNCTION catalog_audit_row('category', 'tier_code', 'group_code');
CREATE TRIGGER catalog_elements_audit AFTER INSERT OR UPDATE OR DELETE ON catalog_elements
    FOR EACH ROW EXECUTE FUNCTION catalog_audit_row('category', 'code');
CREATE TRIGGER catalog_warnings_audit AFTER INSERT OR UPDATE OR DELETE ON catalog_warnings
    FOR EACH ROW EXECUTE FUNCTION catalog_audit_row('category', 'code');
CREATE TRIGGER catalog_element_fields_audit AFTER INSERT OR UPDATE OR DELETE ON catalog_element_fields
    FOR EACH ROW EXECUTE FUNCTION catalog_audit_row('category', 'element_code', 'key');
CREATE TRIGGER catalog_element_photos_audit AFTER INSERT OR UPDATE OR DELETE ON catalog_element_photos
    FOR EACH ROW EXECUTE FUNCTION catalog_audit_row('category', 'element_code', 'position');
CREATE TRIGGER catalog_element_images_audit AFTER INSERT OR UPDATE OR DELETE ON catalog_element_images
    FOR EACH ROW EXECUTE FUNCTION catalog_audit_row('category', 'element_code', 'position');
CREATE TRIGGER catalog_surcharges_audit AFTER INSERT OR UPDATE OR DELETE ON catalog_surcharges
    FOR EACH ROW EXECUTE FUNCTION catalog_audit_row('category', 'code');
CREATE TRIGGER catalog_extras_audit AFTER INSERT OR UPDATE OR DELETE ON catalog_extras
    FOR EACH ROW EXECUTE FUNCTION catalog_audit_row('category', 'code');
CREATE TRIGGER catalog_base_documents_audit AFTER INSERT OR UPDATE OR DELETE ON catalog_base_documents
    FOR EACH ROW EXECUTE FUNCTION catalog_audit_row('category', 'code');
CREATE TRIGGER catalog_meta_audit AFTER UPDATE OF case_data, vat_rate, currency, base_version ON catalog_meta
    FOR EACH ROW EXECUTE FUNCTION catalog_audit_row('base_version');
