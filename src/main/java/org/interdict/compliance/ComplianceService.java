package org.interdict.compliance;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interdict.alert.AlertPeriods;
import org.interdict.compliance.dto.ComplianceView;
import org.interdict.compliance.dto.ComplianceView.ApplianceCompliance;
import org.interdict.compliance.dto.ComplianceView.IspCompliance;
import org.interdict.compliance.dto.ComplianceView.RulesetState;
import org.interdict.compliance.dto.ComplianceView.ZoneTransferCompliance;
import org.interdict.config.InterdictConfig;
import org.interdict.persistence.DatabaseErrors;
import org.interdict.ruleset.HeldVersions;

/**
 * Who runs which version: per ISP its current version and the version the circuit breaker holds, per appliance the
 * version it last reported applied, how far behind that is, and whether it went silent; per address that took the
 * ISP's zone by DNS, its last transfer. One query per table,
 * whatever the number of appliances. Blocking JDBC: callers run on worker threads.
 */
@ApplicationScoped
public class ComplianceService {

    private static final String APPLIANCES = "select a.id, a.isp_id, a.name, a.kind, a.token_revoked_at is not null,"
            + " ok.version, ok.received_at,"
            + " (select count(*) from ruleset_version v where v.isp_id = a.isp_id and v.state = 'PUBLISHED'"
            + "   and v.number > coalesce(ok.version, 0) and coalesce(ok.version, 0) < cur.run_start),"
            + " (select min(v.published_at) from ruleset_version v where v.isp_id = a.isp_id and v.state = 'PUBLISHED'"
            + "   and v.number > coalesce(ok.version, 0) and coalesce(ok.version, 0) < cur.run_start),"
            + " greatest(a.last_seen_at, (select max(s.received_at) from appliance_status s where s.appliance_id = a.id)),"
            + " (select count(*) from appliance_status f where f.appliance_id = a.id and not f.applied"
            + "   and f.id > coalesce(ok.id, 0)),"
            + " (select f.error from appliance_status f where f.appliance_id = a.id and not f.applied"
            + "   and f.id > coalesce(ok.id, 0) order by f.id desc limit 1)"
            + " from appliance a left join lateral (select s.id, s.version, s.received_at from appliance_status s"
            + "   where s.appliance_id = a.id and s.applied order by s.id desc limit 1) ok on true"
            // An appliance on a version with the current rules (only the orders behind them changed since) is current.
            + " left join lateral (select rules_run_start(a.isp_id, max(v.number)) as run_start from ruleset_version v"
            + "   where v.isp_id = a.isp_id and v.state = 'PUBLISHED') cur on true"
            + " where (?::text is null or a.isp_id = ?) order by a.isp_id, a.id";

    private static final String ZONE_TRANSFERS = "select isp_id, host(address), serial, kind, transferred_at"
            + " from zone_transfer where (?::text is null or isp_id = ?) order by isp_id, address";

    private final AgroalDataSource dataSource;
    private final HeldVersions heldVersions;
    private final InterdictConfig config;
    private final Clock clock;

    public ComplianceService(AgroalDataSource dataSource, HeldVersions heldVersions, InterdictConfig config,
            Clock clock) {
        this.dataSource = dataSource;
        this.heldVersions = heldVersions;
        this.config = config;
        this.clock = clock;
    }

    /** Every ISP, or only {@code isp} when given. */
    public ComplianceView overview(String isp) {
        Instant now = clock.instant();
        Duration usualSilence = config.compliance().silentAfter();
        Map<String, Duration> silence = new HashMap<>();
        Map<String, Current> isps = new LinkedHashMap<>();
        Map<String, List<ApplianceCompliance>> appliances = new LinkedHashMap<>();
        Map<String, HeldVersions.Held> held = new HashMap<>();
        Map<String, List<TransferRow>> transfers = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select i.id, v.number, v.published_at from isp i"
                    + " left join lateral (select number, published_at from ruleset_version v where v.isp_id = i.id"
                    + " and v.state = 'PUBLISHED' order by number desc limit 1) v on true"
                    + " where (?::text is null or i.id = ?) order by i.id")) {
                s.setString(1, isp);
                s.setString(2, isp);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        isps.put(r.getString(1), new Current((Long) r.getObject(2), instant(r, 3)));
                        appliances.put(r.getString(1), new ArrayList<>());
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(APPLIANCES)) {
                s.setString(1, isp);
                s.setString(2, isp);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Instant behindSince = instant(r, 9);
                        Duration silentAfter = silence.computeIfAbsent(r.getString(2), i -> silenceInterval(c, now, i,
                                usualSilence));
                        Instant lastSeen = instant(r, 10);
                        boolean revoked = r.getBoolean(5);
                        appliances.get(r.getString(2)).add(new ApplianceCompliance(r.getLong(1), r.getString(3),
                                r.getString(4), revoked, (Long) r.getObject(6), instant(r, 7), r.getInt(8),
                                behindSince == null ? null : Math.max(0, Duration.between(behindSince, now).toSeconds()),
                                lastSeen, !revoked && (lastSeen == null || lastSeen.plus(silentAfter).isBefore(now)),
                                r.getInt(11), r.getString(12)));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(ZONE_TRANSFERS)) {
                s.setString(1, isp);
                s.setString(2, isp);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        transfers.computeIfAbsent(r.getString(1), id -> new ArrayList<>())
                                .add(new TransferRow(r.getString(2), r.getLong(3), r.getString(4), instant(r, 5)));
                    }
                }
            }
            heldVersions.all(c).forEach(h -> held.put(h.isp(), h));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<IspCompliance> result = new ArrayList<>();
        isps.forEach((id, current) -> {
            List<ApplianceCompliance> list = appliances.get(id);
            List<ApplianceCompliance> active = list.stream().filter(a -> !a.tokenRevoked()).toList();
            int behind = (int) active.stream().filter(a -> a.behindVersions() > 0).count();
            HeldVersions.Held heldVersion = held.get(id);
            result.add(new IspCompliance(id, heldVersion == null ? RulesetState.CURRENT : RulesetState.HELD,
                    current.number(), current.publishedAt(), heldVersion == null ? null : heldVersion.version(),
                    heldVersion == null ? null : heldVersion.since(), active.size(), active.size() - behind, behind,
                    (int) active.stream().filter(ApplianceCompliance::silent).count(), list,
                    transfers.getOrDefault(id, List.of()).stream().map(t -> new ZoneTransferCompliance(t.address(),
                            t.serial(), t.kind(), t.at(), current.number() != null && t.serial() == current.number()))
                            .toList()));
        });
        return new ComplianceView(now, result);
    }

    private record Current(Long number, Instant publishedAt) {}

    private record TransferRow(String address, long serial, String kind, Instant at) {}

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp value = r.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** During an alert period with a shorter appliance silence interval for the ISP, that interval. */
    private static Duration silenceInterval(Connection c, Instant now, String isp, Duration usual) {
        try {
            return AlertPeriods.silenceInterval(c, now, isp).filter(d -> d.compareTo(usual) < 0).orElse(usual);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }
}
