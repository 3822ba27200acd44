-- Who declared, changed and cancelled an alert period, and who sent a situation report, by name, as directives and
-- appeals keep theirs: the console and the API show people by name, and the subject stays for the audit.
ALTER TABLE alert_period
    ADD COLUMN declared_by_name   text,
    ADD COLUMN updated_by_name    text,
    ADD COLUMN cancelled_by_name  text;
ALTER TABLE situation_report ADD COLUMN reported_by_name text;
