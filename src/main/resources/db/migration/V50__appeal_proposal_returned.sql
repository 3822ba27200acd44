-- A confirmer who disagrees with a proposed decision sends it back to the reviewer with written remarks; the last
-- return stays on the review so that the reviewer reads why, and the audit keeps every one.
ALTER TABLE appeal_review ADD COLUMN returned_remarks text;
ALTER TABLE appeal_review ADD COLUMN returned_by_name text;
ALTER TABLE appeal_review ADD COLUMN returned_at timestamptz;
