-- The audit log filtered by the authority an officer or supervisor acted for (recorded in the summary).
CREATE INDEX audit_entry_actor_authority_idx ON audit_entry ((summary->>'actorAuthority'), id);
