-- Tells every replica when an appliance token stops being valid (revoked, rotated, appliance removed), so that
-- they may keep valid tokens in memory and still refuse a revoked one from the next request on. NOTIFY is
-- delivered at commit, and only then.
CREATE FUNCTION appliance_token_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR NEW.token_hash IS DISTINCT FROM OLD.token_hash
            OR NEW.token_revoked_at IS DISTINCT FROM OLD.token_revoked_at
            OR NEW.isp_id IS DISTINCT FROM OLD.isp_id THEN
        PERFORM pg_notify('interdict_appliance_token', OLD.token_hash);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER appliance_token_changed
    AFTER UPDATE OR DELETE ON appliance
    FOR EACH ROW EXECUTE FUNCTION appliance_token_changed();
