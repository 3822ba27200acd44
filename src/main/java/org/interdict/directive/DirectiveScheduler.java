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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
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
    private final AuditLog audit;
    private final Clock clock;

    public DirectiveScheduler(Pool pool, Event<RulesetChange> changes, AuditLog audit, Clock clock) {
        this.pool = pool;
        this.changes = changes;
        this.audit = audit;
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

    /**
     * One statement updates the directives and records the change for the compiler; the audit entries join it in
     * the same transaction.
     */
    private Uni<Void> transition(String update, OffsetDateTime now, String change) {
        String sql = "with changed as (" + update + " returning id, legal_reference)"
                + " , noted as (insert into ruleset_change (directive_id, change, created_at)"
                + " select id, $2, $1 from changed)"
                + " select id, legal_reference from changed order by id";
        List<Long> done = new ArrayList<>();
        return pool.withTransaction(conn -> conn.preparedQuery(sql).execute(Tuple.of(now, change)).flatMap(rows -> {
            List<AuditEvent> events = new ArrayList<>();
            rows.forEach(row -> {
                done.add(row.getLong(0));
                events.add(AuditEvent.bySystem(now.toInstant(), "directive." + change, DirectiveAudit.SUBJECT,
                        row.getLong(0), Map.of("legalReference", row.getString(1))));
            });
            return audit.append(conn, events);
        })).invoke(() -> done.forEach(id -> {
            LOG.infof("Directive %d %s", id, change);
            changes.fire(new RulesetChange(id, change));
        }));
    }
}
