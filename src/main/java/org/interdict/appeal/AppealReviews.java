package org.interdict.appeal;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interdict.allowlist.AllowlistService;
import org.interdict.appeal.dto.AppealQueueItem;
import org.interdict.appeal.dto.AppealReviewView;
import org.interdict.appeal.dto.DecisionProposal;
import org.interdict.appeal.dto.ProposalReturn;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.compile.AllowEntry;
import org.interdict.compile.AllowType;
import org.interdict.config.InterdictConfig;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.persistence.Columns;
import org.interdict.persistence.Transactions;
import org.interdict.security.Actor;
import org.interdict.security.Roles;

/**
 * The review of appeals (and ISP error reports) by the authorities whose orders they contest. Each authority
 * concerned has its own review of an appeal and decides for the targets its own orders block: a reviewer of the
 * authority takes the appeal up, proposes a decision with written reasons, and a supervisor of the authority confirms
 * it (four eyes); nobody who drafted, submitted or approved an order concerned may do either. A lifted target reaches
 * ISPs as a permanent allowlist entry naming the appeal once every authority whose orders block it lifted it; an
 * interim suspension is a time-limited one. Reviews are addressed by the appeal's id: the caller's authority picks
 * its review, and an appeal the authority has no review of is unknown to it (404).
 */
@ApplicationScoped
public class AppealReviews {

    /** What a reviewer may propose, and what a confirmed decision is. */
    public static final Set<String> OUTCOMES = Set.of("UPHELD", "PARTIALLY_LIFTED", "LIFTED", "INADMISSIBLE");
    /** Review states a reviewer still acts on. */
    static final Set<String> OPEN = Set.of("RECEIVED", "UNDER_REVIEW");
    private static final Set<String> STATUSES = Set.of("RECEIVED", "UNDER_REVIEW", "DECIDED", "INADMISSIBLE",
            "WITHDRAWN");
    /** Largest queue answered at once: an authority with more open appeals than this has other problems. */
    private static final int QUEUE_LIMIT = 500;

    private final AgroalDataSource dataSource;
    private final AllowlistService allowlist;
    private final AppealNotices notices;
    private final AuditLog audit;
    private final Clock clock;
    private final InterdictConfig.Appeals config;

    public AppealReviews(AgroalDataSource dataSource, AllowlistService allowlist, AppealNotices notices, AuditLog audit,
            Clock clock, InterdictConfig config) {
        this.dataSource = dataSource;
        this.allowlist = allowlist;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
        this.config = config.appeals();
    }

    /** An evidence file for download. */
    public record EvidenceFile(String fileName, String mediaType, byte[] content) {}

    /**
     * The caller's authority's queue: its open reviews (or those in {@code status}) oldest first, so by deadline,
     * with their overdue stages.
     */
    public List<AppealQueueItem> queue(Actor actor, String status) {
        String authority = authorityOf(actor);
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalid("status", "unknown-status", "status is one of "
                    + String.join(", ", STATUSES.stream().sorted().toList()));
        }
        Instant now = clock.instant();
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("select a.id, r.status, a.appellant_kind, a.isp_id,"
                    + " a.report_kind, a.collateral, (select count(*) from appeal_target t where t.appeal_id = a.id),"
                    + " r.received_at, r.reviewer_name, r.proposed_by is not null, r.suspended_until, r.version,"
                    + " r.proposed_by is null and r.returned_at is not null"
                    + " from appeal_review r join appeal a on a.id = r.appeal_id where r.authority_id = ?"
                    + " and r.status = any(?) order by r.received_at, a.id limit ?")) {
                s.setString(1, authority);
                s.setArray(2, c.createArrayOf("text", status == null ? OPEN.toArray() : new Object[] {status}));
                s.setInt(3, QUEUE_LIMIT);
                List<AppealQueueItem> items = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Instant received = r.getTimestamp(8).toInstant();
                        Instant suspended = Columns.instant(r, "suspended_until");
                        items.add(new AppealQueueItem(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6), r.getInt(7), received,
                                Duration.between(received, now).toHours(), received.plus(config.acknowledgeWithin()),
                                received.plus(config.decideWithin()), overdue(r.getString(2), received, now),
                                r.getString(9), r.getBoolean(10), r.getBoolean(13),
                                suspended != null && suspended.isAfter(now) ? suspended : null, r.getInt(12)));
                    }
                }
                return items;
            }
        });
    }

    /** The caller's authority's review of appeal {@code id}, with what was filed. */
    public AppealReviewView detail(Actor actor, long id) {
        String authority = authorityOf(actor);
        return Transactions.read(dataSource, c -> view(c, find(c, id, authority, false)));
    }

    /** An evidence file of an appeal the caller's authority reviews. */
    public EvidenceFile evidence(Actor actor, long id, long evidenceId) {
        String authority = authorityOf(actor);
        return Transactions.read(dataSource, c -> {
            find(c, id, authority, false);
            try (PreparedStatement s = c.prepareStatement("select file_name, media_type, content from appeal_evidence"
                    + " where id = ? and appeal_id = ?")) {
                s.setLong(1, evidenceId);
                s.setLong(2, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw ProblemException.notFound("Evidence file", evidenceId);
                    }
                    return new EvidenceFile(r.getString(1), r.getString(2), r.getBytes(3));
                }
            }
        });
    }

    /**
     * A reviewer of the authority takes the appeal up: under review from now on. A supervisor may also take over a
     * review another reviewer holds (who is away, or late), as long as no proposal of theirs waits for confirmation:
     * that one is confirmed or sent back first.
     */
    public AppealReviewView take(Actor actor, long id, int version) {
        String authority = authorityOf(actor);
        Instant now = clock.instant();
        return Transactions.inTransaction(dataSource, c -> {
            Review review = find(c, id, authority, true);
            requireVersion(review, version);
            boolean takeOver = review.status().equals("UNDER_REVIEW") && actor.has(Roles.SUPERVISOR)
                    && !actor.subject().equals(review.reviewer());
            if (!review.status().equals("RECEIVED") && !takeOver) {
                throw ProblemException.conflict("appeal-state", "Appeal " + id + " is " + review.status()
                        + " for " + authority + "; only a received appeal is taken up, and only a supervisor takes"
                        + " over another reviewer's review");
            }
            if (takeOver && review.proposedOutcome() != null) {
                throw ProblemException.conflict("proposal-pending", "Appeal " + id + " has a decision proposed by "
                        + review.reviewerName() + " waiting for confirmation; confirm it or send it back first");
            }
            requireUninvolved(c, review, actor);
            update(c, review, "status = 'UNDER_REVIEW', reviewer = ?, reviewer_name = ?, taken_at = ?",
                    actor.subject(), actor.displayName(), Timestamp.from(now));
            AppealStatus.follow(c, id, now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("authority", authority);
            if (takeOver) {
                details.put("previousReviewer", review.reviewer());
            }
            audit.append(c, AuditEvent.by(actor, now, takeOver ? "appeal.taken-over" : "appeal.taken",
                    AppealIntake.SUBJECT_TYPE, id, details));
            return view(c, find(c, id, authority, false));
        });
    }

    /** The reviewer proposes a decision; it takes effect once a supervisor confirms it. A new proposal replaces one. */
    public AppealReviewView propose(Actor actor, long id, DecisionProposal proposal) {
        String authority = authorityOf(actor);
        String outcome = proposal.outcome() == null ? "" : proposal.outcome().strip();
        if (!OUTCOMES.contains(outcome)) {
            throw ProblemException.invalid("outcome", "unknown-outcome", "outcome is one of "
                    + String.join(", ", OUTCOMES.stream().sorted().toList()));
        }
        String reasons = proposal.reasons() == null ? "" : proposal.reasons().strip();
        if (reasons.isEmpty()) {
            throw ProblemException.invalid("reasons", "required", "reasons are written for the appellant to read");
        }
        Instant now = clock.instant();
        return Transactions.inTransaction(dataSource, c -> {
            Review review = find(c, id, authority, true);
            requireVersion(review, proposal.version());
            if (!review.status().equals("UNDER_REVIEW")) {
                throw ProblemException.conflict("appeal-state", "Appeal " + id + " is " + review.status() + " for "
                        + authority + "; a decision is proposed while it is under review");
            }
            if (!actor.subject().equals(review.reviewer())) {
                throw ProblemException.conflict("not-reviewer", "Appeal " + id + " is reviewed by "
                        + review.reviewerName() + "; only the reviewer proposes its decision");
            }
            List<Long> lift = liftTargets(c, review, outcome, proposal.liftTargets());
            update(c, review, "proposed_outcome = ?, proposed_lift = ?, proposed_reasons = ?, proposed_by = ?,"
                    + " proposed_by_name = ?, proposed_at = ?", outcome, c.createArrayOf("bigint", lift.toArray()),
                    reasons, actor.subject(), actor.displayName(), Timestamp.from(now));
            audit.append(c, AuditEvent.by(actor, now, "appeal.proposed", AppealIntake.SUBJECT_TYPE, id, Map.of(
                    "authority", authority, "outcome", outcome, "liftTargets", lift)));
            return view(c, find(c, id, authority, false));
        });
    }

    /**
     * A supervisor of the authority other than the proposer confirms the proposed decision: the review is closed,
     * lifted targets go on the allowlist (once every authority concerned lifted them), the interim suspension of the
     * others lapses, and the appellant is told the outcome and the reasons.
     */
    public AppealReviewView confirm(Actor actor, long id, int version) {
        String authority = authorityOf(actor);
        requireSupervisor(actor, "confirm a decision on an appeal");
        Instant now = clock.instant();
        Confirmed done = Transactions.inTransaction(dataSource, c -> {
            Review review = find(c, id, authority, true);
            requireVersion(review, version);
            if (!review.status().equals("UNDER_REVIEW") || review.proposedOutcome() == null) {
                throw ProblemException.conflict("appeal-state", "Appeal " + id + " has no proposed decision to"
                        + " confirm for " + authority);
            }
            if (actor.subject().equals(review.proposedBy())) {
                throw ProblemException.conflict("four-eyes", "Appeal " + id + " must be confirmed by someone other"
                        + " than the reviewer who proposed its decision");
            }
            requireUninvolved(c, review, actor);
            String outcome = review.proposedOutcome();
            update(c, review, "status = ?, outcome = ?, lifted_target_ids = ?, reasons = ?, confirmed_by = ?,"
                    + " confirmed_by_name = ?, closed_at = ?", outcome.equals("INADMISSIBLE") ? "INADMISSIBLE"
                            : "DECIDED", outcome, c.createArrayOf("bigint", review.proposedLift().toArray()),
                    review.proposedReasons(), actor.subject(), actor.displayName(), Timestamp.from(now));
            List<AllowEntry> lifted = allowlist.liftForAppeal(c, id, fullyLifted(c, review), actor);
            int lapsed = allowlist.lapseForAppeal(c, id, suspendedValues(c, review), actor);
            AppealStatus.follow(c, id, now);
            audit.append(c, AuditEvent.by(actor, now, "appeal.decided", AppealIntake.SUBJECT_TYPE, id, Map.of(
                    "authority", authority, "outcome", outcome, "proposedBy", review.proposedBy(), "liftedTargets",
                    review.proposedLift(), "allowlisted", lifted.stream().map(AllowEntry::value).toList())));
            notices.decided(c, id, authority, outcome, review.proposedReasons());
            return new Confirmed(view(c, find(c, id, authority, false)), !lifted.isEmpty() || lapsed > 0);
        });
        if (done.rulesChanged()) {
            allowlist.wakeCompiler("appeal-decided");
        }
        return done.view();
    }

    /**
     * A supervisor who would not confirm the proposed decision sends it back to the reviewer with written remarks:
     * the proposal is withdrawn, the review stays under review with the same reviewer, who proposes again.
     */
    public AppealReviewView returnProposal(Actor actor, long id, ProposalReturn request) {
        String authority = authorityOf(actor);
        requireSupervisor(actor, "send a proposed decision back");
        String remarks = request.remarks() == null ? "" : request.remarks().strip();
        if (remarks.isEmpty()) {
            throw ProblemException.invalid("remarks", "required", "remarks tell the reviewer why the proposal is"
                    + " sent back");
        }
        Instant now = clock.instant();
        return Transactions.inTransaction(dataSource, c -> {
            Review review = find(c, id, authority, true);
            requireVersion(review, request.version());
            if (!review.status().equals("UNDER_REVIEW") || review.proposedOutcome() == null) {
                throw ProblemException.conflict("appeal-state", "Appeal " + id + " has no proposed decision to send"
                        + " back for " + authority);
            }
            if (actor.subject().equals(review.proposedBy())) {
                throw ProblemException.conflict("four-eyes", "Appeal " + id + "'s proposal is sent back by someone"
                        + " other than the reviewer who made it; the reviewer proposes again instead");
            }
            update(c, review, "proposed_outcome = null, proposed_lift = null, proposed_reasons = null,"
                    + " proposed_by = null, proposed_by_name = null, proposed_at = null, returned_remarks = ?,"
                    + " returned_by_name = ?, returned_at = ?", remarks, actor.displayName(), Timestamp.from(now));
            audit.append(c, AuditEvent.by(actor, now, "appeal.returned", AppealIntake.SUBJECT_TYPE, id, Map.of(
                    "authority", authority, "outcome", review.proposedOutcome(), "proposedBy", review.proposedBy(),
                    "remarks", remarks)));
            return view(c, find(c, id, authority, false));
        });
    }

    /**
     * A supervisor suspends the contested targets at once, for an appeal on shared infrastructure (collateral
     * damage claimed, or an ISP's shared-address report) or one whose targets tripped a guard when ordered: each
     * target only this authority's orders block goes on the allowlist until the appeal is decided or the suspension
     * limit passes. URL targets cannot be suspended: the allowlist protects names and addresses only.
     */
    public AppealReviewView suspend(Actor actor, long id, int version) {
        String authority = authorityOf(actor);
        requireSupervisor(actor, "suspend the targets of an appeal");
        Instant now = clock.instant();
        Instant until = now.plus(config.suspensionLimit());
        AppealReviewView view = Transactions.inTransaction(dataSource, c -> {
            Review review = find(c, id, authority, true);
            requireVersion(review, version);
            if (!OPEN.contains(review.status())) {
                throw ProblemException.conflict("appeal-state", "Appeal " + id + " is " + review.status() + " for "
                        + authority + "; only an open appeal's targets are suspended");
            }
            if (review.suspendedUntil() != null && review.suspendedUntil().isAfter(now)) {
                throw ProblemException.conflict("already-suspended", "The targets of appeal " + id + " are suspended"
                        + " until " + review.suspendedUntil());
            }
            if (!review.sharedInfrastructure() && !guardFlagged(c, review)) {
                throw ProblemException.conflict("not-suspendable", "Appeal " + id + " claims no collateral damage and"
                        + " none of its targets tripped a guard: its targets stay blocked until it is decided");
            }
            List<AllowEntry> entries = new ArrayList<>();
            for (ReviewTarget target : targets(c, review)) {
                if (target.onlyHere() && !target.type().equals("URL")) {
                    entries.add(new AllowEntry(allowType(target.type()), target.value(), AllowlistService.appealName(id)
                            + ": interim suspension", "appeal"));
                }
            }
            if (entries.isEmpty()) {
                throw ProblemException.conflict("not-suspendable", "No target of appeal " + id + " can be suspended by "
                        + authority + ": URLs cannot go on the allowlist, and a target another authority's order also"
                        + " blocks is not suspended by one authority alone");
            }
            List<AllowEntry> added = allowlist.suspendForAppeal(c, id, entries, until, actor);
            update(c, review, "suspended_by = ?, suspended_by_name = ?, suspended_at = ?, suspended_until = ?",
                    actor.subject(), actor.displayName(), Timestamp.from(now), Timestamp.from(until));
            audit.append(c, AuditEvent.by(actor, now, "appeal.suspended", AppealIntake.SUBJECT_TYPE, id, Map.of(
                    "authority", authority, "until", until.toString(), "targets",
                    added.stream().map(AllowEntry::value).toList())));
            notices.suspended(c, id, until, entries.stream().map(AllowEntry::value).toList());
            return view(c, find(c, id, authority, false));
        });
        allowlist.wakeCompiler("appeal-suspended");
        return view;
    }

    private record Confirmed(AppealReviewView view, boolean rulesChanged) {}

    /** A review row with what the steps need of its appeal; {@code lock} takes it for update. */
    record Review(long id, long appealId, String authority, String status, String reviewer, String reviewerName,
            String proposedOutcome, List<Long> proposedLift, String proposedReasons, String proposedBy,
            Instant suspendedUntil, boolean sharedInfrastructure, int version) {}

    /** A contested target as one review sees it: whether it decides for it, and whether its orders are all its own. */
    private record ReviewTarget(long id, String type, String value, boolean decidedHere, boolean onlyHere) {}

    private static Review find(Connection c, long appeal, String authority, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select r.id, r.status, r.reviewer, r.reviewer_name,"
                + " r.proposed_outcome, r.proposed_lift, r.proposed_reasons, r.proposed_by, r.suspended_until,"
                + " a.collateral is not null or a.report_kind = 'shared-address', r.version from appeal_review r"
                + " join appeal a on a.id = r.appeal_id where r.appeal_id = ? and r.authority_id = ?"
                + (lock ? " for update of r" : ""))) {
            s.setLong(1, appeal);
            s.setString(2, authority);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw ProblemException.notFound("Appeal", appeal);
                }
                java.sql.Array lift = r.getArray(6);
                return new Review(r.getLong(1), appeal, authority, r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), lift == null ? List.of() : List.of((Long[]) lift.getArray()), r.getString(7),
                        r.getString(8), Columns.instant(r, "suspended_until"), r.getBoolean(10), r.getInt(11));
            }
        }
    }

    private static void update(Connection c, Review review, String set, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update appeal_review set " + set
                + ", version = version + 1 where id = ? and version = ?")) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.setLong(params.length + 1, review.id());
            s.setInt(params.length + 2, review.version());
            if (s.executeUpdate() != 1) {
                throw stale(review.appealId());
            }
        }
    }

    private static void requireVersion(Review review, Integer version) {
        if (version == null || version != review.version()) {
            throw stale(review.appealId());
        }
    }

    private static ProblemException stale(long appeal) {
        return ProblemException.conflict("stale-version", "Someone acted on appeal " + appeal
                + " meanwhile; reload it and try again");
    }

    /** Refuses whoever drafted, submitted or approved an order the appeal contests. */
    private static void requireUninvolved(Connection c, Review review, Actor actor) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select d.id, d.legal_reference from directive d where d.id in"
                + " (select unnest(t.directive_ids) from appeal_target t where t.appeal_id = ?)"
                + " and ? in (d.created_by, coalesce(d.submitted_by, ''), coalesce(d.decided_by, '')) order by d.id")) {
            s.setLong(1, review.appealId());
            s.setString(2, actor.subject());
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    throw ProblemException.conflict("reviewer-involved", actor.displayName() + " drafted, submitted"
                            + " or approved order " + r.getString(2) + " (directive " + r.getLong(1) + "), which"
                            + " appeal " + review.appealId() + " contests; someone not involved in it must act");
                }
            }
        }
    }

    private static void requireSupervisor(Actor actor, String action) {
        if (!actor.has(Roles.SUPERVISOR)) {
            throw new ProblemException(ErrorCategory.FORBIDDEN, "forbidden", "Forbidden", "Only a supervisor may "
                    + action);
        }
    }

    private static String authorityOf(Actor actor) {
        if (actor.authority() == null) {
            throw new ProblemException(ErrorCategory.FORBIDDEN, "no-authority", "Forbidden", "Appeals are reviewed by"
                    + " the officers and supervisors of an authority; your sign-in names none");
        }
        return actor.authority();
    }

    /** The targets to lift for {@code outcome}, checked against the targets this authority decides for. */
    private static List<Long> liftTargets(Connection c, Review review, String outcome, List<Long> requested)
            throws SQLException {
        List<ReviewTarget> own = targets(c, review).stream().filter(ReviewTarget::decidedHere).toList();
        List<Long> lift = switch (outcome) {
            case "LIFTED" -> own.stream().map(ReviewTarget::id).toList();
            case "PARTIALLY_LIFTED" -> requested == null ? List.of() : List.copyOf(new LinkedHashSet<>(requested));
            default -> List.of();
        };
        if (outcome.equals("PARTIALLY_LIFTED")) {
            Set<Long> ownIds = new LinkedHashSet<>(own.stream().map(ReviewTarget::id).toList());
            List<Long> foreign = lift.stream().filter(t -> !ownIds.contains(t)).toList();
            if (!foreign.isEmpty()) {
                throw ProblemException.invalid("liftTargets", "unknown-target", "targets " + foreign + " are not"
                        + " contested targets of appeal " + review.appealId() + " blocked by orders of "
                        + review.authority());
            }
            if (lift.isEmpty() || lift.size() == ownIds.size()) {
                throw ProblemException.invalid("liftTargets", "partial-lift", "a partial lift names some, not none"
                        + " and not all, of the " + ownIds.size() + " targets " + review.authority() + " decides for");
            }
        }
        for (ReviewTarget target : own) {
            if (lift.contains(target.id()) && target.type().equals("URL")) {
                throw ProblemException.conflict("url-not-liftable", "Target " + target.value() + " is a URL: the"
                        + " allowlist protects names and addresses only. Revoke or replace the order through the"
                        + " directive workflow, and propose the decision without this target");
            }
        }
        return lift;
    }

    private static List<ReviewTarget> targets(Connection c, Review review) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select t.id, t.type, t.value,"
                + " bool_or(d.authority_id = ?), bool_and(d.authority_id is not distinct from ?) from appeal_target t"
                + " join directive d on d.id = any(t.directive_ids) where t.appeal_id = ?"
                + " group by t.id, t.type, t.value order by t.id")) {
            s.setString(1, review.authority());
            s.setString(2, review.authority());
            s.setLong(3, review.appealId());
            List<ReviewTarget> targets = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    targets.add(new ReviewTarget(r.getLong(1), r.getString(2), r.getString(3), r.getBoolean(4),
                            r.getBoolean(5)));
                }
            }
            return targets;
        }
    }

    /**
     * The targets this review lifts whose every blocking authority has now lifted them: only these go on the
     * allowlist, which applies to every order.
     */
    private static List<AllowEntry> fullyLifted(Connection c, Review review) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select t.type, t.value from appeal_target t"
                + " where t.appeal_id = ? and t.id = any(?) and t.type <> 'URL'"
                + " and not exists (select 1 from directive d where d.id = any(t.directive_ids) and d.authority_id is distinct from ? and not exists (select 1"
                + " from appeal_review o where o.appeal_id = t.appeal_id and o.authority_id = d.authority_id"
                + " and o.status = 'DECIDED' and t.id = any(o.lifted_target_ids))) order by t.id")) {
            s.setLong(1, review.appealId());
            s.setArray(2, c.createArrayOf("bigint", review.proposedLift().toArray()));
            s.setString(3, review.authority());
            List<AllowEntry> entries = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new AllowEntry(allowType(r.getString(1)), r.getString(2),
                            AllowlistService.appealName(review.appealId()) + ": lifted", "appeal"));
                }
            }
            return entries;
        }
    }

    /** The allowlist values ({@code TYPE value}) of the targets this review decides for. */
    private static List<String> suspendedValues(Connection c, Review review) throws SQLException {
        return targets(c, review).stream().filter(t -> t.decidedHere() && !t.type().equals("URL"))
                .map(t -> allowType(t.type()).name() + " " + t.value()).toList();
    }

    private static boolean guardFlagged(Connection c, Review review) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select exists (select 1 from appeal_target t"
                + " join directive_target dt on dt.directive_id = any(t.directive_ids) and dt.type = t.type"
                + " and dt.value = t.value where t.appeal_id = ? and dt.guards <> '[]'::jsonb)")) {
            s.setLong(1, review.appealId());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    static AllowType allowType(String targetType) {
        return targetType.equals("IP") ? AllowType.CIDR : AllowType.valueOf(targetType);
    }

    /** The stages the review is overdue for at {@code now}. */
    List<String> overdue(String status, Instant received, Instant now) {
        List<String> stages = new ArrayList<>();
        if (status.equals("RECEIVED") && now.isAfter(received.plus(config.acknowledgeWithin()))) {
            stages.add("acknowledge");
        }
        if (OPEN.contains(status) && now.isAfter(received.plus(config.decideWithin()))) {
            stages.add("decide");
        }
        return stages;
    }

    private AppealReviewView view(Connection c, Review review) throws SQLException {
        Instant now = clock.instant();
        long id = review.appealId();
        try (PreparedStatement s = c.prepareStatement("select a.status, a.appellant_kind, a.email, a.isp_id,"
                + " a.report_kind, a.collateral, a.grounds, a.filed_at, r.received_at, r.status, r.reviewer_name,"
                + " r.taken_at, r.proposed_outcome, r.proposed_lift, r.proposed_reasons, r.proposed_by_name,"
                + " r.proposed_at, r.outcome, r.lifted_target_ids, r.reasons, r.confirmed_by_name, r.closed_at,"
                + " r.suspended_by_name, r.suspended_at, r.suspended_until, r.returned_remarks, r.returned_by_name,"
                + " r.returned_at, r.version"
                + " from appeal a join appeal_review r on r.appeal_id = a.id where r.id = ?")) {
            s.setLong(1, review.id());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                Instant received = r.getTimestamp("received_at").toInstant();
                String status = r.getString(10);
                AppealReviewView.Proposal proposal = r.getString("proposed_outcome") == null || !OPEN.contains(status)
                        ? null : new AppealReviewView.Proposal(r.getString("proposed_outcome"),
                                longs(r.getArray("proposed_lift")), r.getString("proposed_reasons"),
                                r.getString("proposed_by_name"), Columns.instant(r, "proposed_at"));
                AppealReviewView.Decision decision = r.getString("outcome") == null ? null
                        : new AppealReviewView.Decision(r.getString("outcome"), longs(r.getArray("lifted_target_ids")),
                                r.getString("reasons"), r.getString("proposed_by_name"),
                                r.getString("confirmed_by_name"), Columns.instant(r, "closed_at"));
                Instant until = Columns.instant(r, "suspended_until");
                List<String> suspended = suspendedNow(c, id);
                AppealReviewView.Suspension suspension = until == null ? null : new AppealReviewView.Suspension(
                        r.getString("suspended_by_name"), Columns.instant(r, "suspended_at"), until, suspended);
                AppealReviewView.Returned returned = r.getString("returned_remarks") == null || !OPEN.contains(status)
                        ? null : new AppealReviewView.Returned(r.getString("returned_by_name"),
                                Columns.instant(r, "returned_at"), r.getString("returned_remarks"));
                List<Long> lifted = longs(r.getArray("lifted_target_ids"));
                return new AppealReviewView(id, review.authority(), status, r.getString(1), r.getString(2),
                        r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                        r.getTimestamp(8).toInstant(), received, received.plus(config.acknowledgeWithin()),
                        received.plus(config.decideWithin()), overdue(status, received, now),
                        viewTargets(c, review, lifted, suspended), evidenceList(c, id), r.getString(11),
                        Columns.instant(r, "taken_at"), proposal, decision, suspension, returned, r.getInt("version"));
            }
        }
    }

    private static List<String> suspendedNow(Connection c, long appeal) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select value from allowlist_entry where appeal_id = ?"
                + " and expires_at is not null order by id")) {
            s.setLong(1, appeal);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
        }
        return values;
    }

    private static List<AppealReviewView.Target> viewTargets(Connection c, Review review, List<Long> lifted,
            List<String> suspended) throws SQLException {
        Map<Long, List<AppealReviewView.Order>> orders = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("select t.id, d.id, d.legal_reference,"
                + " coalesce(d.authority_id, d.authority_legacy), d.status from appeal_target t"
                + " join directive d on d.id = any(t.directive_ids) where t.appeal_id = ? order by t.id, d.id")) {
            s.setLong(1, review.appealId());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    orders.computeIfAbsent(r.getLong(1), t -> new ArrayList<>()).add(new AppealReviewView.Order(
                            r.getLong(2), r.getString(3), r.getString(4), r.getString(5)));
                }
            }
        }
        List<AppealReviewView.Target> targets = new ArrayList<>();
        for (ReviewTarget target : targets(c, review)) {
            targets.add(new AppealReviewView.Target(target.id(), target.type(), target.value(), target.decidedHere(),
                    lifted.contains(target.id()), suspended.contains(target.value()),
                    orders.getOrDefault(target.id(), List.of())));
        }
        return targets;
    }

    private static List<AppealReviewView.Evidence> evidenceList(Connection c, long appeal) throws SQLException {
        List<AppealReviewView.Evidence> files = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, file_name, media_type, size, sha256"
                + " from appeal_evidence where appeal_id = ? order by id")) {
            s.setLong(1, appeal);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    files.add(new AppealReviewView.Evidence(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4),
                            r.getString(5)));
                }
            }
        }
        return files;
    }

    private static List<Long> longs(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : List.of((Long[]) array.getArray());
    }
}
