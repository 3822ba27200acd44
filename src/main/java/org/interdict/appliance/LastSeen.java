package org.interdict.appliance;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.interdict.persistence.Transactions;
import org.jboss.logging.Logger;

/**
 * When each appliance was last heard from. Thousands of appliances poll, so a request writes nothing: the latest
 * time per appliance waits here and all of them are written by one batched UPDATE, periodically and at shutdown.
 * A time is only forgotten once written, and never moves a stored time backwards (several replicas may write).
 */
@ApplicationScoped
public class LastSeen {

    private static final Logger LOG = Logger.getLogger(LastSeen.class);

    private final AgroalDataSource dataSource;
    private final Map<Long, Instant> pending = new ConcurrentHashMap<>();

    public LastSeen(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Notes a request authenticated by the appliance's token. */
    void record(long appliance, Instant at) {
        pending.merge(appliance, at, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
    }

    /** A contact not written yet, or null. */
    Instant unwritten(long appliance) {
        return pending.get(appliance);
    }

    /** Writes every pending time in one statement; answers how many appliances were updated. */
    public int flush() {
        List<Map.Entry<Long, Instant>> batch = new ArrayList<>(pending.size());
        pending.forEach((id, at) -> batch.add(Map.entry(id, at)));
        if (batch.isEmpty()) {
            return 0;
        }
        Long[] ids = new Long[batch.size()];
        Timestamp[] times = new Timestamp[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            ids[i] = batch.get(i).getKey();
            times[i] = Timestamp.from(batch.get(i).getValue());
        }
        int updated = Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("update appliance a set last_seen_at = s.seen"
                    + " from unnest(?::bigint[], ?::timestamptz[]) as s(id, seen)"
                    + " where a.id = s.id and (a.last_seen_at is null or a.last_seen_at < s.seen)")) {
                s.setArray(1, c.createArrayOf("bigint", ids));
                s.setArray(2, c.createArrayOf("timestamptz", times));
                return s.executeUpdate();
            }
        });
        // A newer time that arrived meanwhile stays for the next flush.
        batch.forEach(entry -> pending.remove(entry.getKey(), entry.getValue()));
        return updated;
    }

    @Scheduled(every = "${interdict.appliances.last-seen-flush-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flushPeriodically() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf("Writing last-seen times failed, retrying next run: %s", e.getMessage());
        }
    }

    void flushAtShutdown(@Observes ShutdownEvent event) {
        try {
            int written = flush();
            LOG.debugf("Wrote last-seen times of %d appliance(s) at shutdown", written);
        } catch (RuntimeException e) {
            LOG.warnf("Last-seen times of %d appliance(s) were lost at shutdown: %s", pending.size(), e.getMessage());
        }
    }
}
