package org.interdict.directive;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.ruleset.HeldVersions;

/** The one place where a directive becomes its API view. */
final class DirectiveMapper {

    private DirectiveMapper() {}

    static DirectiveView toView(Directive d, Instant now, DirectiveReferences references) {
        return toView(d, now, references, null, List.of());
    }

    /**
     * With the directives that implement it (null: the field is left out) and the ISPs whose held rule set it waits
     * behind (none: the field is left out).
     */
    static DirectiveView toView(Directive d, Instant now, DirectiveReferences references,
            List<DirectiveView.Link> implementedBy, List<HeldVersions.Held> heldBehind) {
        DirectiveView.Takedown takedown = d.kind == DirectiveKind.TAKEDOWN
                ? new DirectiveView.Takedown(d.takedownHost, d.takedownDeadline, d.takedownComplied, d.takedownRecordedAt)
                : null;
        DirectiveView.Revocation revocation = d.revokedAt == null ? null
                : new DirectiveView.Revocation(d.revokedBy, d.revokedByName, d.revokedAt, d.revocationReason, d.revocationReference);
        return new DirectiveView(
                d.id, d.legalReference, d.title, references.authorityOf(d), d.authorityLegacy,
                references.relayedBy(d), implementedBy == null || implementedBy.isEmpty() ? null : implementedBy,
                d.issuedOn, d.kind, d.category, d.legalBasis,
                new DirectiveView.Audience(d.allIsps, Arrays.asList(d.audience)),
                d.effectiveFrom, d.expiresAt, takedown, d.supersedesId, d.escalatedFromId, d.enforcementDeadlineMinutes,
                d.statusAt(now),
                new DirectiveView.Step(d.createdBy, d.createdByName, d.createdAt),
                d.submittedAt == null ? null : new DirectiveView.Step(d.submittedBy, d.submittedByName, d.submittedAt),
                d.decidedAt == null ? null : new DirectiveView.Step(d.decidedBy, d.decidedByName, d.decidedAt),
                d.decisionComment, d.rejectionReason, revocation,
                heldBehind.isEmpty() ? null : heldBehind.stream()
                        .map(h -> new DirectiveView.WaitingBehind(h.isp(), h.version(), h.since()))
                        .toList(),
                d.version, d.updatedAt);
    }
}
