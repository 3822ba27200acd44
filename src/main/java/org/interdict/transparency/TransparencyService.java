package org.interdict.transparency;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.interdict.authority.AuthorityRef;
import org.interdict.config.InterdictConfig;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.transparency.dto.TransparencyReport.Appeals;
import org.interdict.transparency.dto.TransparencyReport.AuthorityTotal;
import org.interdict.transparency.dto.TransparencyReport.Count;
import org.interdict.transparency.dto.TransparencyReport.DirectiveEntry;
import org.interdict.transparency.dto.TransparencyReport.Revocations;
import org.interdict.transparency.dto.TransparencyReport.TimeToEnforce;
import org.interdict.transparency.dto.TransparencyReport;

/** The transparency report. Blocking JDBC: callers run on worker threads. */
@ApplicationScoped
public class TransparencyService {

    /** Never shown, only counted: publishing them would publish a list of abuse material. */
    static final String WITHHELD_CATEGORY = "child-abuse";
    /** Targets listed per directive; the count is always complete. */
    static final int LISTED_TARGETS = 100;

    private static final String APPROVED = "d.decided_at is not null and d.status in ('SCHEDULED', 'ACTIVE', 'EXPIRED',"
            + " 'REVOKED') and d.issued_on between ? and ?";

    /** Directives recorded before the registry and never linked to an authority count under their free text. */
    private static final String COUNTS = "select to_char(d.issued_on, 'YYYY-MM'), a.id, a.name_vi, a.name_en,"
            + " case when a.id is null then d.authority_legacy end, d.category, d.kind,"
            + " count(*), sum((select count(*) from directive_target t where t.directive_id = d.id))"
            + " from directive d left join authority a on a.id = d.authority_id where " + APPROVED
            + " group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 5, 6, 7";

    private static final String REVOCATIONS = "select to_char(d.revoked_at at time zone 'UTC', 'YYYY-MM'), count(*)"
            + " from directive d where d.status = 'REVOKED' and (d.revoked_at at time zone 'UTC')::date between ? and ?"
            + " group by 1 order by 1";

    /** The period's block directives and when each came into force, for {@link EnforcementTimes}. */
    private static final String BLOCK_DIRECTIVES = "select d.id, " + micros("greatest(d.decided_at, d.effective_from)")
            + ", d.all_isps,"
            + " d.audience from directive d where d.kind = 'BLOCK' and " + APPROVED + " order by d.id";

    /**
     * Every version of every ISP in order, for {@link EnforcementTimes}: published or not, its rules' digest, its first
     * applied confirmation, and the directives its changes name (some name none: an allowlist edit, say), read only
     * for versions made since the given instant, when the period's first directive came into force.
     */
    private static final String VERSIONS = "select r.isp_id, r.number, r.state = 'PUBLISHED', r.digest, "
            + micros("r.created_at") + ", coalesce(" + micros("c.at") + ", " + EnforcementTimes.NEVER + "),"
            + " case when r.created_at >= to_timestamp(? / 1e6) then array_to_string(array(select c.\"directiveId\""
            + "   from jsonb_to_recordset(r.changes) as c(\"directiveId\" bigint) where c.\"directiveId\" is not null),"
            + "   ',') else '' end"
            + " from ruleset_version r left join (select isp_id, version, min(received_at) as at from appliance_status"
            + "   where applied group by isp_id, version) c on c.isp_id = r.isp_id and c.version = r.number"
            + " order by r.isp_id, r.number";

    private static final String DIRECTIVES = "select d.id, d.legal_reference, a.id, a.name_vi, a.name_en,"
            + " case when a.id is null then d.authority_legacy end, d.category, d.kind, d.issued_on, d.status, (select count(*) from directive_target t where t.directive_id = d.id),"
            + " case when d.category = '" + WITHHELD_CATEGORY + "' then null else array(select t.value"
            + "   from directive_target t where t.directive_id = d.id order by t.id limit " + LISTED_TARGETS + ") end"
            + " from directive d left join authority a on a.id = d.authority_id where " + APPROVED
            + " order by d.issued_on, d.id";

    /**
     * Appeal reviews per month and authority: counted in the month of their receipt as received, in the month of
     * their closing as decided (by outcome) or withdrawn. Parameters: the range twice.
     */
    private static final String APPEALS = "with e as (select to_char(received_at at time zone 'UTC', 'YYYY-MM') as m,"
            + " authority_id, 1 as received, null::text as outcome, false as withdrawn, null::float8 as seconds"
            + " from appeal_review where (received_at at time zone 'UTC')::date between ? and ?"
            + " union all select to_char(closed_at at time zone 'UTC', 'YYYY-MM'), authority_id, 0, outcome,"
            + " status = 'WITHDRAWN',"
            + " case when outcome is not null then extract(epoch from closed_at - received_at) end"
            + " from appeal_review where closed_at is not null"
            + " and (closed_at at time zone 'UTC')::date between ? and ?)"
            + " select e.m, a.id, a.name_vi, a.name_en, sum(e.received), count(e.outcome),"
            + " count(*) filter (where e.outcome = 'UPHELD'), count(*) filter (where e.outcome = 'PARTIALLY_LIFTED'),"
            + " count(*) filter (where e.outcome = 'LIFTED'), count(*) filter (where e.outcome = 'INADMISSIBLE'),"
            + " count(*) filter (where e.withdrawn), percentile_cont(0.5) within group (order by e.seconds)"
            + " from e join authority a on a.id = e.authority_id group by 1, 2, 3, 4 order by 1, 2";

    /** An instant as microseconds since the epoch, which the report computes with: read as a plain number. */
    private static String micros(String instant) {
        return "(extract(epoch from " + instant + ") * 1000000)::bigint";
    }

    /** SQLSTATE of a statement cancelled by statement_timeout. */
    private static final String QUERY_CANCELED = "57014";

    private final AgroalDataSource dataSource;
    private final Duration timeout;

    public TransparencyService(AgroalDataSource dataSource, InterdictConfig config) {
        this.dataSource = dataSource;
        this.timeout = config.transparency().timeout();
    }

    /** The report over [from, to]. */
    public TransparencyReport report(LocalDate from, LocalDate to) {
        return read(from, to, query -> {
            List<Count> counts = counts(query);
            return new TransparencyReport(from, to, counts, perAuthority(counts),
                    query.rows(REVOCATIONS, r -> new Revocations(r.getString(1), r.getLong(2))),
                    timeToEnforce(query),
                    query.rows(DIRECTIVES, TransparencyService::entry), appeals(query));
        });
    }

    /** Only the appeal counts of the report over [from, to] (their CSV form). */
    public List<Appeals> appeals(LocalDate from, LocalDate to) {
        return read(from, to, TransparencyService::appeals);
    }

    private static List<Appeals> appeals(Query query) throws SQLException {
        List<Appeals> rows = new ArrayList<>();
        Date from = Date.valueOf(query.from());
        Date to = Date.valueOf(query.to());
        query.each(APPEALS, List.of(from, to, from, to), r -> {
            double median = r.getDouble(12);
            rows.add(new Appeals(r.getString(1), authority(r, 2), r.getLong(5), r.getLong(6), r.getLong(7),
                    r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11), r.wasNull() ? null : median));
        });
        return rows;
    }

    /** The counts summed per authority (per free text for directives recorded before the registry), busiest first. */
    private static List<AuthorityTotal> perAuthority(List<Count> counts) {
        Map<List<Object>, long[]> totals = new LinkedHashMap<>();
        for (Count c : counts) {
            long[] sum = totals.computeIfAbsent(Arrays.asList(c.authority(), c.authorityLegacy()), key -> new long[2]);
            sum[0] += c.directives();
            sum[1] += c.targets();
        }
        return totals.entrySet().stream()
                .map(e -> new AuthorityTotal((AuthorityRef) e.getKey().get(0), (String) e.getKey().get(1),
                        e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(AuthorityTotal::directives).reversed())
                .toList();
    }

    /** Only the counts of the report over [from, to] (its CSV form). */
    public List<Count> counts(LocalDate from, LocalDate to) {
        return read(from, to, TransparencyService::counts);
    }

    private interface Reading<T> {
        T read(Query query) throws SQLException;
    }

    /**
     * Runs the queries of a report in one read-only snapshot, so that its sections agree. They share
     * {@code interdict.transparency.timeout}: each runs with what the earlier ones left, so PostgreSQL stops working
     * on a report that took too long, whether or not its client is still there; the report is then refused with
     * 503 {@code report-timeout}.
     */
    private <T> T read(LocalDate from, LocalDate to, Reading<T> reading) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement settings = c.createStatement()) {
                // These few large queries gain nothing from JIT compilation, which costs more than they run.
                settings.execute("set local jit = off");
                return reading.read(new Query(c, from, to, deadline));
            } catch (SQLException e) {
                if (QUERY_CANCELED.equals(e.getSQLState())) {
                    throw timedOut(from, to);
                }
                throw e;
            } finally {
                c.rollback();
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Count> counts(Query query) throws SQLException {
        return query.rows(COUNTS, r -> new Count(r.getString(1), authority(r, 2), r.getString(5), r.getString(6),
                r.getString(7), r.getLong(8), r.getLong(9)));
    }

    private ProblemException timedOut(LocalDate from, LocalDate to) {
        return new ProblemException(ErrorCategory.UNAVAILABLE, "report-timeout", "Report timed out",
                "The report from " + from + " to " + to + " took longer than " + timeout.toMillis()
                        + " ms and was stopped; ask for a narrower range, or again later");
    }

    private static List<TimeToEnforce> timeToEnforce(Query query) throws SQLException {
        EnforcementTimes times = new EnforcementTimes();
        query.each(BLOCK_DIRECTIVES, List.of(Date.valueOf(query.from()), Date.valueOf(query.to())),
                r -> times.directive(r.getLong(1), r.getLong(2), r.getBoolean(3),
                        Arrays.asList((String[]) r.getArray(4).getArray())));
        OptionalLong earliest = times.earliest();
        if (earliest.isEmpty()) {
            return List.of();
        }
        query.each(VERSIONS, List.of(earliest.getAsLong()), r -> times.version(r.getString(1), r.getLong(2),
                r.getBoolean(3), r.getString(4), r.getLong(5), r.getLong(6), ids(r.getString(7))));
        return times.medians();
    }

    /** Ids written as {@code 12,345,6789}: read without boxing, a quarter of a million of them per report. */
    private static long[] ids(String list) {
        if (list.isEmpty()) {
            return new long[0];
        }
        long[] ids = new long[(int) list.chars().filter(c -> c == ',').count() + 1];
        int n = 0;
        long id = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == ',') {
                ids[n++] = id;
                id = 0;
            } else {
                id = 10 * id + (c - '0');
            }
        }
        ids[n] = id;
        return ids;
    }

    private static DirectiveEntry entry(ResultSet r) throws SQLException {
        Array targets = r.getArray(12);
        return new DirectiveEntry(r.getLong(1), r.getString(2), authority(r, 3), r.getString(6), r.getString(7),
                r.getString(8), r.getObject(9, LocalDate.class), r.getString(10), r.getLong(11), targets == null,
                targets == null ? null : Arrays.asList((String[]) targets.getArray()));
    }

    /** The authority whose id, Vietnamese and English names are in the three columns from {@code first}, if any. */
    private static AuthorityRef authority(ResultSet r, int first) throws SQLException {
        String id = r.getString(first);
        return id == null ? null : new AuthorityRef(id, r.getString(first + 1), r.getString(first + 2));
    }

    private interface RowMapper<T> {
        T map(ResultSet r) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet r) throws SQLException;
    }

    /** The report's queries, on one connection, over one range, within one time budget. */
    private record Query(Connection c, LocalDate from, LocalDate to, long deadline) {

        /** The rows of a query whose parameters are the range. */
        <T> List<T> rows(String sql, RowMapper<T> mapper) throws SQLException {
            List<T> rows = new ArrayList<>();
            each(sql, List.of(Date.valueOf(from), Date.valueOf(to)), r -> rows.add(mapper.map(r)));
            return rows;
        }

        void each(String sql, List<Object> parameters, RowReader reader) throws SQLException {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            try (Statement settings = c.createStatement()) {
                settings.execute("set local statement_timeout = " + left);
            }
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    s.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        reader.read(r);
                    }
                }
            }
        }
    }
}
