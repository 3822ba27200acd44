package org.interdict.compliance;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.interdict.compliance.dto.ComplianceView;
import org.interdict.config.InterdictConfig;
import org.interdict.persistence.Transactions;
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
     *
     * <p>Set-wise, so that a national register costs seconds: the first version naming each late (directive, ISP)
     * comes from one pass over the versions' change lists, the run start (see {@code rules_run_start}) is computed
     * once per distinct version, and each appliance's newest applied version once.
     */
    private static final String LATE_DIRECTIVES = "with d as (select id, all_isps, audience,"
            + " greatest(decided_at, effective_from) as since, greatest(decided_at, effective_from)"
            + " + make_interval(mins => coalesce(enforcement_deadline_minutes, ?::int)) as deadline from directive"
            + " where status = 'ACTIVE' and kind = 'BLOCK'),"
            + " late as (select d.id, d.since, i.id as isp from d join isp i on d.all_isps or i.id = any(d.audience)"
            + "   where d.deadline < ?),"
            + " named as (select l.id, l.isp, min(v.number) as number"
            + "   from ruleset_version v cross join lateral jsonb_array_elements(v.changes) c"
            + "   join late l on l.id = (c->>'directiveId')::bigint and l.isp = v.isp_id and v.created_at >= l.since"
            + "   group by l.id, l.isp),"
            + " starts as (select isp, number, rules_run_start(isp, (select min(p.number) from ruleset_version p"
            + "   where p.isp_id = x.isp and p.state = 'PUBLISHED' and p.number >= x.number)) as start"
            + "   from (select distinct isp, number from named) x),"
            + " applied as (select appliance_id, max(version) as version from appliance_status where applied"
            + "   group by appliance_id)"
            + " select count(distinct l.id) from late l"
            + " join appliance a on a.isp_id = l.isp and a.token_revoked_at is null"
            + " left join named n on n.id = l.id and n.isp = l.isp"
            + " left join starts st on st.isp = n.isp and st.number = n.number"
            + " left join applied ap on ap.appliance_id = a.id"
            + " where st.start is null or coalesce(ap.version, 0) < st.start";

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
        } catch (RuntimeException e) {
            LOG.warnf("Cannot refresh the compliance metrics, keeping the previous values: %s", e.getMessage());
        }
    }

    /** Never longer than a refresh interval: a slow count must not pile up in PostgreSQL behind the next one. */
    private long countLateDirectives() {
        long timeout = config.compliance().metricsRefresh().toMillis();
        return Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("select set_config('statement_timeout', ?, true)")) {
                s.setString(1, timeout + "ms");
                s.execute();
            }
            try (PreparedStatement s = c.prepareStatement(LATE_DIRECTIVES)) {
                s.setInt(1, (int) config.compliance().enforcementDeadline().toMinutes());
                s.setTimestamp(2, Timestamp.from(clock.instant()));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }
}
