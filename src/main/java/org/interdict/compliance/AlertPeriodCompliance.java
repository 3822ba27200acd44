package org.interdict.compliance;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.interdict.alert.AlertPeriodService;
import org.interdict.compliance.dto.AlertPeriodComplianceView;
import org.interdict.compliance.dto.AlertPeriodComplianceView.MissedDeadline;
import org.interdict.compliance.dto.AlertPeriodComplianceView.MissedReport;
import org.interdict.compliance.dto.EnforcementView;
import org.interdict.config.InterdictConfig;
import org.interdict.error.ProblemException;
import org.interdict.persistence.Columns;
import org.interdict.persistence.Transactions;
import org.interdict.security.Actor;
import org.interdict.security.Roles;

/**
 * Who missed what an alert period asked: a daily situation report, an enforcement deadline that fell in the period.
 * The authorities' view: officers and supervisors see the periods their authority declared, auditors and
 * administrators every period. Blocking JDBC.
 */
@ApplicationScoped
public class AlertPeriodCompliance {

    /** The latest periods shown when no period is asked for. */
    static final int RECENT_PERIODS = 20;

    private record Period(long id, String name, String authority, Instant from, Instant to, Instant cancelledAt,
            boolean allIsps, List<String> isps) {}

    private final AgroalDataSource dataSource;
    private final AlertPeriodService alertPeriods;
    private final Enforcement enforcement;
    private final Clock clock;
    private final Duration defaultDeadline;

    public AlertPeriodCompliance(AgroalDataSource dataSource, AlertPeriodService alertPeriods, Enforcement enforcement,
            Clock clock, InterdictConfig config) {
        this.dataSource = dataSource;
        this.alertPeriods = alertPeriods;
        this.enforcement = enforcement;
        this.clock = clock;
        this.defaultDeadline = config.compliance().enforcementDeadline();
    }

    /**
     * The periods that have started, latest first, or only {@code period} (not found when the caller may not see it);
     * with {@code isp}, only the periods addressing that ISP and only its misses.
     */
    public List<AlertPeriodComplianceView> missed(Long period, String isp, Actor actor) {
        Instant now = clock.instant();
        String authority = actor.has(Roles.AUDITOR) || actor.has(Roles.ADMIN) ? null : actor.authority();
        List<Period> periods = Transactions.read(dataSource, c -> periods(c, period, isp, authority, now));
        if (period != null && periods.isEmpty()) {
            throw ProblemException.notFound("Alert period", period);
        }
        List<AlertPeriodComplianceView> views = new ArrayList<>();
        for (Period p : periods) {
            String only = isp == null ? null : "isp:" + isp;
            List<MissedReport> reports = alertPeriods.situationReports(p.id(), actor).stream()
                    .filter(r -> r.state().equals("missed") && (only == null || only.equals(r.recipient())))
                    .map(r -> new MissedReport(r.recipient(), r.day())).toList();
            List<MissedDeadline> deadlines = new ArrayList<>();
            Set<String> shown = isp != null ? Set.of(isp) : p.allIsps() ? null : Set.copyOf(p.isps());
            for (long directive : Transactions.read(dataSource, c -> deadlinesIn(c, p, now))) {
                EnforcementView view = enforcement.forIsps(directive, shown);
                for (EnforcementView.IspEnforcement i : view.isps()) {
                    if (!i.withinDeadline()) {
                        deadlines.add(new MissedDeadline(view.directive(), view.legalReference(), i.isp(),
                                view.deadline(), i.enforcedAt()));
                    }
                }
            }
            views.add(new AlertPeriodComplianceView(p.id(), p.name(), p.authority(), p.from(), p.to(),
                    !now.isBefore(p.from()) && now.isBefore(p.to()), p.cancelledAt(), reports, deadlines));
        }
        return views;
    }

    private static List<Period> periods(Connection c, Long period, String isp, String authority, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id, name, authority_id, starts_at, ends_at, cancelled_at,"
                + " all_isps, isps from alert_period where starts_at <= ? and (?::bigint is null or id = ?)"
                + " and (?::text is null or authority_id = ?) and (?::text is null or all_isps or ? = any(isps))"
                + " order by starts_at desc, id desc limit ?")) {
            Columns.set(s, 1, now);
            s.setObject(2, period, java.sql.Types.BIGINT);
            s.setObject(3, period, java.sql.Types.BIGINT);
            s.setString(4, authority);
            s.setString(5, authority);
            s.setString(6, isp);
            s.setString(7, isp);
            s.setInt(8, RECENT_PERIODS);
            List<Period> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new Period(r.getLong("id"), r.getString("name"), r.getString("authority_id"),
                            Columns.instant(r, "starts_at"), Columns.instant(r, "ends_at"),
                            Columns.instant(r, "cancelled_at"), r.getBoolean("all_isps"),
                            List.of(Columns.textArray(r, "isps"))));
                }
            }
            return found;
        }
    }

    /** The approved block directives whose enforcement deadline fell in the period, up to now. */
    private List<Long> deadlinesIn(Connection c, Period p, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id from directive where kind = 'BLOCK'"
                + " and decided_at is not null and status in ('SCHEDULED', 'ACTIVE', 'EXPIRED', 'REVOKED')"
                + " and greatest(decided_at, effective_from) + make_interval(mins => coalesce("
                + "   enforcement_deadline_minutes, ?)) between ? and ?"
                + " and (all_isps or ? or audience && ?) order by id")) {
            s.setInt(1, (int) defaultDeadline.toMinutes());
            Columns.set(s, 2, p.from());
            Columns.set(s, 3, p.to().isBefore(now) ? p.to() : now);
            s.setBoolean(4, p.allIsps());
            s.setArray(5, c.createArrayOf("text", p.isps().toArray()));
            List<Long> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
            return ids;
        }
    }
}
