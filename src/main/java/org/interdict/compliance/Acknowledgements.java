package org.interdict.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.interdict.compliance.dto.StatusReceipt;
import org.interdict.compliance.dto.StatusReport;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;

/** Stores what appliances report about the versions they load. Blocking JDBC: callers run on worker threads. */
@ApplicationScoped
public class Acknowledgements {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;

    public Acknowledgements(AgroalDataSource dataSource, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
    }

    /** Refuses a version its ISP does not have (404) or never published (409): nothing else can have been loaded. */
    public StatusReceipt record(long appliance, String isp, StatusReport report) {
        if (!report.applied() && (report.error() == null || report.error().isBlank())) {
            throw ProblemException.invalid("error", "required", "a report of a version not applied says why in error");
        }
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            requirePublished(c, isp, report.version());
            try (PreparedStatement s = c.prepareStatement("insert into appliance_status (appliance_id, isp_id, version,"
                    + " applied, error, applied_at, received_at, counts, rejected_rules)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb) returning id")) {
                s.setLong(1, appliance);
                s.setString(2, isp);
                s.setLong(3, report.version());
                s.setBoolean(4, report.applied());
                s.setString(5, report.error() == null || report.error().isBlank() ? null : report.error().strip());
                s.setTimestamp(6, report.appliedAt() == null ? null : Timestamp.from(report.appliedAt()));
                s.setTimestamp(7, Timestamp.from(now));
                s.setString(8, toJson(report.counts() == null ? Map.of() : report.counts()));
                s.setString(9, toJson(report.rejectedRules() == null ? List.of() : report.rejectedRules()));
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    return new StatusReceipt(rows.getLong(1), appliance, isp, report.version(), report.applied(), now,
                            current(c, isp));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requirePublished(Connection c, String isp, long version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select published_at is not null from ruleset_version where isp_id = ? and number = ?")) {
            s.setString(1, isp);
            s.setLong(2, version);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw new ProblemException(ErrorCategory.NOT_FOUND, "unknown-version",
                            "Unknown version", "ISP " + isp + " has no version " + version);
                }
                if (!rows.getBoolean(1)) {
                    throw ProblemException.conflict("version-not-published", "Version " + version + " of ISP " + isp
                            + " was held by the circuit breaker and never published; it cannot have been applied");
                }
            }
        }
    }

    private static Long current(Connection c, String isp) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select max(number) from ruleset_version where isp_id = ? and state = 'PUBLISHED'")) {
            s.setString(1, isp);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return (Long) rows.getObject(1);
            }
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
