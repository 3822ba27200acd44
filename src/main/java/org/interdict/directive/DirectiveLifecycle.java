package org.interdict.directive;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import org.interdict.audit.AuditLog;
import org.interdict.directive.dto.ComplianceReport;
import org.interdict.directive.dto.Decision;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.directive.dto.EscalationRequest;
import org.interdict.directive.dto.Rejection;
import org.interdict.directive.dto.RevocationRequest;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.error.Violation;
import org.interdict.ruleset.ChangeLog;
import org.interdict.security.Actor;

/** The lifecycle steps: submit, approve or reject (four eyes), revoke, takedown compliance and escalation. */
@ApplicationScoped
public class DirectiveLifecycle {

    private final DirectiveService directives;
    private final DirectiveRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    public DirectiveLifecycle(DirectiveService directives, DirectiveRepository repository, AuditLog audit, Clock clock) {
        this.directives = directives;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<DirectiveView> submit(long id, Actor actor) {
        return directives.find(id).flatMap(d -> {
            DirectiveValidation.requireStatus(d, DirectiveStatus.DRAFT, "submitted");
            return targetCount(id).map(count -> {
                if (count == 0) {
                    throw ProblemException.conflict("no-targets", "Directive " + id + " has no targets to submit");
                }
                d.status = DirectiveStatus.PENDING_APPROVAL;
                d.submittedBy = actor.subject();
                d.submittedAt = clock.instant();
                d.updatedAt = d.submittedAt;
                return d;
            }).call(submitted -> audit.append(DirectiveAudit.transition(actor, submitted.submittedAt, "submitted",
                    submitted, DirectiveStatus.DRAFT, Map.of())));
        }).map(directives::view);
    }

    @WithTransaction
    public Uni<DirectiveView> approve(long id, Decision decision, Actor actor) {
        return directives.find(id).flatMap(d -> {
            DirectiveValidation.requireStatus(d, DirectiveStatus.PENDING_APPROVAL, "approved");
            requireSecondPerson(d, actor);
            Instant now = clock.instant();
            DirectiveStatus next = DirectiveStatus.approvedAt(now, d.effectiveFrom, d.expiresAt);
            if (next == DirectiveStatus.EXPIRED) {
                throw ProblemException.conflict("already-expired",
                        "Directive " + id + " expired at " + d.expiresAt + "; it can no longer take effect");
            }
            return flaggedTargets(id).flatMap(flagged -> {
                requireConfirmed(flagged, decision == null ? null : decision.confirmFlaggedTargets());
                d.status = next;
                d.decidedBy = actor.subject();
                d.decidedAt = now;
                d.updatedAt = now;
                return confirmFlagged(id, actor, now).call(() -> ChangeLog.record(d.id, "approved", now))
                        .call(() -> audit.append(DirectiveAudit.transition(actor, now, "approved", d,
                                DirectiveStatus.PENDING_APPROVAL, Map.of("confirmedGuardOverrides", flagged))));
            }).map(ignored -> d);
        }).map(directives::view);
    }

    @WithTransaction
    public Uni<DirectiveView> reject(long id, Rejection rejection, Actor actor) {
        return directives.find(id).map(d -> {
            DirectiveValidation.requireStatus(d, DirectiveStatus.PENDING_APPROVAL, "rejected");
            requireSecondPerson(d, actor);
            d.status = DirectiveStatus.REJECTED;
            d.rejectionReason = rejection.reason().strip();
            d.decidedBy = actor.subject();
            d.decidedAt = clock.instant();
            d.updatedAt = d.decidedAt;
            return d;
        }).call(d -> audit.append(DirectiveAudit.transition(actor, d.decidedAt, "rejected", d,
                DirectiveStatus.PENDING_APPROVAL, Map.of("reason", d.rejectionReason)))).map(directives::view);
    }

    @WithTransaction
    public Uni<DirectiveView> revoke(long id, RevocationRequest request, Actor actor) {
        return directives.find(id).flatMap(d -> {
            Instant now = clock.instant();
            DirectiveStatus current = d.statusAt(now);
            if (current != DirectiveStatus.SCHEDULED && current != DirectiveStatus.ACTIVE) {
                throw ProblemException.conflict("invalid-state",
                        "Directive " + id + " is " + current + "; only a SCHEDULED or ACTIVE directive can be revoked");
            }
            d.status = DirectiveStatus.REVOKED;
            d.revokedBy = actor.subject();
            d.revokedAt = now;
            d.revocationReason = request.reason().strip();
            d.revocationReference = request.reference().strip();
            d.updatedAt = now;
            return ChangeLog.record(d.id, "revoked", now).call(() -> audit.append(DirectiveAudit.transition(actor, now,
                    "revoked", d, current, Map.of("reason", d.revocationReason, "reference", d.revocationReference))))
                    .replaceWith(d);
        }).map(directives::view);
    }

    @WithTransaction
    public Uni<DirectiveView> recordCompliance(long id, ComplianceReport report, Actor actor) {
        return directives.find(id).map(d -> {
            requireApprovedTakedown(d);
            d.takedownComplied = report.complied();
            d.takedownRecordedAt = clock.instant();
            d.updatedAt = d.takedownRecordedAt;
            return d;
        }).call(d -> audit.append(DirectiveAudit.event(actor, d.takedownRecordedAt, "takedown-compliance", d,
                Map.of("complied", d.takedownComplied)))).map(directives::view);
    }

    /** Makes a BLOCK draft with the takedown's targets, audience and category, referencing the takedown. */
    @WithTransaction
    public Uni<DirectiveView> escalate(long id, EscalationRequest request, Actor actor) {
        return directives.find(id).flatMap(takedown -> {
            requireApprovedTakedown(takedown);
            Instant now = clock.instant();
            boolean unheeded = Boolean.FALSE.equals(takedown.takedownComplied)
                    || (takedown.takedownComplied == null && now.isAfter(takedown.takedownDeadline));
            if (!unheeded) {
                throw ProblemException.conflict("takedown-not-overdue", "Takedown " + id
                        + " can be escalated once its host has not complied by the deadline");
            }
            Directive block = new Directive();
            block.legalReference = request != null && request.legalReference() != null
                    ? request.legalReference().strip() : takedown.legalReference;
            block.title = request != null && request.title() != null
                    ? request.title().strip() : "Block after unheeded takedown: " + takedown.title;
            block.authority = takedown.authority;
            block.issuedOn = now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
            block.kind = DirectiveKind.BLOCK;
            block.category = takedown.category;
            block.legalBasis = takedown.legalBasis;
            block.allIsps = takedown.allIsps;
            block.audience = takedown.audience.clone();
            block.effectiveFrom = now;
            block.escalatedFromId = takedown.id;
            block.enforcementDeadlineMinutes = takedown.enforcementDeadlineMinutes;
            block.status = DirectiveStatus.DRAFT;
            block.createdBy = actor.subject();
            block.createdByName = actor.name();
            block.createdAt = now;
            block.updatedAt = now;
            return repository.persistAndFlush(block).call(b -> copyTargets(takedown.id, b.id, now))
                    .call(b -> audit.append(DirectiveAudit.event(actor, now, "escalated", takedown,
                            Map.of("blockDirective", b.id))))
                    .call(b -> audit.append(DirectiveAudit.event(actor, now, "created", b, DirectiveAudit.fields(b))));
        }).map(directives::view);
    }

    private static void requireApprovedTakedown(Directive d) {
        if (d.kind != DirectiveKind.TAKEDOWN || !d.status.isApproved()) {
            throw ProblemException.conflict("invalid-state", "Directive " + d.id + " is not an approved takedown");
        }
    }

    private static void requireSecondPerson(Directive d, Actor actor) {
        if (actor.subject().equals(d.createdBy) || actor.subject().equals(d.submittedBy)) {
            throw ProblemException.conflict("four-eyes",
                    "Directive " + d.id + " must be decided by someone other than the officer who drafted or submitted it");
        }
    }

    private static void requireConfirmed(List<Long> flagged, List<Long> confirmed) {
        Set<Long> missing = new TreeSet<>(flagged);
        if (confirmed != null) {
            missing.removeAll(confirmed);
        }
        if (!missing.isEmpty()) {
            List<Violation> violations = missing.stream()
                    .map(t -> Violation.ofField("confirmFlaggedTargets", "unconfirmed-guard-override",
                            "target " + t + " tripped a guard; confirm it explicitly to approve"))
                    .toList();
            throw new ProblemException(ErrorCategory.CONFLICT, "unconfirmed-guard-overrides",
                    "Guard overrides need confirmation", missing.size() + " flagged target(s) are not confirmed",
                    violations, violations.size());
        }
    }

    private static Uni<Long> targetCount(long id) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("select count(*) from directive_target where directive_id = :id", Long.class)
                .setParameter("id", id)
                .getSingleResult());
    }

    private static Uni<List<Long>> flaggedTargets(long id) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("select id from directive_target where directive_id = :id"
                        + " and jsonb_array_length(guards) > 0 order by id", Long.class)
                .setParameter("id", id)
                .getResultList());
    }

    private static Uni<Integer> confirmFlagged(long id, Actor actor, Instant now) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("update directive_target set confirmed_by = :by, confirmed_at = :at"
                        + " where directive_id = :id and jsonb_array_length(guards) > 0")
                .setParameter("by", actor.subject())
                .setParameter("at", now)
                .setParameter("id", id)
                .executeUpdate());
    }

    private static Uni<Integer> copyTargets(long from, long to, Instant now) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("insert into directive_target"
                        + " (directive_id, type, value, input, guards, justification, created_at)"
                        + " select :to, type, value, input, guards, justification, :at"
                        + " from directive_target where directive_id = :from")
                .setParameter("to", to)
                .setParameter("at", now)
                .setParameter("from", from)
                .executeUpdate());
    }
}
