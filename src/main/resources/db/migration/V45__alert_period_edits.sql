-- Alert periods are edited while they have not ended, and cancelled: they end at once, with a reason. A period
-- cancelled before it started ends before its start, and so is never in force. The version column tells two people
-- editing one period at once apart: the second is refused with a 409.
ALTER TABLE alert_period
    ADD COLUMN version              integer     NOT NULL DEFAULT 0,
    ADD COLUMN updated_by           text,
    ADD COLUMN updated_at           timestamptz,
    ADD COLUMN cancelled_by         text,
    ADD COLUMN cancelled_at         timestamptz,
    ADD COLUMN cancellation_reason  text,
    DROP CONSTRAINT alert_period_check,
    ADD CONSTRAINT alert_period_ends_after_start CHECK (ends_at > starts_at OR cancelled_at IS NOT NULL),
    ADD CONSTRAINT alert_period_cancellation CHECK ((cancelled_at IS NULL) = (cancellation_reason IS NULL));
