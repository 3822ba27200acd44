-- The comment a supervisor gives with an approval is part of the record, beside the rejection reason.
ALTER TABLE directive ADD COLUMN decision_comment text;

-- Escalations are looked up by the takedown they come from (one block draft per takedown).
CREATE INDEX directive_escalated_from_idx ON directive (escalated_from_id) WHERE escalated_from_id IS NOT NULL;
