package org.interdict.publish;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.interdict.version.CoalescingRun;
import org.interdict.version.NewVersion;
import org.interdict.version.Outbox;
import org.interdict.persistence.Transactions;
import org.jboss.logging.Logger;

/**
 * Runs the publisher on its own thread: at once after a new version, every retry interval for the outbox (versions
 * whose publication failed, or made by another replica), and every reconcile interval (and at start-up) for every
 * ISP, which repairs a Redis that lost data. Each run holds a PostgreSQL advisory lock, so with several replicas
 * one publishes at a time and no version is published twice.
 */
@ApplicationScoped
public class PublishWorker {

    private static final Logger LOG = Logger.getLogger(PublishWorker.class);
    /** Arbitrary, fixed: the advisory lock every replica takes to publish. */
    static final long PUBLISH_LOCK = 0x1d7_9b_5e11L;

    private final AgroalDataSource dataSource;
    private final RedisPublisher publisher;
    private final CoalescingRun runs = new CoalescingRun("redis-publisher", this::run);
    private final AtomicBoolean reconcile = new AtomicBoolean(true);
    private final AtomicBoolean failing = new AtomicBoolean();

    public PublishWorker(AgroalDataSource dataSource, RedisPublisher publisher) {
        this.dataSource = dataSource;
        this.publisher = publisher;
    }

    void onStart(@Observes StartupEvent event) {
        request();
    }

    void onStop(@Observes ShutdownEvent event) {
        runs.stop();
    }

    /** Fired after the version's transaction committed, its outbox row with it. */
    void onNewVersion(@Observes NewVersion version) {
        request();
    }

    @Scheduled(every = "${interdict.publish.retry-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        request();
    }

    @Scheduled(every = "${interdict.publish.reconcile-interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcileSoon() {
        reconcile.set(true);
        request();
    }

    /** Asks for a run soon; joins one that is scheduled and not yet started. */
    public void request() {
        runs.request();
    }

    private void run() {
        boolean everyIsp = reconcile.getAndSet(false);
        boolean clean = false;
        try {
            clean = Transactions.inTransaction(dataSource, c -> tryLock(c) && publishAll(c, everyIsp));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Publication run failed; retrying");
        }
        if (clean && failing.getAndSet(false)) {
            LOG.info("Redis is reachable again; the waiting versions are published");
        }
        if (!clean && everyIsp) {
            reconcile.set(true);
        }
    }

    /** Publishes the waiting versions (every ISP's when reconciling); true when all of them reached Redis. */
    private boolean publishAll(Connection c, boolean everyIsp) throws SQLException {
        List<String> isps = everyIsp ? PublishedVersions.isps(c) : Outbox.pending(c);
        for (String isp : isps) {
            try {
                Outbox.done(c, isp, publisher.sync(c, isp));
            } catch (RuntimeException e) {
                // Most likely Redis is down: the rows stay for the next retry; readiness already reports Redis.
                if (!failing.getAndSet(true)) {
                    LOG.warnf("Cannot publish to Redis (%s); versions wait in the outbox", e.getMessage());
                }
                Outbox.failed(c, isp, String.valueOf(e.getMessage()));
                return false;
            }
        }
        if (!isps.isEmpty()) {
            publisher.collect(c);
            publisher.refreshSpares(c);
        }
        return true;
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, PUBLISH_LOCK);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }
}
