-- The rules' digest leaves provenance out, so a directive whose targets existing rules already cover changes nothing
-- an appliance loads, yet changes which orders stand behind the rules. Versions and stored contents are therefore
-- told apart by both digests: a content's key is '<rules digest>/<provenance digest>', and a content read back must
-- hash to both. Rows stored before this migration keep their rules digest as key (their provenance is read back
-- unverified).
-- Such a content was shared by every ISP with its rules, with the provenance of the first of them: the first
-- compilation after this migration gives each of the others a version with the same rules and its own provenance.
ALTER TABLE ruleset_content RENAME COLUMN digest TO content_key;
ALTER TABLE ruleset_content RENAME COLUMN base_digest TO base_key;
-- The rules' digest on its own, to find a content by the rules alone (Redis holds rules, not provenance).
ALTER TABLE ruleset_content ADD COLUMN rules_digest text;
UPDATE ruleset_content SET rules_digest = content_key;
ALTER TABLE ruleset_content ALTER COLUMN rules_digest SET NOT NULL;
CREATE INDEX ruleset_content_rules_digest_idx ON ruleset_content (rules_digest);

ALTER TABLE ruleset_version RENAME COLUMN content_digest TO content_key;
ALTER TABLE ruleset_version ADD COLUMN provenance_digest text;
ALTER INDEX ruleset_version_content_idx RENAME TO ruleset_version_content_key_idx;

-- Such versions keep the rules of the one before (a poll for them answers 304), so an appliance that applied any
-- version of an unbroken run of published versions with the same rules enforces every version of the run. This is
-- the run's first version (null when there is no such version): compliance and time to enforce count an appliance
-- from there.
CREATE FUNCTION rules_run_start(isp text, version bigint) RETURNS bigint
    LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce((SELECT max(x.number) FROM ruleset_version x
                     WHERE x.isp_id = isp AND x.state = 'PUBLISHED' AND x.number < version AND x.digest <> v.digest), 0) + 1
    FROM ruleset_version v WHERE v.isp_id = isp AND v.number = version
$$;
