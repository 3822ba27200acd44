package org.interdict.appeal;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.interdict.config.InterdictConfig;
import org.interdict.persistence.Transactions;
import org.jboss.logging.Logger;

/**
 * Overdue appeal reviews for Prometheus, {@code interdict_appeals_overdue{stage}}: {@code acknowledge} counts reviews
 * still received past {@code interdict.appeals.acknowledge-within}, {@code decide} open reviews past
 * {@code interdict.appeals.decide-within}. Recomputed periodically rather than on every scrape.
 */
@ApplicationScoped
public class AppealMetrics {

    private static final Logger LOG = Logger.getLogger(AppealMetrics.class);

    private final AgroalDataSource dataSource;
    private final InterdictConfig.Appeals config;
    private final Clock clock;
    private final AtomicLong acknowledge = new AtomicLong();
    private final AtomicLong decide = new AtomicLong();

    public AppealMetrics(AgroalDataSource dataSource, InterdictConfig config, Clock clock, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config.appeals();
        this.clock = clock;
        Gauge.builder("interdict.appeals.overdue", acknowledge, AtomicLong::get).tag("stage", "acknowledge")
                .description("Appeal reviews not taken up within interdict.appeals.acknowledge-within")
                .register(registry);
        Gauge.builder("interdict.appeals.overdue", decide, AtomicLong::get).tag("stage", "decide")
                .description("Appeal reviews not decided within interdict.appeals.decide-within").register(registry);
    }

    @Scheduled(every = "${interdict.appeals.metrics-refresh:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        Instant now = clock.instant();
        try {
            Transactions.read(dataSource, c -> {
                try (PreparedStatement s = c.prepareStatement("select count(*) filter (where status = 'RECEIVED'"
                        + " and received_at < ?), count(*) filter (where received_at < ?) from appeal_review"
                        + " where status in ('RECEIVED', 'UNDER_REVIEW')")) {
                    s.setTimestamp(1, Timestamp.from(now.minus(config.acknowledgeWithin())));
                    s.setTimestamp(2, Timestamp.from(now.minus(config.decideWithin())));
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        acknowledge.set(r.getLong(1));
                        decide.set(r.getLong(2));
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warnf("Cannot count the overdue appeals, keeping the previous values: %s", e.getMessage());
        }
    }
}
