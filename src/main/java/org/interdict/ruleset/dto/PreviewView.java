package org.interdict.ruleset.dto;

import java.util.List;
import org.interdict.compile.Conflict;

/**
 * What approving a directive would do, computed against the current versions: per group of ISPs sharing one
 * rule set, the rules it would add (a sample and the count) and whether the circuit breaker would hold the version
 * (the directive's own rules never make it hold: other changes pending that no approval explains may); targets other
 * directives already cover; allowlist conflicts; targets flagged by a guard.
 */
public record PreviewView(long directiveId, List<Audience> audiences, List<Covered> alreadyCovered,
        List<Conflict> conflicts, List<Flagged> guardWarnings) {

    public record Audience(List<String> isps, int rulesAdded, int rulesRemoved, List<String> sampleAdded,
            boolean breakerWouldHold) {}

    public record Covered(String targetType, String targetValue, String rule, List<Long> byDirectives) {}

    public record Flagged(long targetId, String value, List<String> codes, String justification) {}
}
