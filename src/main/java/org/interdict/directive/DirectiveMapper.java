package org.interdict.directive;

import java.time.Instant;
import java.util.Arrays;
import org.interdict.directive.dto.DirectiveView;

/** The one place where a directive becomes its API view. */
final class DirectiveMapper {

    private DirectiveMapper() {}

    static DirectiveView toView(Directive d, Instant now) {
        DirectiveView.Takedown takedown = d.kind == DirectiveKind.TAKEDOWN
                ? new DirectiveView.Takedown(d.takedownHost, d.takedownDeadline, d.takedownComplied, d.takedownRecordedAt)
                : null;
        DirectiveView.Revocation revocation = d.revokedAt == null ? null
                : new DirectiveView.Revocation(d.revokedBy, d.revokedAt, d.revocationReason, d.revocationReference);
        return new DirectiveView(
                d.id, d.legalReference, d.title, d.authority, d.issuedOn, d.kind, d.category, d.legalBasis,
                new DirectiveView.Audience(d.allIsps, Arrays.asList(d.audience)),
                d.effectiveFrom, d.expiresAt, takedown, d.supersedesId, d.escalatedFromId, d.enforcementDeadlineMinutes,
                d.statusAt(now),
                new DirectiveView.Step(d.createdBy, d.createdByName, d.createdAt),
                d.submittedAt == null ? null : new DirectiveView.Step(d.submittedBy, null, d.submittedAt),
                d.decidedAt == null ? null : new DirectiveView.Step(d.decidedBy, null, d.decidedAt),
                d.decisionComment, d.rejectionReason, revocation, d.version, d.updatedAt);
    }
}
