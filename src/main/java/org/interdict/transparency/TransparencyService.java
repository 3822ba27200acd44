package org.interdict.transparency;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.interdict.transparency.dto.TransparencyReport;
import org.interdict.transparency.dto.TransparencyReport.Count;
import org.interdict.transparency.dto.TransparencyReport.DirectiveEntry;
import org.interdict.transparency.dto.TransparencyReport.Revocations;
import org.interdict.transparency.dto.TransparencyReport.TimeToEnforce;

/** The transparency report. Blocking JDBC: callers run on worker threads. */
@ApplicationScoped
public class TransparencyService {

    /** Never shown, only counted: publishing them would publish a list of abuse material. */
    static final String WITHHELD_CATEGORY = "child-abuse";
    /** Targets listed per directive; the count is always complete. */
    static final int LISTED_TARGETS = 100;

    private static final String APPROVED = "d.decided_at is not null and d.status in ('SCHEDULED', 'ACTIVE', 'EXPIRED',"
            + " 'REVOKED') and d.issued_on between ? and ?";

    private static final String COUNTS = "select to_char(d.issued_on, 'YYYY-MM'), d.authority, d.category, d.kind,"
            + " count(*), sum((select count(*) from directive_target t where t.directive_id = d.id))"
            + " from directive d where " + APPROVED + " group by 1, 2, 3, 4 order by 1, 2, 3, 4";

    private static final String REVOCATIONS = "select to_char(d.revoked_at at time zone 'UTC', 'YYYY-MM'), count(*)"
            + " from directive d where d.status = 'REVOKED' and (d.revoked_at at time zone 'UTC')::date between ? and ?"
            + " group by 1 order by 1";

    /**
     * Per directive and ISP: the first version carrying it, then the first appliance confirmation of it, of a later
     * version, or of an earlier one with the same rules (see rules_run_start).
     */
    private static final String TIME_TO_ENFORCE = "with d as (select d.id, d.all_isps, d.audience,"
            + " greatest(d.decided_at, d.effective_from) as since from directive d where d.kind = 'BLOCK' and " + APPROVED
            + "), f as (select d.id, d.since, i.id as isp, (select min(v.number) from ruleset_version v"
            + "   where v.isp_id = i.id and v.state = 'PUBLISHED' and v.number >= (select min(w.number)"
            + "   from ruleset_version w where w.isp_id = i.id and w.created_at >= d.since"
            + "   and w.changes @> jsonb_build_array(jsonb_build_object('directiveId', d.id)))) as first"
            + "   from d join isp i on d.all_isps or i.id = any(d.audience)),"
            + " e as (select f.isp, greatest(0, extract(epoch from (select min(s.received_at) from appliance_status s"
            + "   where s.isp_id = f.isp and s.applied and s.version >= rules_run_start(f.isp, f.first)) - f.since))"
            + "   as seconds"
            + "   from f where f.first is not null)"
            + " select isp, count(*), percentile_cont(0.5) within group (order by seconds) from e"
            + " where seconds is not null group by isp order by isp";

    private static final String DIRECTIVES = "select d.id, d.legal_reference, d.authority, d.category, d.kind,"
            + " d.issued_on, d.status, (select count(*) from directive_target t where t.directive_id = d.id),"
            + " case when d.category = '" + WITHHELD_CATEGORY + "' then null else array(select t.value"
            + "   from directive_target t where t.directive_id = d.id order by t.id limit " + LISTED_TARGETS + ") end"
            + " from directive d where " + APPROVED + " order by d.issued_on, d.id";

    private final AgroalDataSource dataSource;

    public TransparencyService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public TransparencyReport report(LocalDate from, LocalDate to) {
        try (Connection c = dataSource.getConnection()) {
            // One snapshot, so the sections agree with each other.
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return new TransparencyReport(from, to,
                        rows(c, COUNTS, from, to, r -> new Count(r.getString(1), r.getString(2), r.getString(3),
                                r.getString(4), r.getLong(5), r.getLong(6))),
                        rows(c, REVOCATIONS, from, to, r -> new Revocations(r.getString(1), r.getLong(2))),
                        rows(c, TIME_TO_ENFORCE, from, to, r -> new TimeToEnforce(r.getString(1), r.getLong(2),
                                r.getDouble(3))),
                        rows(c, DIRECTIVES, from, to, TransparencyService::entry));
            } finally {
                c.rollback();
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DirectiveEntry entry(ResultSet r) throws SQLException {
        Array targets = r.getArray(9);
        return new DirectiveEntry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getDate(6).toLocalDate(), r.getString(7), r.getLong(8), targets == null,
                targets == null ? null : Arrays.asList((String[]) targets.getArray()));
    }

    private interface RowMapper<T> {
        T map(ResultSet r) throws SQLException;
    }

    private static <T> List<T> rows(Connection c, String sql, LocalDate from, LocalDate to, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setDate(1, Date.valueOf(from));
            s.setDate(2, Date.valueOf(to));
            List<T> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(mapper.map(r));
                }
            }
            return rows;
        }
    }
}
