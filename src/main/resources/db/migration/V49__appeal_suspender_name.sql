-- Who suspended an appeal's targets, by name, as the reviewer, proposer and confirmer already are: the console and the
-- API show people by name, and the subject alone (suspended_by) stays for the audit.
ALTER TABLE appeal_review ADD COLUMN suspended_by_name text;
