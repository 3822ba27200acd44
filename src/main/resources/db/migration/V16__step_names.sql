-- The display names of who submitted, decided and revoked a directive, as the drafter's already is: a record names
-- people, not only their account identifiers.
ALTER TABLE directive ADD COLUMN submitted_by_name text;
ALTER TABLE directive ADD COLUMN decided_by_name text;
ALTER TABLE directive ADD COLUMN revoked_by_name text;
