package org.interdict.compliance;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interdict.compliance.dto.EnforcementView;
import org.interdict.compliance.dto.EnforcementView.ApplianceEnforcement;
import org.interdict.compliance.dto.EnforcementView.IspEnforcement;
import org.interdict.compliance.dto.EnforcementView.WaitingBehind;
import org.interdict.config.InterdictConfig;
import org.interdict.error.ProblemException;
import org.interdict.ruleset.HeldVersions;

/**
 * Time to enforce a directive, per ISP and appliance. The first version carrying a directive is the first published
 * version at or after the first one whose recorded changes name it once it was in force (a held version that was
 * superseded passes its changes on to no one, hence "at or after"). While the circuit breaker holds a version the
 * directive waits behind, the ISP's row says which and since when. Blocking JDBC.
 */
@ApplicationScoped
public class Enforcement {

    /** Parameters: ISP, directive as {@code [{"directiveId": id}]}, time it came into force. */
    static final String FIRST_VERSION = "select v.number, v.published_at from ruleset_version v"
            + " where v.isp_id = ? and v.state = 'PUBLISHED' and v.number >= (select min(w.number) from ruleset_version w"
            + " where w.isp_id = v.isp_id and w.changes @> ?::jsonb and w.created_at >= ?) order by v.number limit 1";

    private final AgroalDataSource dataSource;
    private final HeldVersions heldVersions;
    private final InterdictConfig config;
    private final Clock clock;

    public Enforcement(AgroalDataSource dataSource, HeldVersions heldVersions, InterdictConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.heldVersions = heldVersions;
        this.config = config;
        this.clock = clock;
    }

    private record Order(long id, String legalReference, String status, boolean approved, Instant inForceSince,
            long deadlineMinutes, List<String> isps) {}

    /** {@code boundIsp}: the only ISP shown, for ISP engineers; a directive not addressed to it is not found. */
    public EnforcementView of(long id, String boundIsp) {
        return view(id, boundIsp, boundIsp == null ? null : Set.of(boundIsp));
    }

    /** Like {@link #of(long, String)} for every ISP, or only those of {@code isps} when not null. */
    EnforcementView forIsps(long id, Set<String> isps) {
        return view(id, null, isps);
    }

    private EnforcementView view(long id, String boundIsp, Set<String> shown) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            Order order = order(c, id);
            if (boundIsp != null && (!order.isps().contains(boundIsp) || !order.approved())) {
                throw ProblemException.notFound("Directive", id);
            }
            Instant deadline = order.inForceSince() == null ? null
                    : order.inForceSince().plus(Duration.ofMinutes(order.deadlineMinutes()));
            Map<String, WaitingBehind> waiting = new HashMap<>();
            heldVersions.waitingBehind(c, id)
                    .forEach(held -> waiting.put(held.isp(), new WaitingBehind(held.version(), held.since())));
            List<IspEnforcement> isps = new ArrayList<>();
            for (String isp : order.isps()) {
                if (shown == null || shown.contains(isp)) {
                    isps.add(forIsp(c, order, isp, deadline, now, waiting.get(isp)));
                }
            }
            return new EnforcementView(id, order.legalReference(), order.status(), order.inForceSince(), deadline,
                    order.deadlineMinutes(), isps);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Order order(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select legal_reference, status, decided_at is not null"
                + " and status in ('SCHEDULED', 'ACTIVE', 'EXPIRED', 'REVOKED'), greatest(decided_at, effective_from),"
                + " enforcement_deadline_minutes, case when all_isps then array(select i.id from isp i order by i.id)"
                + " else audience end from directive where id = ? and kind = 'BLOCK'")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw ProblemException.notFound("Block directive", id);
                }
                boolean approved = r.getBoolean(3);
                Integer minutes = (Integer) r.getObject(5);
                Array isps = r.getArray(6);
                return new Order(id, r.getString(1), r.getString(2), approved,
                        approved ? r.getTimestamp(4).toInstant() : null,
                        minutes != null ? minutes : config.compliance().enforcementDeadline().toMinutes(),
                        List.of((String[]) isps.getArray()));
            }
        }
    }

    private IspEnforcement forIsp(Connection c, Order order, String isp, Instant deadline, Instant now,
            WaitingBehind waiting) throws SQLException {
        Long first = null;
        Instant publishedAt = null;
        if (order.inForceSince() != null) {
            try (PreparedStatement s = c.prepareStatement(FIRST_VERSION)) {
                s.setString(1, isp);
                s.setString(2, "[{\"directiveId\": " + order.id() + "}]");
                s.setTimestamp(3, Timestamp.from(order.inForceSince()));
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        first = r.getLong(1);
                        publishedAt = r.getTimestamp(2).toInstant();
                    }
                }
            }
        }
        List<ApplianceEnforcement> appliances = new ArrayList<>();
        // A version with the rules of the ones before it (the order's targets were already covered) is enforced by
        // an appliance that applied any of them, from the moment the order came into force.
        try (PreparedStatement s = c.prepareStatement("select a.id, a.name, (select min(greatest(st.received_at, ?))"
                + " from appliance_status st where st.appliance_id = a.id and st.applied"
                + " and st.version >= rules_run_start(a.isp_id, ?))"
                + " from appliance a where a.isp_id = ? and a.token_revoked_at is null order by a.id")) {
            s.setTimestamp(1, order.inForceSince() == null ? null : Timestamp.from(order.inForceSince()));
            s.setObject(2, first);
            s.setString(3, isp);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Timestamp confirmed = r.getTimestamp(3);
                    appliances.add(appliance(r.getLong(1), r.getString(2), confirmed == null ? null
                            : confirmed.toInstant(), order.inForceSince(), deadline, now));
                }
            }
        }
        boolean all = !appliances.isEmpty() && appliances.stream().allMatch(a -> a.confirmedAt() != null);
        Instant enforcedAt = all ? appliances.stream().map(ApplianceEnforcement::confirmedAt).max(Instant::compareTo)
                .orElseThrow() : null;
        boolean within = deadline != null && (enforcedAt != null ? !enforcedAt.isAfter(deadline) : !now.isAfter(deadline));
        return new IspEnforcement(isp, first, publishedAt, enforcedAt, within, waiting, appliances);
    }

    private static ApplianceEnforcement appliance(long id, String name, Instant confirmed, Instant since,
            Instant deadline, Instant now) {
        if (confirmed != null) {
            long seconds = Math.max(0, Duration.between(since, confirmed).toSeconds());
            return new ApplianceEnforcement(id, name, confirmed, seconds, confirmed.isAfter(deadline) ? "LATE" : "ENFORCED");
        }
        return new ApplianceEnforcement(id, name, null, null,
                deadline != null && now.isAfter(deadline) ? "OVERDUE" : "PENDING");
    }
}
