package org.interdict.appeal;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interdict.appeal.dto.ErrorReportRequest;
import org.interdict.appeal.dto.ErrorReportView;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.error.Violation;
import org.interdict.hash.Sha256;
import org.interdict.persistence.Transactions;
import org.interdict.security.Actor;
import org.interdict.security.IspVisibility;

/**
 * Blocking errors an ISP's engineers report (a false positive, an unroutable address, an address shared with
 * others): appeals whose appellant is the ISP. They are received at once, enter the review queue of each authority
 * whose orders block the targets, and go through the same states and outcomes; the ISP's contact address gets the
 * e-mails.
 */
@ApplicationScoped
public class ErrorReports {

    static final Set<String> KINDS = Set.of("false-positive", "unroutable", "shared-address");
    private static final int MAX_DESCRIPTION = 20_000;
    /** Reports listed at once, newest first. */
    private static final int LIST_LIMIT = 200;

    private final AgroalDataSource dataSource;
    private final AppealIntake intake;
    private final AppealNotices notices;
    private final AuditLog audit;
    private final Clock clock;

    public ErrorReports(AgroalDataSource dataSource, AppealIntake intake, AppealNotices notices, AuditLog audit,
            Clock clock) {
        this.dataSource = dataSource;
        this.intake = intake;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    public ErrorReportView file(Actor actor, String isp, ErrorReportRequest request) {
        IspVisibility.requireWrite(actor, isp);
        List<Violation> violations = new ArrayList<>();
        String kind = request.kind() == null ? "" : request.kind().strip();
        if (!KINDS.contains(kind)) {
            violations.add(Violation.ofField("kind", "unknown-kind", "kind is one of "
                    + String.join(", ", KINDS.stream().sorted().toList())));
        }
        List<AppealIntake.Contested> contested = intake.contested(request.targets() == null ? null
                : String.join("\n", request.targets()), isp, violations);
        String description = request.description() == null ? "" : request.description().strip();
        if (description.isEmpty() || description.length() > MAX_DESCRIPTION) {
            violations.add(Violation.ofField("description", description.isEmpty() ? "required" : "too-long",
                    "description says what the engineers found, in at most " + MAX_DESCRIPTION + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ErrorCategory.INVALID, "invalid-report", "Invalid error report",
                    violations.size() + " field(s) of the report are refused; nothing was filed", violations,
                    violations.size());
        }
        Instant now = clock.instant();
        long id = Transactions.inTransaction(dataSource, c -> {
            long report;
            try (PreparedStatement s = c.prepareStatement("insert into appeal (status, appellant_kind, grounds,"
                    + " tracking_hash, confirmation_hash, filed_at, received_at, isp_id, report_kind, reported_by)"
                    + " values ('RECEIVED', 'isp', ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
                s.setString(1, description);
                // No tracking link: the ISP follows its reports signed in; the hashes only fill the columns.
                s.setString(2, Sha256.hex(intake.secret()));
                s.setString(3, Sha256.hex(intake.secret()));
                s.setTimestamp(4, Timestamp.from(now));
                s.setTimestamp(5, Timestamp.from(now));
                s.setString(6, isp);
                s.setString(7, kind);
                s.setString(8, actor.subject());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    report = r.getLong(1);
                }
            }
            AppealIntake.insertTargets(c, report, contested);
            AppealStatus.openReviews(c, report, now);
            audit.append(c, AuditEvent.by(actor, now, "appeal.reported", AppealIntake.SUBJECT_TYPE, report, Map.of(
                    "isp", isp, "kind", kind, "targets", contested.stream().map(t -> t.target().value()).toList())));
            notices.reportReceived(c, report);
            return report;
        });
        return Transactions.read(dataSource, c -> reports(c, isp, id).get(0));
    }

    /** The ISP's own reports, newest first. */
    public List<ErrorReportView> list(Actor actor, String isp) {
        IspVisibility.requireRead(actor, isp);
        return Transactions.read(dataSource, c -> reports(c, isp, null));
    }

    private static List<ErrorReportView> reports(Connection c, String isp, Long id) throws SQLException {
        List<ErrorReportView> reports = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, report_kind, status, reported_by, filed_at"
                + " from appeal where isp_id = ? and (?::bigint is null or id = ?) order by id desc limit ?")) {
            s.setString(1, isp);
            s.setObject(2, id);
            s.setObject(3, id);
            s.setInt(4, LIST_LIMIT);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long report = r.getLong(1);
                    reports.add(new ErrorReportView(report, r.getString(2), r.getString(3), r.getString(4),
                            r.getTimestamp(5).toInstant(), AppealIntake.contestedTargets(c, report),
                            AppealIntake.reviews(c, report)));
                }
            }
        }
        return reports;
    }
}
