package org.interdict.ruleset;

/**
 * Fired after a committed change that may alter what ISPs enforce; {@code directiveId} is null for changes that
 * are not about one directive (allowlist, ISP registry). It only wakes the compiler up: the change itself is
 * already recorded in {@code ruleset_change} by {@link ChangeLog}, in the transaction that made it.
 */
public record RulesetChange(Long directiveId, String change) {}
