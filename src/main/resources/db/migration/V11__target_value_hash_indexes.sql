-- A btree entry holds at most about 2,700 bytes, and a URL target may be up to 4,096 (TargetType in the code sets
-- the maximum per type): target values are indexed by hash, so that no valid target can fail an insert.
CREATE FUNCTION target_value_digest(target_value text) RETURNS bytea
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT sha256(convert_to(target_value, 'UTF8'))
$$;

-- An insert names the key as ON CONFLICT (directive_id, type, target_value_digest(value)).
ALTER TABLE directive_target DROP CONSTRAINT directive_target_directive_id_type_value_key;
CREATE UNIQUE INDEX directive_target_unique_value_idx
    ON directive_target (directive_id, type, target_value_digest(value));

-- Equality look-ups of one value (which directives hold it) only.
DROP INDEX directive_target_value_idx;
CREATE INDEX directive_target_value_idx ON directive_target USING hash (value);
