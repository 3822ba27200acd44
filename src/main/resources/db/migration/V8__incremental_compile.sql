-- Lets a small change recompile only the part of the inputs it can affect (see SubsumptionKeys in the compiler,
-- which computes the same key for rules): the last two labels of a name or of a URL's host, or the address family.
CREATE FUNCTION subsumption_key(target_type text, target_value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE
        WHEN target_type = 'IP' THEN CASE WHEN strpos(target_value, ':') > 0 THEN ':ipv6' ELSE ':ipv4' END
        ELSE coalesce(substring(host FROM '([^.]+\.[^.]+)$'), host)
    END
    FROM (SELECT CASE
        WHEN target_type <> 'URL' THEN target_value
        WHEN target_value ~ '^[^:/]+://\[' THEN substring(target_value FROM '^[^:/]+://\[([^]]*)\]')
        ELSE substring(target_value FROM '^[^:/]+://([^:/?#]*)')
    END AS host) AS url
$$;

ALTER TABLE directive_target
    ADD COLUMN subsumption_key text GENERATED ALWAYS AS (subsumption_key(type, value)) STORED;
CREATE INDEX directive_target_subsumption_key_idx ON directive_target (subsumption_key, directive_id);

-- A content may be stored as a patch of another (its base), so that a one-rule change does not rewrite a million
-- rules; depth counts the patches down to a full copy and stays bounded.
ALTER TABLE ruleset_content
    ADD COLUMN base_digest text REFERENCES ruleset_content (digest),
    ADD COLUMN depth integer NOT NULL DEFAULT 0;
