-- A directive's targets in the order they were added: its first page (the transparency report lists the first
-- hundred of every directive) and its count are read from this index alone, however many targets it has.
CREATE INDEX directive_target_directive_order_idx ON directive_target (directive_id, id);
