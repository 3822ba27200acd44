package org.interdict.deadline;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interdict.agency.ContactPoints;
import org.interdict.alert.AlertPeriods;
import org.interdict.alert.dto.AlertPeriodInput;
import org.interdict.compliance.Enforcement;
import org.interdict.compliance.dto.EnforcementView;
import org.interdict.config.InterdictConfig;
import org.interdict.notification.EmailNotice;
import org.interdict.notification.Notifications;
import org.interdict.persistence.Columns;
import org.interdict.persistence.Transactions;
import org.interdict.security.RecipientScope;
import org.interdict.security.RecipientScope.Recipient;
import org.jboss.logging.Logger;

/**
 * Warns recipients of deadlines about to pass, each once: an ISP whose appliances have not all applied a directive
 * before its enforcement deadline, a recipient of an advisory neither patched nor unaffected before its remediation
 * deadline, a recipient of an alert period that has not sent the day's situation report before the day ends. A run
 * takes a PostgreSQL advisory lock (another replica's run at the same moment does nothing) and records each warning
 * in {@code deadline_warning} in the transaction that queues its notifications, so no later run repeats it.
 */
@ApplicationScoped
public class DeadlineWarnings {

    private static final Logger LOG = Logger.getLogger(DeadlineWarnings.class);
    /** Arbitrary, fixed: the advisory lock a replica takes for a run. */
    private static final long LOCK = 0x1d7_dead_11eL;

    static final String DIRECTIVE_KIND = "directive-enforcement";
    static final String ADVISORY_KIND = "advisory-remediation";
    static final String REPORT_KIND = "situation-report";

    private final AgroalDataSource dataSource;
    private final Enforcement enforcement;
    private final Notifications notifications;
    private final Clock clock;
    private final InterdictConfig.Notifications leads;
    private final Duration defaultDeadline;
    private final ZoneId zone;

    public DeadlineWarnings(AgroalDataSource dataSource, Enforcement enforcement, Notifications notifications,
            Clock clock, InterdictConfig config) {
        this.dataSource = dataSource;
        this.enforcement = enforcement;
        this.notifications = notifications;
        this.clock = clock;
        this.leads = config.notifications();
        this.defaultDeadline = config.compliance().enforcementDeadline();
        this.zone = config.console().timeZone();
    }

    @Scheduled(every = "${interdict.notifications.deadline-check-interval:60s}",
            delayed = "${interdict.notifications.deadline-check-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            warnDue();
        } catch (RuntimeException e) {
            LOG.warnf("Deadline warnings failed, retrying next run: %s", e.getMessage());
        }
    }

    /** One run: the warnings now due and not yet sent; returns how many it sent (0 while another run holds the lock). */
    public int warnDue() {
        Instant now = clock.instant();
        return Transactions.inTransaction(dataSource, c -> {
            if (!tryLock(c)) {
                return 0;
            }
            return directives(c, now) + advisories(c, now) + situationReports(c, now);
        });
    }

    /** Block directives in force whose enforcement deadline comes within the lead, per ISP not yet enforcing them. */
    private int directives(Connection c, Instant now) throws SQLException {
        Map<Long, String> due = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("select id, legal_reference from directive where kind = 'BLOCK'"
                + " and status = 'ACTIVE' and decided_at is not null and greatest(decided_at, effective_from)"
                + " + make_interval(mins => coalesce(enforcement_deadline_minutes, ?)) between ? and ? order by id")) {
            s.setInt(1, (int) defaultDeadline.toMinutes());
            Columns.set(s, 2, now);
            Columns.set(s, 3, now.plus(leads.deadlineWarning()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    due.put(r.getLong(1), r.getString(2));
                }
            }
        }
        int sent = 0;
        for (Map.Entry<Long, String> directive : due.entrySet()) {
            EnforcementView view = enforcement.of(directive.getKey(), null);
            for (EnforcementView.IspEnforcement isp : view.isps()) {
                Recipient recipient = new Recipient(RecipientScope.ISP, isp.isp());
                if (isp.enforcedAt() != null
                        || !remember(c, DIRECTIVE_KIND, view.directive(), recipient, view.deadline(), now)) {
                    continue;
                }
                List<String> pending = isp.appliances().stream().filter(a -> a.confirmedAt() == null)
                        .map(EnforcementView.ApplianceEnforcement::name).toList();
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("directive", view.directive());
                payload.put("legalReference", view.legalReference());
                payload.put("isp", isp.isp());
                payload.put("enforcementDeadline", view.deadline().toString());
                payload.put("appliances", isp.appliances().size());
                payload.put("appliancesNotApplied", pending);
                String text = "Chỉ thị / Directive " + view.legalReference() + " (" + view.directive() + ")\n"
                        + "Hạn thực thi / Enforcement deadline: " + view.deadline() + "\n"
                        + "Thiết bị chưa áp dụng / Appliances that have not applied it: "
                        + (pending.isEmpty() ? "(chưa có thiết bị nào / no appliance registered)"
                                : String.join(", ", pending)) + "\n\n"
                        + "Chi tiết / Details: /api/v1/directives/" + view.directive() + "/enforcement\n";
                tell(c, recipient, "Sắp hết hạn thực thi / Enforcement deadline approaching: "
                        + view.legalReference(), text, "directive.deadline-approaching", payload,
                        "directive:" + view.directive() + ":deadline:" + recipient.key());
                sent++;
            }
        }
        return sent;
    }

    /** Published advisories whose remediation deadline comes within the lead, per recipient not patched or unaffected. */
    private int advisories(Connection c, Instant now) throws SQLException {
        record Due(long advisory, int revision, String title, String severity, Instant deadline, Recipient recipient,
                String status) {}
        List<Due> due = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select a.id, a.revision, a.title, a.severity,"
                + " a.remediation_deadline, r.kind, r.recipient_id, r.status from advisory a"
                + " join advisory_recipient r on r.advisory_id = a.id"
                + " where a.status = 'PUBLISHED' and a.remediation_deadline between ? and ?"
                + " and (r.status is null or r.status not in ('patched', 'not-affected'))"
                + " order by a.id, r.kind, r.recipient_id")) {
            Columns.set(s, 1, now);
            Columns.set(s, 2, now.plus(leads.remediationWarning()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    due.add(new Due(r.getLong(1), r.getInt(2), r.getString(3), r.getString(4),
                            Columns.instant(r, "remediation_deadline"), new Recipient(r.getString(6), r.getString(7)),
                            r.getString(8)));
                }
            }
        }
        int sent = 0;
        for (Due d : due) {
            if (!remember(c, ADVISORY_KIND, d.advisory(), d.recipient(), d.deadline(), now)) {
                continue;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("advisory", d.advisory());
            payload.put("revision", d.revision());
            payload.put("title", d.title());
            payload.put("severity", d.severity());
            payload.put("recipient", d.recipient().key());
            payload.put("remediationDeadline", d.deadline().toString());
            payload.put("status", d.status());
            String text = d.title() + "\n\n"
                    + "Hạn khắc phục / Remediation deadline: " + d.deadline() + "\n"
                    + "Tình trạng đã báo / Status reported: " + (d.status() == null ? "-" : d.status()) + "\n\n"
                    + "Báo cáo tình trạng / Report the status: /api/v1/advisories/" + d.advisory() + "\n";
            tell(c, d.recipient(), "Sắp hết hạn khắc phục / Remediation deadline approaching: " + d.title(), text,
                    "advisory.deadline-approaching", payload, "advisory:" + d.advisory() + ":deadline:"
                            + d.recipient().key());
            sent++;
        }
        return sent;
    }

    /**
     * Alert periods in force: once the day (in the service's time zone) is within the lead of its end, every
     * recipient that has not reported for it.
     */
    private int situationReports(Connection c, Instant now) throws SQLException {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant endOfDay = today.plusDays(1).atStartOfDay(zone).toInstant();
        if (now.isBefore(endOfDay.minus(leads.situationReportWarning()))) {
            return 0;
        }
        record Period(long id, String name, String authority, AlertPeriodInput.Audience audience) {}
        List<Period> periods = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, name, authority_id, all_isps, all_agencies, isps,"
                + " agencies from alert_period where starts_at <= ? and ends_at > ? order by id")) {
            Columns.set(s, 1, now);
            Columns.set(s, 2, now);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    periods.add(new Period(r.getLong(1), r.getString(2), r.getString(3),
                            new AlertPeriodInput.Audience(r.getBoolean(4), r.getBoolean(5),
                                    List.of(Columns.textArray(r, "isps")), List.of(Columns.textArray(r, "agencies")))));
                }
            }
        }
        int sent = 0;
        for (Period period : periods) {
            Set<String> reported = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("select kind || ':' || recipient_id from situation_report"
                    + " where alert_period_id = ? and day = ?")) {
                s.setLong(1, period.id());
                Columns.set(s, 2, today);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        reported.add(r.getString(1));
                    }
                }
            }
            for (Recipient recipient : AlertPeriods.recipients(c, period.audience())) {
                if (reported.contains(recipient.key())
                        || !remember(c, REPORT_KIND, period.id(), recipient, endOfDay, now)) {
                    continue;
                }
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("alertPeriod", period.id());
                payload.put("name", period.name());
                payload.put("authority", period.authority());
                payload.put("recipient", recipient.key());
                payload.put("day", today.toString());
                payload.put("dueBy", endOfDay.toString());
                String text = period.name() + "\n\n"
                        + "Chưa có báo cáo tình hình ngày / No situation report yet for " + today + "\n"
                        + "Hạn / Due by: " + endOfDay + "\n\n"
                        + "Gửi báo cáo / Send it: /api/v1/alert-periods/" + period.id() + "/recipients/"
                        + recipient.key() + "/situation-reports\n";
                tell(c, recipient, "Nhắc báo cáo tình hình / Situation report due: " + period.name() + " " + today,
                        text, "alert-period.report-due", payload, "alert-period:" + period.id() + ":report-due:"
                                + today + ":" + recipient.key());
                sent++;
            }
        }
        return sent;
    }

    /** Records the warning; false when it was already given (by this replica or another). */
    private static boolean remember(Connection c, String kind, long subject, Recipient recipient, Instant deadline,
            Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into deadline_warning (kind, subject_id, recipient,"
                + " deadline, warned_at) values (?, ?, ?, ?, ?) on conflict do nothing")) {
            s.setString(1, kind);
            s.setLong(2, subject);
            s.setString(3, recipient.key());
            Columns.set(s, 4, deadline);
            Columns.set(s, 5, now);
            return s.executeUpdate() == 1;
        }
    }

    private void tell(Connection c, Recipient recipient, String subject, String text, String event,
            Map<String, Object> payload, String cause) throws SQLException {
        for (String email : ContactPoints.emails(c, recipient)) {
            notifications.email(c, new EmailNotice(email, subject, text, cause));
        }
        notifications.webhook(c, recipient.key(), event, payload, cause);
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, LOCK);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }
}
