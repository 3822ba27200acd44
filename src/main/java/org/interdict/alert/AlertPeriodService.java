package org.interdict.alert;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.interdict.agency.ContactPoints;
import org.interdict.alert.dto.AlertPeriodCancellation;
import org.interdict.alert.dto.AlertPeriodInput;
import org.interdict.alert.dto.AlertPeriodView;
import org.interdict.alert.dto.SituationReportInput;
import org.interdict.alert.dto.SituationReportView;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.config.InterdictConfig;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.notification.EmailNotice;
import org.interdict.notification.Notifications;
import org.interdict.persistence.Columns;
import org.interdict.persistence.Registries;
import org.interdict.persistence.Transactions;
import org.interdict.security.Actor;
import org.interdict.security.RecipientScope;
import org.interdict.security.RecipientScope.Recipient;

/**
 * Heightened-alert periods: declared by an authority's officers and supervisors for an audience of ISPs and
 * agencies, seen by the authorities and by the recipients they address, who owe one situation report a day while
 * the period lasts. Days are those of the service's time zone ({@code interdict.console.time-zone}).
 */
@ApplicationScoped
public class AlertPeriodService {

    static final String SUBJECT = "alert-period";
    private static final int LIST_LIMIT = 200;
    private static final String COLUMNS = "id, authority_id, name, starts_at, ends_at, level, all_isps, all_agencies,"
            + " isps, agencies, enforcement_deadline_minutes, appliance_silence_minutes, declared_by, declared_by_name,"
            + " declared_at, version, updated_by, updated_by_name, updated_at, cancelled_by, cancelled_by_name,"
            + " cancelled_at, cancellation_reason";
    private static final String ADDRESSES = "(? = 'isp' and (all_isps or ? = any(isps))"
            + " or ? = 'agency' and (all_agencies or ? = any(agencies)))";

    private final AgroalDataSource dataSource;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Clock clock;
    private final ZoneId zone;

    public AlertPeriodService(AgroalDataSource dataSource, AuditLog audit,
            Notifications notifications, Clock clock, InterdictConfig config) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
        this.zone = config.console().timeZone();
    }

    public AlertPeriodView declare(AlertPeriodInput input, Actor actor) {
        requireValid(input);
        AlertPeriodInput.Audience audience = input.audience();
        return Transactions.inTransaction(dataSource, c -> {
            Registries.ISP.requireRegistered(c, audience.listedIsps(), "audience.isps");
            Registries.AGENCY.requireRegistered(c, audience.listedAgencies(), "audience.agencies");
            Instant now = clock.instant();
            long id;
            try (PreparedStatement s = c.prepareStatement("insert into alert_period (authority_id, name, starts_at,"
                    + " ends_at, level, all_isps, all_agencies, isps, agencies, enforcement_deadline_minutes,"
                    + " appliance_silence_minutes, declared_by, declared_by_name, declared_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
                s.setString(1, actor.authority());
                s.setString(2, input.name().strip());
                Columns.set(s, 3, input.from());
                Columns.set(s, 4, input.to());
                s.setString(5, input.level());
                s.setBoolean(6, audience.everyIsp());
                s.setBoolean(7, audience.everyAgency());
                s.setArray(8, c.createArrayOf("text", audience.listedIsps().toArray()));
                s.setArray(9, c.createArrayOf("text", audience.listedAgencies().toArray()));
                s.setObject(10, input.enforcementDeadlineMinutes(), java.sql.Types.INTEGER);
                s.setObject(11, input.applianceSilenceMinutes(), java.sql.Types.INTEGER);
                s.setString(12, actor.subject());
                s.setString(13, actor.displayName());
                Columns.set(s, 14, now);
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    id = rows.getLong(1);
                }
            }
            AlertPeriodView view = require(c, id, now, null);
            tell(c, view, recipients(c, view), "alert-period.declared");
            audit.append(c, AuditEvent.by(actor, now, "alert-period.declared", SUBJECT, id, Map.of("after", view)));
            return view;
        });
    }

    /**
     * Replaces what a period says (name, start while it has not started, end, level, audience, deadline, silence
     * interval) while it has not ended, for the people of its authority. With {@code expectedVersion} (the ETag read
     * before), a version that has moved on is a 409. The recipients it addressed before or addresses now are told.
     */
    public AlertPeriodView edit(long id, AlertPeriodInput input, Integer expectedVersion, Actor actor) {
        requireValid(input);
        AlertPeriodInput.Audience audience = input.audience();
        return Transactions.inTransaction(dataSource, c -> {
            Instant now = clock.instant();
            AlertPeriodView before = locked(c, id, now);
            requireChangeable(before, actor, now, expectedVersion);
            if (!input.to().isAfter(now)) {
                throw ProblemException.invalid("to", "ends-in-the-past",
                        "the period must end in the future; to end it now, cancel it");
            }
            if (!input.from().equals(before.from()) && !before.from().isAfter(now)) {
                throw ProblemException.invalid("from", "already-started",
                        "the period started at " + before.from() + "; its start can no longer change");
            }
            Registries.ISP.requireRegistered(c, audience.listedIsps(), "audience.isps");
            Registries.AGENCY.requireRegistered(c, audience.listedAgencies(), "audience.agencies");
            try (PreparedStatement s = c.prepareStatement("update alert_period set name = ?, starts_at = ?,"
                    + " ends_at = ?, level = ?, all_isps = ?, all_agencies = ?, isps = ?, agencies = ?,"
                    + " enforcement_deadline_minutes = ?, appliance_silence_minutes = ?, updated_by = ?,"
                    + " updated_by_name = ?, updated_at = ?, version = version + 1 where id = ?")) {
                s.setString(1, input.name().strip());
                Columns.set(s, 2, input.from());
                Columns.set(s, 3, input.to());
                s.setString(4, input.level());
                s.setBoolean(5, audience.everyIsp());
                s.setBoolean(6, audience.everyAgency());
                s.setArray(7, c.createArrayOf("text", audience.listedIsps().toArray()));
                s.setArray(8, c.createArrayOf("text", audience.listedAgencies().toArray()));
                s.setObject(9, input.enforcementDeadlineMinutes(), java.sql.Types.INTEGER);
                s.setObject(10, input.applianceSilenceMinutes(), java.sql.Types.INTEGER);
                s.setString(11, actor.subject());
                s.setString(12, actor.displayName());
                Columns.set(s, 13, now);
                s.setLong(14, id);
                s.executeUpdate();
            }
            AlertPeriodView after = require(c, id, now, null);
            Set<String> told = new TreeSet<>(recipients(c, before));
            told.addAll(recipients(c, after));
            tell(c, after, List.copyOf(told), "alert-period.updated");
            audit.append(c, AuditEvent.by(actor, now, "alert-period.updated", SUBJECT, id,
                    Map.of("before", before, "after", after)));
            return after;
        });
    }

    /**
     * Ends a period now, with a reason (one that has not started yet then never starts), for the people of its
     * authority; its recipients are told. A period that has ended or was cancelled is a 409.
     */
    public AlertPeriodView cancel(long id, AlertPeriodCancellation cancellation, Integer expectedVersion,
            Actor actor) {
        return Transactions.inTransaction(dataSource, c -> {
            // As PostgreSQL keeps it: rounded to the microsecond, the end could fall after now.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            AlertPeriodView before = locked(c, id, now);
            requireChangeable(before, actor, now, expectedVersion);
            String reason = cancellation.reason().strip();
            try (PreparedStatement s = c.prepareStatement("update alert_period set ends_at = ?, cancelled_by = ?,"
                    + " cancelled_by_name = ?, cancelled_at = ?, cancellation_reason = ?, version = version + 1"
                    + " where id = ?")) {
                Columns.set(s, 1, now);
                s.setString(2, actor.subject());
                s.setString(3, actor.displayName());
                Columns.set(s, 4, now);
                s.setString(5, reason);
                s.setLong(6, id);
                s.executeUpdate();
            }
            AlertPeriodView after = require(c, id, now, null);
            tell(c, after, recipients(c, after), "alert-period.cancelled");
            audit.append(c, AuditEvent.by(actor, now, "alert-period.cancelled", SUBJECT, id,
                    Map.of("reason", reason, "before", before)));
            return after;
        });
    }

    private static void requireValid(AlertPeriodInput input) {
        if (!input.to().isAfter(input.from())) {
            throw ProblemException.invalid("to", "ends-before-start", "the period must end after it starts");
        }
        AlertPeriodInput.Audience audience = input.audience();
        if (!audience.everyIsp() && !audience.everyAgency() && audience.listedIsps().isEmpty()
                && audience.listedAgencies().isEmpty()) {
            throw ProblemException.invalid("audience", "no-recipient",
                    "an alert period must address every ISP, every agency, or some listed ISPs or agencies");
        }
    }

    /**
     * The period for a form that edits or cancels it, refused as {@link #edit} and {@link #cancel} refuse a change
     * made now without a version.
     */
    public AlertPeriodView forChange(long id, Actor actor) {
        return Transactions.read(dataSource, c -> {
            Instant now = clock.instant();
            AlertPeriodView period = require(c, id, now, confined(actor));
            requireChangeable(period, actor, now, null);
            return period;
        });
    }

    /** Whether {@link #edit} and {@link #cancel} would accept the caller's change of the period now. */
    public boolean mayChange(AlertPeriodView period, Actor actor) {
        return refusalOfChange(period, actor, clock.instant(), null).isEmpty();
    }

    /** The period, locked until the transaction ends. */
    private static AlertPeriodView locked(Connection c, long id, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id from alert_period where id = ? for update")) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw ProblemException.notFound("Alert period", id);
                }
            }
        }
        return require(c, id, now, null);
    }

    private static void requireChangeable(AlertPeriodView period, Actor actor, Instant now, Integer expectedVersion) {
        Optional<ProblemException> refused = refusalOfChange(period, actor, now, expectedVersion);
        if (refused.isPresent()) {
            throw refused.get();
        }
    }

    /**
     * Why a change of the period is refused: another authority's period is a 403; an ended or cancelled one, or a
     * version that has moved on ({@code expectedVersion}, the ETag read before), a 409.
     */
    private static Optional<ProblemException> refusalOfChange(AlertPeriodView period, Actor actor, Instant now,
            Integer expectedVersion) {
        if (!period.authority().equals(actor.authority())) {
            return Optional.of(new ProblemException(ErrorCategory.FORBIDDEN, "other-authority", "Forbidden",
                    "Alert period " + period.id() + " was declared by " + period.authority()
                            + "; only its people may change it"));
        }
        if (period.cancelledAt() != null) {
            return Optional.of(ProblemException.conflict("alert-period-cancelled", "Alert period " + period.id()
                    + " was cancelled at " + period.cancelledAt() + "; it can no longer change"));
        }
        if (!period.to().isAfter(now)) {
            return Optional.of(ProblemException.conflict("alert-period-ended", "Alert period " + period.id()
                    + " ended at " + period.to() + "; it can no longer change"));
        }
        if (expectedVersion != null && expectedVersion != period.version()) {
            return Optional.of(ProblemException.conflict("stale-version", "Alert period " + period.id()
                    + " is at version " + period.version() + ", not " + expectedVersion
                    + "; reload it and apply the change again"));
        }
        return Optional.empty();
    }

    /** Newest first; recipients see the periods that address them. */
    public List<AlertPeriodView> list(Actor actor) {
        return Transactions.read(dataSource, c -> query(c, actor, false));
    }

    /** The periods in force now that the caller sees: for the console's banner. */
    public List<AlertPeriodView> active(Actor actor) {
        return Transactions.read(dataSource, c -> query(c, actor, true));
    }

    public AlertPeriodView get(long id, Actor actor) {
        return Transactions.read(dataSource, c -> {
            Recipient own = confined(actor);
            return require(c, id, clock.instant(), own);
        });
    }

    public SituationReportView reportSituation(long id, Recipient recipient, SituationReportInput input, Actor actor) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate day = input.day() == null ? today : input.day();
        if (day.isAfter(today)) {
            throw ProblemException.invalid("day", "in-the-future", "a situation report covers today or a past day");
        }
        if (!input.noIncident() && (input.summary() == null || input.summary().isBlank())) {
            throw ProblemException.invalid("summary", "required", "describe the situation, or report no incident");
        }
        return Transactions.inTransaction(dataSource, c -> {
            AlertPeriodView period = require(c, id, now, recipient);
            if (day.isBefore(LocalDate.ofInstant(period.from(), zone))
                    || day.isAfter(LocalDate.ofInstant(period.to().minusNanos(1), zone))) {
                throw ProblemException.invalid("day", "outside-period", day + " is not a day of the period");
            }
            String summary = input.summary() == null || input.summary().isBlank() ? null : input.summary().strip();
            try (PreparedStatement s = c.prepareStatement("insert into situation_report (alert_period_id, kind,"
                    + " recipient_id, day, no_incident, summary, reported_by, reported_by_name, reported_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
                s.setLong(1, id);
                s.setString(2, recipient.kind());
                s.setString(3, recipient.id());
                Columns.set(s, 4, day);
                s.setBoolean(5, input.noIncident());
                s.setString(6, summary);
                s.setString(7, actor.subject());
                s.setString(8, actor.displayName());
                Columns.set(s, 9, now);
                if (s.executeUpdate() == 0) {
                    throw ProblemException.conflict("already-reported",
                            recipient.key() + " has already reported for " + day);
                }
            }
            Map<String, Object> recorded = new LinkedHashMap<>();
            recorded.put("recipient", recipient.key());
            recorded.put("day", day.toString());
            recorded.put("noIncident", input.noIncident());
            audit.append(c, AuditEvent.by(actor, now, "alert-period.situation-reported", SUBJECT, id, recorded));
            return new SituationReportView(recipient.key(), day, "reported", input.noIncident(), summary,
                    actor.subject(), actor.displayName(), now);
        });
    }

    /**
     * Every day of the period up to today, for every active recipient it addresses: reported, missed (a past day
     * without a report) or due (today). The authorities' people, auditors and administrators see every recipient's
     * days; an ISP engineer or an agency's person their own only, and a period that does not address them is not
     * found, as for {@link #get}.
     */
    public List<SituationReportView> situationReports(long id, Actor actor) {
        return Transactions.read(dataSource, c -> {
            Instant now = clock.instant();
            Recipient own = confined(actor);
            require(c, id, now, own);
            // Read in full: a recipient's view of the period leaves out the other recipients it lists.
            AlertPeriodView period = require(c, id, now, null);
            LocalDate today = LocalDate.ofInstant(now, zone);
            LocalDate first = LocalDate.ofInstant(period.from(), zone);
            LocalDate last = LocalDate.ofInstant(period.to().minusNanos(1), zone);
            if (last.isAfter(today)) {
                last = today;
            }
            Map<String, SituationReportView> reported = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("select kind, recipient_id, day, no_incident, summary,"
                    + " reported_by, reported_by_name, reported_at from situation_report where alert_period_id = ?")) {
                s.setLong(1, id);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        String key = rows.getString(1) + ":" + rows.getString(2);
                        LocalDate day = Columns.date(rows, "day");
                        reported.put(key + "/" + day, new SituationReportView(key, day, "reported",
                                rows.getBoolean(4), rows.getString(5), rows.getString(6),
                                nameOf(rows, "reported_by"), Columns.instant(rows, "reported_at")));
                    }
                }
            }
            List<SituationReportView> days = new ArrayList<>();
            List<String> shown = recipients(c, period).stream()
                    .filter(recipient -> own == null || recipient.equals(own.key())).toList();
            for (String recipient : shown) {
                for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                    SituationReportView found = reported.get(recipient + "/" + day);
                    days.add(found != null ? found : new SituationReportView(recipient, day,
                            day.isBefore(today) ? "missed" : "due", null, null, null, null, null));
                }
            }
            return days;
        });
    }

    /**
     * E-mails the contact points of the recipients (keys such as {@code isp:vnpt}) and calls their webhooks about
     * the period: {@code event} is alert-period.declared, alert-period.updated or alert-period.cancelled.
     */
    private void tell(Connection c, AlertPeriodView period, List<String> recipients, String event)
            throws SQLException {
        String what = event.substring(event.indexOf('.') + 1);
        String cause = "alert-period:" + period.id() + ":" + what
                + (what.equals("updated") ? "-v" + period.version() : "");
        String heading = switch (what) {
            case "updated" -> "Giai đoạn cảnh báo đã thay đổi / Alert period changed: ";
            case "cancelled" -> "Giai đoạn cảnh báo đã hủy / Alert period cancelled: ";
            default -> "Giai đoạn cảnh báo / Alert period: ";
        };
        String subject = heading + period.name() + " (" + period.level() + ")";
        String text = period.name() + "\n\n"
                + (period.cancelledAt() == null ? ""
                        : "Đã hủy / Cancelled: " + period.cancelledAt() + "\nLý do / Reason: "
                                + period.cancellationReason() + "\n")
                + "Từ / From: " + period.from() + "\nĐến / To: " + period.to() + "\n"
                + (period.enforcementDeadlineMinutes() == null ? ""
                        : "Hạn thực thi / Enforcement deadline: " + period.enforcementDeadlineMinutes() + " min\n")
                + (period.cancelledAt() != null ? ""
                        : "Báo cáo tình hình hằng ngày / Daily situation report: /api/v1/alert-periods/" + period.id()
                                + "\n");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("alertPeriod", period.id());
        payload.put("version", period.version());
        payload.put("authority", period.authority());
        payload.put("name", period.name());
        payload.put("level", period.level());
        payload.put("from", period.from().toString());
        payload.put("to", period.to().toString());
        payload.put("enforcementDeadlineMinutes", period.enforcementDeadlineMinutes());
        payload.put("applianceSilenceMinutes", period.applianceSilenceMinutes());
        if (period.cancelledAt() != null) {
            payload.put("cancelledAt", period.cancelledAt().toString());
            payload.put("cancellationReason", period.cancellationReason());
        }
        for (String key : recipients) {
            int colon = key.indexOf(':');
            Recipient recipient = new Recipient(key.substring(0, colon), key.substring(colon + 1));
            for (String email : ContactPoints.emails(c, recipient)) {
                notifications.email(c, new EmailNotice(email, subject, text, cause));
            }
            notifications.webhook(c, key, event, payload, cause);
        }
    }

    private static List<String> recipients(Connection c, AlertPeriodView period) throws SQLException {
        return AlertPeriods.recipients(c, period.audience()).stream().map(Recipient::key).toList();
    }

    /** The recipient a confined caller acts for; null for people who see every period. */
    private static Recipient confined(Actor actor) {
        if (RecipientScope.readsEveryRecipient(actor)) {
            return null;
        }
        return RecipientScope.own(actor).orElse(new Recipient(RecipientScope.ISP, ""));
    }

    private List<AlertPeriodView> query(Connection c, Actor actor, boolean inForce) throws SQLException {
        Recipient own = confined(actor);
        Instant now = clock.instant();
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from alert_period where (? or "
                + ADDRESSES + ") and (not ? or starts_at <= ? and ends_at > ?) order by starts_at desc, id desc"
                + " limit ?")) {
            s.setBoolean(1, own == null);
            bindRecipient(s, 2, own);
            s.setBoolean(6, inForce);
            Columns.set(s, 7, now);
            Columns.set(s, 8, now);
            s.setInt(9, LIST_LIMIT);
            List<AlertPeriodView> found = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows, now, own != null));
                }
            }
            return found;
        }
    }

    /** The period, or "not found" when {@code recipient} is set and the period does not address it. */
    private static AlertPeriodView require(Connection c, long id, Instant now, Recipient recipient)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from alert_period where id = ?"
                + " and (? or " + ADDRESSES + ")")) {
            s.setLong(1, id);
            s.setBoolean(2, recipient == null);
            bindRecipient(s, 3, recipient);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw ProblemException.notFound("Alert period", id);
                }
                return read(rows, now, recipient != null);
            }
        }
    }

    private static void bindRecipient(PreparedStatement s, int first, Recipient recipient) throws SQLException {
        String kind = recipient == null ? "" : recipient.kind();
        String id = recipient == null ? "" : recipient.id();
        s.setString(first, kind);
        s.setString(first + 1, id);
        s.setString(first + 2, kind);
        s.setString(first + 3, id);
    }

    private static AlertPeriodView read(ResultSet r, Instant now, boolean forRecipient) throws SQLException {
        Instant from = Columns.instant(r, "starts_at");
        Instant to = Columns.instant(r, "ends_at");
        List<String> listedIsps = Arrays.asList(Columns.textArray(r, "isps"));
        List<String> listedAgencies = Arrays.asList(Columns.textArray(r, "agencies"));
        AlertPeriodInput.Audience audience = new AlertPeriodInput.Audience(r.getBoolean("all_isps"),
                r.getBoolean("all_agencies"), forRecipient ? null : listedIsps, forRecipient ? null : listedAgencies);
        return new AlertPeriodView(r.getLong("id"), r.getString("authority_id"), r.getString("name"), from, to,
                r.getString("level"), audience, Columns.intOrNull(r, "enforcement_deadline_minutes"),
                Columns.intOrNull(r, "appliance_silence_minutes"), r.getString("declared_by"),
                nameOf(r, "declared_by"), Columns.instant(r, "declared_at"), r.getTimestamp("cancelled_at") == null
                        && !now.isBefore(from) && now.isBefore(to), r.getInt("version"),
                r.getString("updated_by"), nameOf(r, "updated_by"), Columns.instant(r, "updated_at"),
                r.getString("cancelled_by"), nameOf(r, "cancelled_by"), Columns.instant(r, "cancelled_at"),
                r.getString("cancellation_reason"));
    }

    /**
     * The display name kept beside the subject column {@code by}; the subject for rows written before names were
     * kept, null when nobody did it.
     */
    private static String nameOf(ResultSet r, String by) throws SQLException {
        String name = r.getString(by + "_name");
        return name != null ? name : r.getString(by);
    }
}
