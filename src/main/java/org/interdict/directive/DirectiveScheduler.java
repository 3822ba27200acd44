package org.interdict.directive;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.interdict.ruleset.RulesetChange;
import org.jboss.logging.Logger;

/**
 * Applies scheduled activations and expiries without any request. Each transition is one conditional UPDATE,
 * so with several replicas each directive changes state exactly once, and a restart loses nothing: the
 * times are in the database.
 */
@ApplicationScoped
public class DirectiveScheduler {

    private static final Logger LOG = Logger.getLogger(DirectiveScheduler.class);

    private final Pool pool;
    private final Event<RulesetChange> changes;
    private final Clock clock;

    public DirectiveScheduler(Pool pool, Event<RulesetChange> changes, Clock clock) {
        this.pool = pool;
        this.changes = changes;
        this.clock = clock;
    }

    @Scheduled(every = "${interdict.lifecycle.check-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> applyTransitions() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return transition("update directive set status = 'EXPIRED', updated_at = $1"
                        + " where status in ('SCHEDULED', 'ACTIVE') and expires_at <= $1", now, "expired")
                .flatMap(ignored -> transition("update directive set status = 'ACTIVE', updated_at = $1"
                        + " where status = 'SCHEDULED' and effective_from <= $1", now, "activated"))
                .onFailure().invoke(e -> LOG.warnf("Scheduled transitions failed, retrying next run: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** One statement updates the directives and records the change for the compiler, atomically. */
    private Uni<Void> transition(String update, OffsetDateTime now, String change) {
        String sql = "with changed as (" + update + " returning id)"
                + " insert into ruleset_change (directive_id, change, created_at)"
                + " select id, $2, $1 from changed returning directive_id";
        return pool.preparedQuery(sql).execute(Tuple.of(now, change)).map(rows -> {
            rows.forEach(row -> {
                long id = row.getLong(0);
                LOG.infof("Directive %d %s", id, change);
                changes.fire(new RulesetChange(id, change));
            });
            return null;
        });
    }
}
