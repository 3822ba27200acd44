package org.interdict.appliance;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * When each appliance was last heard from. Thousands of appliances poll, so a request writes nothing: the latest
 * time per appliance waits here and all of them are written by one batched UPDATE, periodically and at shutdown.
 * A time is only forgotten once written, and never moves a stored time backwards (several replicas may write).
 */
@ApplicationScoped
public class LastSeen {

    private static final Logger LOG = Logger.getLogger(LastSeen.class);
    private static final Duration SHUTDOWN_FLUSH_TIMEOUT = Duration.ofSeconds(10);

    private final Pool pool;
    private final Map<Long, Instant> pending = new ConcurrentHashMap<>();

    public LastSeen(Pool pool) {
        this.pool = pool;
    }

    /** Notes a request authenticated by the appliance's token. */
    void record(long appliance, Instant at) {
        pending.merge(appliance, at, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
    }

    /** A contact not written yet, or null. */
    Instant unwritten(long appliance) {
        return pending.get(appliance);
    }

    /** Writes every pending time in one statement; emits how many appliances were updated. */
    public Uni<Integer> flush() {
        List<Map.Entry<Long, Instant>> batch = new ArrayList<>(pending.size());
        pending.forEach((id, at) -> batch.add(Map.entry(id, at)));
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Long[] ids = new Long[batch.size()];
        OffsetDateTime[] times = new OffsetDateTime[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            ids[i] = batch.get(i).getKey();
            times[i] = OffsetDateTime.ofInstant(batch.get(i).getValue(), ZoneOffset.UTC);
        }
        return pool.preparedQuery("update appliance a set last_seen_at = s.seen"
                        + " from unnest($1::bigint[], $2::timestamptz[]) as s(id, seen)"
                        + " where a.id = s.id and (a.last_seen_at is null or a.last_seen_at < s.seen)")
                .execute(Tuple.of(ids, times))
                .map(rows -> {
                    // A newer time that arrived meanwhile stays for the next flush.
                    batch.forEach(entry -> pending.remove(entry.getKey(), entry.getValue()));
                    return rows.rowCount();
                });
    }

    @Scheduled(every = "${interdict.appliances.last-seen-flush-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flushPeriodically() {
        return flush().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("Writing last-seen times failed, retrying next run: %s",
                        e.getMessage()))
                .onFailure().recoverWithNull();
    }

    void flushAtShutdown(@Observes ShutdownEvent event) {
        try {
            int written = flush().await().atMost(SHUTDOWN_FLUSH_TIMEOUT);
            LOG.debugf("Wrote last-seen times of %d appliance(s) at shutdown", written);
        } catch (RuntimeException e) {
            LOG.warnf("Last-seen times of %d appliance(s) were lost at shutdown: %s", pending.size(), e.getMessage());
        }
    }
}
