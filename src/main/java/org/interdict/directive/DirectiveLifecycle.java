package org.interdict.directive;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.interdict.alert.AlertPeriods;
import org.interdict.audit.AuditLog;
import org.interdict.config.InterdictConfig;
import org.interdict.directive.dto.ComplianceReport;
import org.interdict.directive.dto.Decision;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.directive.dto.EscalationRequest;
import org.interdict.directive.dto.Rejection;
import org.interdict.directive.dto.RevocationRequest;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.error.Violation;
import org.interdict.persistence.Columns;
import org.interdict.persistence.Transactions;
import org.interdict.ruleset.ChangeLog;
import org.interdict.security.Actor;

/**
 * The lifecycle steps: submit, approve or reject (four eyes), revoke, takedown compliance and escalation. Each step
 * locks the directive's row first, so of two people acting on one directive at once one wins and the other is
 * refused with a 409 that says why (the state it found), and nothing is half-written.
 */
@ApplicationScoped
public class DirectiveLifecycle {

    private final AgroalDataSource dataSource;
    private final DirectiveService directives;
    private final AuditLog audit;
    private final DirectiveNotices notices;
    private final Clock clock;
    private final Duration defaultDeadline;

    public DirectiveLifecycle(AgroalDataSource dataSource, DirectiveService directives, AuditLog audit,
            DirectiveNotices notices, Clock clock, InterdictConfig config) {
        this.dataSource = dataSource;
        this.notices = notices;
        this.defaultDeadline = config.compliance().enforcementDeadline();
        this.directives = directives;
        this.audit = audit;
        this.clock = clock;
    }

    public DirectiveView submit(long id, Actor actor) {
        return Transactions.inTransaction(dataSource, c -> {
            Directive d = DirectiveService.lockOwn(c, id, actor, "submit");
            DirectiveValidation.requireStatus(d, DirectiveStatus.DRAFT, "submitted");
            IssuingAuthority.requireInScope(IssuingAuthority.ofActor(c, actor), d);
            if (targetCount(c, id) == 0) {
                throw ProblemException.conflict("no-targets", "Directive " + id + " has no targets to submit");
            }
            d.status = DirectiveStatus.PENDING_APPROVAL;
            d.submittedBy = actor.subject();
            d.submittedByName = actor.name();
            d.submittedAt = clock.instant();
            d.updatedAt = d.submittedAt;
            DirectiveRepository.update(c, d);
            audit.append(c, DirectiveAudit.transition(actor, d.submittedAt, "submitted", d, DirectiveStatus.DRAFT,
                    Map.of()));
            return directives.view(c, d);
        });
    }

    public DirectiveView approve(long id, Decision decision, Actor actor) {
        return Transactions.inTransaction(dataSource, c -> {
            Directive d = DirectiveService.lockOwn(c, id, actor, "approve");
            DirectiveValidation.requireStatus(d, DirectiveStatus.PENDING_APPROVAL, "approved");
            requireSecondPerson(d, actor);
            IssuingAuthority.requireInScope(IssuingAuthority.ofActor(c, actor), d);
            Instant now = clock.instant();
            DirectiveStatus next = DirectiveStatus.approvedAt(now, d.effectiveFrom, d.expiresAt);
            if (next == DirectiveStatus.EXPIRED) {
                throw ProblemException.conflict("already-expired",
                        "Directive " + id + " expired at " + d.expiresAt + "; it can no longer take effect");
            }
            List<Long> flagged = flaggedTargets(c, id);
            requireConfirmed(flagged, decision == null ? null : decision.confirmFlaggedTargets());
            String comment = decision == null || decision.comment() == null || decision.comment().isBlank() ? null
                    : decision.comment().strip();
            // Approved during an alert period, it takes the period's shorter enforcement deadline.
            Optional<AlertPeriods.Deadline> alert = AlertPeriods.enforcementDeadline(c, now, d.allIsps,
                    List.of(d.audience));
            int deadline = d.enforcementDeadlineMinutes != null ? d.enforcementDeadlineMinutes
                    : (int) defaultDeadline.toMinutes();
            boolean shortened = alert.isPresent() && alert.get().minutes() < deadline;
            if (shortened) {
                d.enforcementDeadlineMinutes = alert.get().minutes();
            }
            d.status = next;
            d.decidedBy = actor.subject();
            d.decidedByName = actor.name();
            d.decidedAt = now;
            d.decisionComment = comment;
            d.updatedAt = now;
            DirectiveRepository.update(c, d);
            confirmFlagged(c, id, actor, now);
            ChangeLog.record(c, d.id, "approved", now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("confirmedGuardOverrides", flagged);
            if (comment != null) {
                details.put("comment", comment);
            }
            if (shortened) {
                details.put("alertPeriod", alert.get().period());
                details.put("enforcementDeadlineMinutes", alert.get().minutes());
            }
            // In force at once: its ISPs are told now; a scheduled one is told when it is activated.
            notices.tellIsps(c, d.id);
            audit.append(c, DirectiveAudit.transition(actor, now, "approved", d, DirectiveStatus.PENDING_APPROVAL,
                    details));
            // An ISP whose rule set the breaker holds will not receive this approval until someone decides.
            return directives.viewWithHolds(c, d, actor);
        });
    }

    public DirectiveView reject(long id, Rejection rejection, Actor actor) {
        return Transactions.inTransaction(dataSource, c -> {
            Directive d = DirectiveService.lockOwn(c, id, actor, "reject");
            DirectiveValidation.requireStatus(d, DirectiveStatus.PENDING_APPROVAL, "rejected");
            requireSecondPerson(d, actor);
            d.status = DirectiveStatus.REJECTED;
            d.rejectionReason = rejection.reason().strip();
            d.decidedBy = actor.subject();
            d.decidedByName = actor.name();
            d.decidedAt = clock.instant();
            d.updatedAt = d.decidedAt;
            DirectiveRepository.update(c, d);
            audit.append(c, DirectiveAudit.transition(actor, d.decidedAt, "rejected", d,
                    DirectiveStatus.PENDING_APPROVAL, Map.of("reason", d.rejectionReason)));
            return directives.view(c, d);
        });
    }

    public DirectiveView revoke(long id, RevocationRequest request, Actor actor) {
        return Transactions.inTransaction(dataSource, c -> {
            Directive d = DirectiveService.lockOwn(c, id, actor, "revoke");
            Instant now = clock.instant();
            DirectiveStatus current = d.statusAt(now);
            if (current != DirectiveStatus.SCHEDULED && current != DirectiveStatus.ACTIVE) {
                throw ProblemException.conflict("invalid-state",
                        "Directive " + id + " is " + current + "; only a SCHEDULED or ACTIVE directive can be revoked");
            }
            d.status = DirectiveStatus.REVOKED;
            d.revokedBy = actor.subject();
            d.revokedByName = actor.name();
            d.revokedAt = now;
            d.revocationReason = request.reason().strip();
            d.revocationReference = request.reference().strip();
            d.updatedAt = now;
            DirectiveRepository.update(c, d);
            ChangeLog.record(c, d.id, "revoked", now);
            audit.append(c, DirectiveAudit.transition(actor, now, "revoked", d, current,
                    Map.of("reason", d.revocationReason, "reference", d.revocationReference)));
            return directives.view(c, d);
        });
    }

    public DirectiveView recordCompliance(long id, ComplianceReport report, Actor actor) {
        return Transactions.inTransaction(dataSource, c -> {
            Directive d = DirectiveService.lockOwn(c, id, actor, "record the takedown compliance of");
            requireApprovedTakedown(d);
            d.takedownComplied = report.complied();
            d.takedownRecordedAt = clock.instant();
            d.updatedAt = d.takedownRecordedAt;
            DirectiveRepository.update(c, d);
            audit.append(c, DirectiveAudit.event(actor, d.takedownRecordedAt, "takedown-compliance", d,
                    Map.of("complied", d.takedownComplied)));
            return directives.view(c, d);
        });
    }

    /**
     * Makes a BLOCK draft with the takedown's targets, audience and category, referencing the takedown. A takedown
     * is escalated once: a second escalation (also one racing the first) is a 409 naming the draft made.
     */
    public DirectiveView escalate(long id, EscalationRequest request, Actor actor) {
        return Transactions.inTransaction(dataSource, c -> {
            Directive takedown = DirectiveService.lockOwn(c, id, actor, "escalate");
            requireApprovedTakedown(takedown);
            Instant now = clock.instant();
            boolean unheeded = Boolean.FALSE.equals(takedown.takedownComplied)
                    || (takedown.takedownComplied == null && now.isAfter(takedown.takedownDeadline));
            if (!unheeded) {
                throw ProblemException.conflict("takedown-not-overdue", "Takedown " + id
                        + " can be escalated once its host has not complied by the deadline");
            }
            Long earlier = DirectiveRepository.escalationOf(c, id);
            if (earlier != null) {
                throw ProblemException.conflict("already-escalated",
                        "Takedown " + id + " was already escalated into directive " + earlier);
            }
            Directive block = new Directive();
            block.legalReference = request != null && request.legalReference() != null
                    ? request.legalReference().strip() : takedown.legalReference;
            block.title = request != null && request.title() != null
                    ? request.title().strip() : "Block after unheeded takedown: " + takedown.title;
            block.authorityId = takedown.authorityId;
            block.authorityLegacy = takedown.authorityLegacy;
            block.issuedOn = now.atZone(ZoneOffset.UTC).toLocalDate();
            block.kind = DirectiveKind.BLOCK;
            block.category = takedown.category;
            block.legalBasis = takedown.legalBasis;
            block.allIsps = takedown.allIsps;
            block.audience = takedown.audience.clone();
            block.effectiveFrom = now;
            block.escalatedFromId = takedown.id;
            block.enforcementDeadlineMinutes = takedown.enforcementDeadlineMinutes;
            block.draftedBy(actor, now);
            DirectiveRepository.insert(c, block);
            copyTargets(c, takedown.id, block.id, now);
            audit.append(c, DirectiveAudit.event(actor, now, "escalated", takedown, Map.of("blockDirective", block.id)));
            audit.append(c, DirectiveAudit.event(actor, now, "created", block, DirectiveAudit.fields(block)));
            return directives.view(c, block);
        });
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

    private static long targetCount(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from directive_target where directive_id = ?")) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<Long> flaggedTargets(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id from directive_target where directive_id = ?"
                + " and jsonb_array_length(guards) > 0 order by id")) {
            s.setLong(1, id);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private static void confirmFlagged(Connection c, long id, Actor actor, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update directive_target set confirmed_by = ?, confirmed_at = ?"
                + " where directive_id = ? and jsonb_array_length(guards) > 0")) {
            s.setString(1, actor.subject());
            Columns.set(s, 2, now);
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    private static void copyTargets(Connection c, long from, long to, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into directive_target"
                + " (directive_id, type, value, input, guards, justification, created_at)"
                + " select ?, type, value, input, guards, justification, ?"
                + " from directive_target where directive_id = ?")) {
            s.setLong(1, to);
            Columns.set(s, 2, now);
            s.setLong(3, from);
            s.executeUpdate();
        }
    }
}
