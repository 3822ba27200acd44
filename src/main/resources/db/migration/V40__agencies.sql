-- Agencies: provincial bodies and public services that run information systems. Authorities address them beside
-- ISPs (advisories, alert periods); their people sign in with the role agency, scoped by the token claim agency.
CREATE TABLE agency (
    id            text        PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{1,47}$'),
    name_vi       text        NOT NULL,
    name_en       text        NOT NULL,
    -- The authority it answers to in security matters (a provincial Department); null: the Ministry directly.
    authority_id  text        REFERENCES authority (id),
    -- Contact points for incident handling: [{"department", "phone", "email"}].
    contacts      jsonb       NOT NULL DEFAULT '[]',
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       integer     NOT NULL DEFAULT 0
);
