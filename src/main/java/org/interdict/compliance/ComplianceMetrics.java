package org.interdict.compliance;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.interdict.compliance.dto.ComplianceView;
import org.interdict.config.InterdictConfig;
import org.jboss.logging.Logger;

/**
 * Compliance gauges for Prometheus, recomputed periodically rather than on every scrape: each costs a few queries
 * over every appliance and directive. Among them the versions the circuit breaker holds and for how long, to alert on.
 */
@ApplicationScoped
public class ComplianceMetrics {

    private static final Logger LOG = Logger.getLogger(ComplianceMetrics.class);

    /**
     * Block directives in force whose deadline has passed while an active appliance of an ISP they address has not
     * yet confirmed a version carrying them. Parameters: the default deadline in minutes, then now.
     */
    private static final String LATE_DIRECTIVES = "with d as (select id, all_isps, audience,"
            + " greatest(decided_at, effective_from) as since, greatest(decided_at, effective_from)"
            + " + make_interval(mins => coalesce(enforcement_deadline_minutes, ?::int)) as deadline from directive"
            + " where status = 'ACTIVE' and kind = 'BLOCK'),"
            + " f as (select d.id, i.id as isp, (select min(v.number) from ruleset_version v where v.isp_id = i.id"
            + "   and v.state = 'PUBLISHED' and v.number >= (select min(w.number) from ruleset_version w"
            + "   where w.isp_id = i.id and w.changes @> jsonb_build_array(jsonb_build_object('directiveId', d.id))"
            + "   and w.created_at >= d.since)) as first"
            + "   from d join isp i on d.all_isps or i.id = any(d.audience) where d.deadline < ?)"
            + " select count(distinct f.id) from f join appliance a on a.isp_id = f.isp and a.token_revoked_at is null"
            + " where f.first is null or not exists (select 1 from appliance_status s where s.appliance_id = a.id"
            + "   and s.applied and s.version >= rules_run_start(f.isp, f.first))";

    private final ComplianceService compliance;
    private final AgroalDataSource dataSource;
    private final InterdictConfig config;
    private final Clock clock;
    private final MultiGauge currentVersion;
    private final MultiGauge behind;
    private final MultiGauge silent;
    private final MultiGauge heldVersions;
    private final MultiGauge heldAge;
    private final AtomicLong lateDirectives = new AtomicLong();

    public ComplianceMetrics(ComplianceService compliance, AgroalDataSource dataSource, InterdictConfig config,
            Clock clock, MeterRegistry registry) {
        this.compliance = compliance;
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
        this.currentVersion = MultiGauge.builder("interdict.ruleset.current.version")
                .description("Number of the ISP's current published rule-set version").register(registry);
        this.behind = MultiGauge.builder("interdict.appliances.behind")
                .description("Active appliances whose last applied version is not the ISP's current one").register(registry);
        this.silent = MultiGauge.builder("interdict.appliances.silent")
                .description("Active appliances not heard from within interdict.compliance.silent-after").register(registry);
        this.heldVersions = MultiGauge.builder("interdict.ruleset.held.versions")
                .description("Versions of the ISP the circuit breaker holds for a supervisor (0 or 1)").register(registry);
        this.heldAge = MultiGauge.builder("interdict.ruleset.held.oldest.age.seconds")
                .description("Seconds since the ISP's versions started to be held: approvals since wait that long")
                .register(registry);
        Gauge.builder("interdict.directives.past.enforcement.deadline", lateDirectives, AtomicLong::get)
                .description("Block directives in force, past their enforcement deadline, not yet enforced everywhere")
                .register(registry);
    }

    @Scheduled(every = "${interdict.compliance.metrics-refresh:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            List<ComplianceView.IspCompliance> isps = compliance.overview(null).isps();
            currentVersion.register(isps.stream().filter(i -> i.currentVersion() != null)
                    .map(i -> MultiGauge.Row.of(Tags.of("isp", i.isp()), i.currentVersion())).toList(), true);
            behind.register(isps.stream().map(i -> MultiGauge.Row.of(Tags.of("isp", i.isp()), i.behind())).toList(), true);
            silent.register(isps.stream().map(i -> MultiGauge.Row.of(Tags.of("isp", i.isp()), i.silent())).toList(), true);
            heldVersions.register(isps.stream().map(i -> MultiGauge.Row.of(Tags.of("isp", i.isp()),
                    i.heldVersion() == null ? 0 : 1)).toList(), true);
            // The age grows between refreshes: it is read at each scrape.
            heldAge.register(isps.stream().filter(i -> i.heldSince() != null)
                    .map(i -> MultiGauge.Row.of(Tags.of("isp", i.isp()), i.heldSince(),
                            since -> Math.max(0, Duration.between(since, clock.instant()).toSeconds())))
                    .toList(), true);
            lateDirectives.set(countLateDirectives());
        } catch (RuntimeException | SQLException e) {
            LOG.warnf("Cannot refresh the compliance metrics, keeping the previous values: %s", e.getMessage());
        }
    }

    private long countLateDirectives() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(LATE_DIRECTIVES)) {
            s.setInt(1, (int) config.compliance().enforcementDeadline().toMinutes());
            s.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
