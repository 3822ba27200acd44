package org.interdict.ruleset;

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
import org.interdict.persistence.Transactions;

/**
 * Which ISPs have a version the circuit breaker holds, and which directives wait behind it: approved, in force,
 * addressed to the ISP and not yet in its current version. Blocking JDBC: callers run on worker threads.
 */
@ApplicationScoped
public class HeldVersions {

    /** The version of {@code isp} the breaker holds, and since when the ISP's versions are held. */
    public record Held(String isp, long version, Instant since) {}

    /** Every ISP's held version; at most one per ISP, as a newer one supersedes it. */
    private static final String HELD = "select distinct on (isp_id) isp_id, number, coalesce(held_since, created_at)"
            + " from ruleset_version where state = 'HELD' order by isp_id, number desc";

    /**
     * The held versions a directive in force waits behind: those of the ISPs it addresses whose versions since the
     * current one (held, superseded or refused) name its approval or activation, or all of them while that change
     * waits for a compilation. Parameters: the directive, then now twice.
     */
    private static final String WAITING = "with h as (" + HELD + "),"
            + " d as (select id, all_isps, audience from directive where id = ? and kind = 'BLOCK'"
            + "   and status in ('SCHEDULED', 'ACTIVE') and effective_from <= ? and (expires_at is null or expires_at > ?))"
            + " select h.* from h join d on d.all_isps or h.isp_id = any(d.audience)"
            + " where exists (select 1 from ruleset_change r where r.directive_id = d.id and r.compiled_at is null"
            + "   and r.change in ('approved', 'activated'))"
            + " or exists (select 1 from ruleset_version w where w.isp_id = h.isp_id and w.number <= h.number"
            + "   and w.number > (select coalesce(max(p.number), 0) from ruleset_version p where p.isp_id = h.isp_id"
            + "     and p.state = 'PUBLISHED')"
            + "   and (w.changes @> jsonb_build_array(jsonb_build_object('directiveId', d.id, 'change', 'approved'))"
            + "     or w.changes @> jsonb_build_array(jsonb_build_object('directiveId', d.id, 'change', 'activated'))))"
            + " order by 1";

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public HeldVersions(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Every held version, by ISP. */
    public List<Held> all() {
        return Transactions.read(dataSource, this::all);
    }

    /** Every held version, by ISP, on the caller's connection. */
    public List<Held> all(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(HELD)) {
            return read(s);
        }
    }

    /**
     * The ISPs where a directive waits behind a held version, by ISP; empty when it waits nowhere (or is not in force).
     * Reads what is committed: call it once the approval is.
     */
    public List<Held> waitingBehind(long directiveId) {
        return Transactions.read(dataSource, c -> waitingBehind(c, directiveId));
    }

    /** Like {@link #waitingBehind(long)}, within the caller's transaction (which then sees its own approval). */
    public List<Held> waitingBehind(Connection c, long directiveId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(WAITING)) {
            Timestamp now = Timestamp.from(clock.instant());
            s.setLong(1, directiveId);
            s.setTimestamp(2, now);
            s.setTimestamp(3, now);
            return read(s);
        }
    }

    private static List<Held> read(PreparedStatement s) throws SQLException {
        List<Held> held = new ArrayList<>();
        try (ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                held.add(new Held(rows.getString(1), rows.getLong(2), rows.getTimestamp(3).toInstant()));
            }
        }
        return held;
    }
}
