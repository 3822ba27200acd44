package org.interdict.directive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.interdict.directive.dto.AudienceInput;
import org.interdict.directive.dto.TakedownInput;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.error.Violation;

/** Cross-field rules of a directive that bean validation cannot express. */
final class DirectiveValidation {

    private DirectiveValidation() {}

    static void check(DirectiveKind kind, AudienceInput audience, Instant effectiveFrom, Instant expiresAt,
            TakedownInput takedown) {
        List<Violation> violations = new ArrayList<>();
        boolean all = Boolean.TRUE.equals(audience.allIsps());
        boolean listed = audience.isps() != null && !audience.isps().isEmpty();
        if (all == listed) {
            violations.add(Violation.ofField("audience", "audience-required",
                    "set allIsps to true, or list the ISPs in isps, not both"));
        }
        if (expiresAt != null && !expiresAt.isAfter(effectiveFrom)) {
            violations.add(Violation.ofField("expiresAt", "expiry-before-effect", "must be after effectiveFrom"));
        }
        if (kind == DirectiveKind.TAKEDOWN && takedown == null) {
            violations.add(Violation.ofField("takedown", "takedown-required",
                    "a takedown names the host and the deadline"));
        }
        if (kind == DirectiveKind.BLOCK && takedown != null) {
            violations.add(Violation.ofField("takedown", "takedown-not-allowed", "only a TAKEDOWN has a takedown part"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ErrorCategory.INVALID, "invalid-request", "Invalid request",
                    violations.size() + " field(s) are invalid", violations, violations.size());
        }
    }

    static void requireStatus(Directive d, DirectiveStatus expected, String action) {
        if (d.status != expected) {
            throw ProblemException.conflict("invalid-state",
                    "Directive " + d.id + " is " + d.status + "; only a " + expected + " directive can be " + action);
        }
    }
}
