-- The circuit breaker judges only the changes no approval explains (see CircuitBreaker): how many a version made is
-- kept with it, null on versions made before.
ALTER TABLE ruleset_version ADD COLUMN unexplained integer;
-- When the ISP's versions started to be held: a held version superseded by another one passes it on, so the time is
-- that of the first held version of the run. Null on versions never held, and on those held before this migration
-- (their creation time stands in).
ALTER TABLE ruleset_version ADD COLUMN held_since timestamptz;
CREATE INDEX ruleset_version_held_idx ON ruleset_version (isp_id, number DESC) WHERE state = 'HELD';
