-- Who drafted, published and withdrew an advisory, who acknowledged it and reported a recipient's status, who
-- reported an incident and who wrote its updates and triage, by name, as directives and appeal reviews already keep
-- them: the console and the API show people by name, and the subject columns stay for the audit. Rows written before
-- have no name; they are shown by subject.
ALTER TABLE advisory ADD COLUMN drafted_by_name text;
ALTER TABLE advisory ADD COLUMN published_by_name text;
ALTER TABLE advisory ADD COLUMN withdrawn_by_name text;
ALTER TABLE advisory_recipient ADD COLUMN acknowledged_by_name text;
ALTER TABLE advisory_recipient ADD COLUMN status_by_name text;
ALTER TABLE advisory_status_report ADD COLUMN reported_by_name text;
ALTER TABLE incident ADD COLUMN reported_by_name text;
ALTER TABLE incident_update ADD COLUMN by_name text;
