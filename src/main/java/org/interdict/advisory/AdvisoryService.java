package org.interdict.advisory;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interdict.advisory.dto.AdvisoryInput;
import org.interdict.advisory.dto.AdvisoryView;
import org.interdict.advisory.dto.RecipientState;
import org.interdict.advisory.dto.StatusReport;
import org.interdict.advisory.dto.TrackingView;
import org.interdict.advisory.dto.Withdrawal;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.export.CsvWriter;
import org.interdict.notification.Notifications;
import org.interdict.persistence.Registries;
import org.interdict.persistence.Transactions;
import org.interdict.security.Actor;
import org.interdict.security.RecipientScope;
import org.interdict.security.RecipientScope.Recipient;
import org.interdict.security.Roles;

/**
 * Security advisories. An officer drafts one for the authority of the token; a supervisor of the same authority who
 * did not draft it publishes it (four-eyes), which fixes its recipients from the audience. A supervisor of the
 * authority revises a published advisory (every recipient is told of the new revision and owes a new
 * acknowledgement) and the authority's people withdraw one. Publication and revisions e-mail the recipients'
 * contact points and call their webhooks, through the outbox, in the same transaction. Recipients see only what is addressed to them,
 * acknowledge it and report their remediation status. Concurrent changes of one advisory are serialised on its
 * row; the loser of a race finds the state moved on and gets a 409 with a stable code.
 */
@ApplicationScoped
public class AdvisoryService {

    static final String SUBJECT = "advisory";
    private static final int LIST_LIMIT = 500;

    private final AgroalDataSource dataSource;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Clock clock;

    public AdvisoryService(AgroalDataSource dataSource, AuditLog audit, Notifications notifications,
            Clock clock) {
        this.dataSource = dataSource;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    public AdvisoryView draft(AdvisoryInput input, Actor actor) {
        requireAddressee(input.audience());
        return Transactions.inTransaction(dataSource, c -> {
            checkAudience(c, input.audience());
            Instant now = clock.instant();
            long id = AdvisoryRepository.insert(c, actor.authority(), input, actor.subject(),
                    actor.displayName(), now);
            Advisory created = require(c, id, false);
            audit.append(c, AuditEvent.by(actor, now, "advisory.drafted", SUBJECT, id, Map.of("after", fields(created))));
            return view(c, created, actor);
        });
    }

    /** Replaces a draft's content; with {@code expectedVersion} (the ETag read before), a moved-on version is a 409. */
    public AdvisoryView edit(long id, AdvisoryInput input, Integer expectedVersion, Actor actor) {
        requireAddressee(input.audience());
        return Transactions.inTransaction(dataSource, c -> {
            Advisory a = lockOwn(c, id, actor);
            requireStatus(a, Advisory.DRAFT, "edited");
            requireVersion(a, expectedVersion);
            checkAudience(c, input.audience());
            Instant now = clock.instant();
            AdvisoryRepository.updateContent(c, id, input, now);
            Advisory edited = require(c, id, false);
            audit.append(c, AuditEvent.by(actor, now, "advisory.edited", SUBJECT, id,
                    Map.of("before", fields(a), "after", fields(edited))));
            return view(c, edited, actor);
        });
    }

    public AdvisoryView publish(long id, Integer expectedVersion, Actor actor) {
        return Transactions.inTransaction(dataSource, c -> {
            Advisory a = lockOwn(c, id, actor);
            requireStatus(a, Advisory.DRAFT, "published");
            requireVersion(a, expectedVersion);
            if (actor.subject().equals(a.draftedBy())) {
                throw ProblemException.conflict("four-eyes",
                        "Advisory " + id + " must be published by a supervisor other than the officer who drafted it");
            }
            Instant now = clock.instant();
            AdvisoryRepository.transition(c, id, "status = 'PUBLISHED', revision = 1, published_by = ?,"
                    + " published_by_name = ?, published_at = ?", now, actor.subject(), actor.displayName(), now);
            Advisory published = require(c, id, false);
            List<Recipient> told = AdvisoryRepository.tell(c, published, 1);
            AdvisoryNotices.tell(c, notifications, published, told, "advisory.published");
            audit.append(c, AuditEvent.by(actor, now, "advisory.published", SUBJECT, id,
                    Map.of("revision", 1, "recipients", keys(told))));
            return view(c, published, actor);
        });
    }

    /** A new revision of a published advisory, by a supervisor of its authority: every recipient is told again. */
    public AdvisoryView revise(long id, AdvisoryInput input, Integer expectedVersion, Actor actor) {
        requireAddressee(input.audience());
        return Transactions.inTransaction(dataSource, c -> {
            Advisory a = lockOwn(c, id, actor);
            requireStatus(a, Advisory.PUBLISHED, "revised");
            requireVersion(a, expectedVersion);
            checkAudience(c, input.audience());
            Instant now = clock.instant();
            AdvisoryRepository.updateContent(c, id, input, now);
            int revision = a.revision() + 1;
            AdvisoryRepository.transition(c, id, "revision = ?, revised_at = ?", now, revision, now);
            Advisory revised = require(c, id, false);
            List<Recipient> added = AdvisoryRepository.tell(c, revised, revision);
            AdvisoryNotices.tell(c, notifications, revised, AdvisoryRepository.recipientsOf(c, id), "advisory.revised");
            audit.append(c, AuditEvent.by(actor, now, "advisory.revised", SUBJECT, id, Map.of("revision", revision,
                    "before", fields(a), "after", fields(revised), "addedRecipients", keys(added))));
            return view(c, revised, actor);
        });
    }

    public AdvisoryView withdraw(long id, Withdrawal withdrawal, Actor actor) {
        return Transactions.inTransaction(dataSource, c -> {
            Advisory a = lockOwn(c, id, actor);
            if (a.status().equals(Advisory.WITHDRAWN)) {
                throw ProblemException.conflict("advisory-withdrawn", "Advisory " + id + " is already withdrawn");
            }
            Instant now = clock.instant();
            String reason = withdrawal.reason().strip();
            AdvisoryRepository.transition(c, id, "status = 'WITHDRAWN', withdrawn_by = ?, withdrawn_by_name = ?,"
                    + " withdrawn_at = ?, withdrawal_reason = ?", now, actor.subject(), actor.displayName(), now,
                    reason);
            audit.append(c, AuditEvent.by(actor, now, "advisory.withdrawn", SUBJECT, id,
                    Map.of("reason", reason, "was", a.status())));
            return view(c, require(c, id, false), actor);
        });
    }

    public List<AdvisoryView> list(Actor actor) {
        return Transactions.read(dataSource, c -> {
            Recipient own = RecipientScope.readsEveryRecipient(actor) ? null : ownOrNothing(actor);
            if (!RecipientScope.readsEveryRecipient(actor) && own == null) {
                return List.of();
            }
            String authority = actor.has(Roles.AUDITOR) || actor.has(Roles.ADMIN) ? null : actor.authority();
            List<AdvisoryView> views = new java.util.ArrayList<>();
            for (Advisory a : AdvisoryRepository.list(c, own, authority, LIST_LIMIT)) {
                views.add(view(c, a, actor));
            }
            return views;
        });
    }

    public AdvisoryView get(long id, Actor actor) {
        return Transactions.read(dataSource, c -> view(c, requireVisible(c, id, actor), actor));
    }

    /** The recipient acknowledges the current revision; acknowledging it again changes nothing. */
    public RecipientState acknowledge(long id, Recipient recipient, Actor actor) {
        return Transactions.inTransaction(dataSource, c -> {
            Advisory a = requireAddressed(c, id, recipient);
            RecipientState state = AdvisoryRepository.recipient(c, id, recipient, true).orElseThrow();
            if (state.acknowledgedRevision() != null && state.acknowledgedRevision() >= a.revision()) {
                return state;
            }
            Instant now = clock.instant();
            AdvisoryRepository.acknowledge(c, id, recipient, a.revision(), actor.subject(), actor.displayName(),
                    now);
            audit.append(c, AuditEvent.by(actor, now, "advisory.acknowledged", SUBJECT, id,
                    Map.of("recipient", recipient.key(), "revision", a.revision())));
            return AdvisoryRepository.recipient(c, id, recipient, false).orElseThrow();
        });
    }

    public RecipientState reportStatus(long id, Recipient recipient, StatusReport report, Actor actor) {
        Instant now = clock.instant();
        Instant at = report.at() == null ? now : report.at();
        if (at.isAfter(now.plus(org.interdict.paging.QueryParams.CLOCK_DRIFT))) {
            throw ProblemException.invalid("at", "in-the-future", "the status cannot have been reached after now");
        }
        return Transactions.inTransaction(dataSource, c -> {
            Advisory a = requireAddressed(c, id, recipient);
            AdvisoryRepository.recipient(c, id, recipient, true).orElseThrow();
            String note = report.note() == null || report.note().isBlank() ? null : report.note().strip();
            AdvisoryRepository.reportStatus(c, id, recipient, report.status(), note, at, actor.subject(),
                    actor.displayName(), now);
            // A status report shows the advisory was received: it acknowledges the current revision too.
            AdvisoryRepository.acknowledge(c, id, recipient, a.revision(), actor.subject(), actor.displayName(),
                    now);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("recipient", recipient.key());
            summary.put("status", report.status());
            summary.put("at", at.toString());
            if (note != null) {
                summary.put("note", note);
            }
            audit.append(c, AuditEvent.by(actor, now, "advisory.status-reported", SUBJECT, id, summary));
            return AdvisoryRepository.recipient(c, id, recipient, false).orElseThrow();
        });
    }

    /** Who has acknowledged, patched, is late or silent: for the issuing authority, auditors and administrators. */
    public TrackingView tracking(long id, Actor actor) {
        return Transactions.read(dataSource, c -> {
            Advisory a = requireTracker(c, id, actor);
            Instant now = clock.instant();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Standing standing : Standing.values()) {
                counts.put(standing.code(), 0);
            }
            List<RecipientState> recipients = AdvisoryRepository.recipients(c, id).stream().map(r -> {
                Standing standing = Standing.of(r.status(), r.acknowledgedRevision(), r.toldRevision(),
                        a.content().remediationDeadline(), now);
                counts.merge(standing.code(), 1, Integer::sum);
                return withStanding(r, standing);
            }).toList();
            return new TrackingView(id, a.revision(), a.content().remediationDeadline(), now, counts, recipients);
        });
    }

    /** The tracking table as CSV (RFC 4180), one row per recipient. */
    public String trackingCsv(long id, Actor actor) {
        TrackingView tracking = tracking(id, actor);
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        try {
            csv.row("recipient", "name", "standing", "told_revision", "acknowledged_revision", "acknowledged_at",
                    "status", "status_at", "note");
            for (RecipientState r : tracking.recipients()) {
                csv.row(r.recipient(), text(r.name()), r.standing(), Integer.toString(r.toldRevision()),
                        text(r.acknowledgedRevision()), text(r.acknowledgedAt()), text(r.status()),
                        text(r.statusAt()), text(r.statusNote()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static RecipientState withStanding(RecipientState r, Standing standing) {
        return new RecipientState(r.recipient(), r.name(), r.toldRevision(), r.acknowledgedRevision(),
                r.acknowledgedAt(), r.acknowledgedBy(), r.acknowledgedByName(), r.status(), r.statusNote(),
                r.statusAt(), r.statusReportedAt(), standing.code());
    }

    private static Recipient ownOrNothing(Actor actor) {
        return RecipientScope.own(actor).orElse(null);
    }

    private static void requireAddressee(AdvisoryInput.Audience audience) {
        if (!audience.everyIsp() && !audience.everyAgency() && audience.listedIsps().isEmpty()
                && audience.listedAgencies().isEmpty()) {
            throw ProblemException.invalid("audience", "no-recipient",
                    "an advisory must address every ISP, every agency, or some listed ISPs or agencies");
        }
    }

    private void checkAudience(Connection c, AdvisoryInput.Audience audience) throws SQLException {
        Registries.ISP.requireRegistered(c, audience.listedIsps(), "audience.isps");
        Registries.AGENCY.requireRegistered(c, audience.listedAgencies(), "audience.agencies");
    }

    private static Advisory require(Connection c, long id, boolean lock) throws SQLException {
        return AdvisoryRepository.find(c, id, lock).orElseThrow(() -> ProblemException.notFound("Advisory", id));
    }

    /**
     * The advisory locked for a change by its authority's people: another authority's draft is not found, another
     * authority's published advisory is theirs to change (403).
     */
    private static Advisory lockOwn(Connection c, long id, Actor actor) throws SQLException {
        Advisory a = require(c, id, true);
        if (!a.authorityId().equals(actor.authority())) {
            if (a.status().equals(Advisory.DRAFT)) {
                throw ProblemException.notFound("Advisory", id);
            }
            throw new ProblemException(ErrorCategory.FORBIDDEN, "other-authority", "Forbidden",
                    "Advisory " + id + " was issued by " + a.authorityId() + "; only its people may change it");
        }
        return a;
    }

    private static void requireStatus(Advisory a, String status, String done) {
        if (a.status().equals(status)) {
            return;
        }
        String detail = "Advisory " + a.id() + " is " + a.status() + "; only a " + status + " advisory can be " + done;
        throw switch (a.status()) {
            case Advisory.DRAFT -> ProblemException.conflict("advisory-draft", detail);
            case Advisory.PUBLISHED -> ProblemException.conflict("advisory-published", detail);
            default -> ProblemException.conflict("advisory-withdrawn", detail);
        };
    }

    private static void requireVersion(Advisory a, Integer expected) {
        if (expected != null && expected != a.version()) {
            throw ProblemException.conflict("stale-version", "Advisory " + a.id() + " is at version " + a.version()
                    + ", not " + expected + "; reload it and apply the change again");
        }
    }

    /** What the caller may read: recipients what is addressed to them once published; drafts their authority's. */
    private static Advisory requireVisible(Connection c, long id, Actor actor) throws SQLException {
        Advisory a = require(c, id, false);
        if (RecipientScope.readsEveryRecipient(actor)) {
            boolean everything = actor.has(Roles.AUDITOR) || actor.has(Roles.ADMIN);
            if (a.status().equals(Advisory.DRAFT) && !everything && !a.authorityId().equals(actor.authority())) {
                throw ProblemException.notFound("Advisory", id);
            }
            return a;
        }
        Recipient own = ownOrNothing(actor);
        if (own == null || a.status().equals(Advisory.DRAFT)
                || AdvisoryRepository.recipient(c, id, own, false).isEmpty()) {
            throw ProblemException.notFound("Advisory", id);
        }
        return a;
    }

    /** A published advisory addressed to the recipient, locked; withdrawn ones take no more reports. */
    private static Advisory requireAddressed(Connection c, long id, Recipient recipient) throws SQLException {
        Advisory a = require(c, id, false);
        if (a.status().equals(Advisory.DRAFT) || AdvisoryRepository.recipient(c, id, recipient, false).isEmpty()) {
            throw ProblemException.notFound("Advisory", id);
        }
        requireStatus(a, Advisory.PUBLISHED, "acknowledged or reported on");
        return a;
    }

    private static Advisory requireTracker(Connection c, long id, Actor actor) throws SQLException {
        Advisory a = require(c, id, false);
        boolean everything = actor.has(Roles.AUDITOR) || actor.has(Roles.ADMIN);
        if (!everything && !a.authorityId().equals(actor.authority())) {
            throw ProblemException.notFound("Advisory", id);
        }
        return a;
    }

    private static AdvisoryView view(Connection c, Advisory a, Actor actor) throws SQLException {
        AdvisoryInput in = a.content();
        Recipient own = RecipientScope.readsEveryRecipient(actor) ? null : ownOrNothing(actor);
        RecipientState mine = own == null ? null : AdvisoryRepository.recipient(c, a.id(), own, false).orElse(null);
        AdvisoryView.AudienceView audience = new AdvisoryView.AudienceView(in.audience().everyIsp(),
                in.audience().everyAgency(), own == null ? in.audience().listedIsps() : null,
                own == null ? in.audience().listedAgencies() : null);
        return new AdvisoryView(a.id(), a.authorityId(), a.status(), a.revision(), in.title(), in.severity(), in.cves(),
                in.affected(), in.description(), in.recommendedActions(), in.references(), in.remediationDeadline(),
                audience, a.draftedBy(), a.draftedByName(), a.draftedAt(), a.publishedBy(), a.publishedByName(),
                a.publishedAt(), a.revisedAt(), a.withdrawnBy(), a.withdrawnByName(), a.withdrawnAt(),
                a.withdrawalReason(), a.version(), mine);
    }

    /** The content as the audit log records it. */
    private static Map<String, Object> fields(Advisory a) {
        AdvisoryInput in = a.content();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("title", in.title());
        f.put("severity", in.severity());
        f.put("cves", in.cves());
        f.put("affected", in.affected());
        f.put("description", in.description());
        f.put("recommendedActions", in.recommendedActions());
        f.put("references", in.references());
        f.put("remediationDeadline", in.remediationDeadline().toString());
        f.put("audience", Map.of("allIsps", in.audience().everyIsp(), "allAgencies", in.audience().everyAgency(),
                "isps", in.audience().listedIsps(), "agencies", in.audience().listedAgencies()));
        return f;
    }

    private static List<String> keys(List<Recipient> recipients) {
        return recipients.stream().map(Recipient::key).sorted().toList();
    }
}
