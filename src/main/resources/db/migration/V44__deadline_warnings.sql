-- Warnings that a deadline is about to pass, each sent once: a directive's enforcement deadline for an ISP whose
-- appliances have not all applied it, an advisory's remediation deadline for a recipient neither patched nor
-- unaffected, a day of an alert period without the recipient's situation report. The warning job inserts the row in
-- the transaction that queues the notifications; a second run, on this replica or another, finds it and sends nothing.
CREATE TABLE deadline_warning (
    -- directive-enforcement, advisory-remediation, situation-report
    kind        text        NOT NULL CHECK (kind IN ('directive-enforcement', 'advisory-remediation',
                                                     'situation-report')),
    -- The directive, advisory or alert period.
    subject_id  bigint      NOT NULL,
    -- isp:<id> or agency:<id>
    recipient   text        NOT NULL,
    -- The deadline warned of: a revised advisory deadline or another day of a period is warned of again.
    deadline    timestamptz NOT NULL,
    warned_at   timestamptz NOT NULL,
    PRIMARY KEY (kind, subject_id, recipient, deadline)
);
