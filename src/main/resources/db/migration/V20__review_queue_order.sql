-- The review queue lists an authority's directives pending approval by submission time, the longest waiting first.
create index directive_review_queue on directive (authority_id, submitted_at, id) where status = 'PENDING_APPROVAL';
