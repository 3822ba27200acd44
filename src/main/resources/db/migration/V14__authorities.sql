-- Issuing authorities: the Ministry and the provincial Departments that relay its orders. A directive's issuer is
-- the drafting officer's authority, recorded as a reference; free text from before the registry stays in
-- authority_legacy until an authority whose id, names or aliases it matches is registered (AuthorityService).
CREATE TABLE authority (
    id            text        PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{1,47}$'),
    name_vi       text        NOT NULL,
    name_en       text        NOT NULL,
    level         text        NOT NULL CHECK (level IN ('NATIONAL', 'PROVINCIAL')),
    parent_id     text        REFERENCES authority (id),
    jurisdiction  text,
    -- Contact points for incident handling: [{"department", "phone", "email"}].
    contacts      jsonb       NOT NULL DEFAULT '[]',
    -- Legacy spellings of the authority in free-text registers ("Bộ TT&TT", "BTTTT").
    aliases       text[]      NOT NULL DEFAULT '{}',
    -- The reason categories it may issue; null: every category.
    categories    text[],
    -- The ISPs it may address: every ISP, or those in authority_isp.
    all_isps      boolean     NOT NULL DEFAULT true,
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    CHECK (parent_id IS NULL OR parent_id <> id)
);

CREATE TABLE authority_isp (
    authority_id  text NOT NULL REFERENCES authority (id) ON DELETE CASCADE,
    isp_id        text NOT NULL REFERENCES isp (id),
    PRIMARY KEY (authority_id, isp_id)
);

ALTER TABLE directive RENAME COLUMN authority TO authority_legacy;
ALTER TABLE directive ALTER COLUMN authority_legacy DROP NOT NULL;
ALTER TABLE directive ADD COLUMN authority_id text REFERENCES authority (id);
-- Relay: the parent authority's directive this one implements.
ALTER TABLE directive ADD COLUMN implements_id bigint REFERENCES directive (id);
ALTER TABLE directive ADD CONSTRAINT directive_has_authority
    CHECK (authority_id IS NOT NULL OR authority_legacy IS NOT NULL);
CREATE INDEX directive_authority_idx ON directive (authority_id, id);
CREATE INDEX directive_legacy_authority_idx ON directive (id) WHERE authority_id IS NULL;
CREATE INDEX directive_implements_idx ON directive (implements_id) WHERE implements_id IS NOT NULL;
