package org.interdict.compile;

import java.util.List;
import java.util.Objects;

/**
 * A compiled rule set and every collision with the allowlist met on the way.
 *
 * @param conflicts ordered by directive id, target type, target value, then protecting entry
 */
public record CompileResult(RuleSet ruleSet, List<Conflict> conflicts) {

    public CompileResult {
        Objects.requireNonNull(ruleSet, "ruleSet");
        conflicts = List.copyOf(conflicts);
    }
}
