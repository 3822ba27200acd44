package org.interdict.directive;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.persistence.Columns;
import org.interdict.persistence.Transactions;
import org.interdict.ruleset.RulesetChange;
import org.jboss.logging.Logger;

/**
 * Applies scheduled activations and expiries without any request. Each transition is one conditional UPDATE,
 * so with several replicas each directive changes state exactly once, and a restart loses nothing: the
 * times are in the database. The ISPs of a block directive activated are told in the same transaction.
 */
@ApplicationScoped
public class DirectiveScheduler {

    private static final Logger LOG = Logger.getLogger(DirectiveScheduler.class);

    private final AgroalDataSource dataSource;
    private final Event<RulesetChange> changes;
    private final AuditLog audit;
    private final DirectiveNotices notices;
    private final Clock clock;

    public DirectiveScheduler(AgroalDataSource dataSource, Event<RulesetChange> changes, AuditLog audit,
            DirectiveNotices notices, Clock clock) {
        this.dataSource = dataSource;
        this.changes = changes;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
    }

    @Scheduled(every = "${interdict.lifecycle.check-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void applyTransitions() {
        Instant now = clock.instant();
        try {
            transition("update directive set status = 'EXPIRED', updated_at = ?, version = version + 1"
                    + " where status in ('SCHEDULED', 'ACTIVE') and expires_at <= ?", now, "expired");
            transition("update directive set status = 'ACTIVE', updated_at = ?, version = version + 1"
                    + " where status = 'SCHEDULED' and effective_from <= ?", now, "activated");
        } catch (RuntimeException e) {
            LOG.warnf("Scheduled transitions failed, retrying next run: %s", e.getMessage());
        }
    }

    /**
     * One statement updates the directives and records the change for the compiler; the audit entries join it in
     * the same transaction.
     */
    private void transition(String update, Instant now, String change) {
        String sql = "with changed as (" + update + " returning id, legal_reference)"
                + " , noted as (insert into ruleset_change (directive_id, change, created_at)"
                + " select id, ?, ? from changed)"
                + " select id, legal_reference from changed order by id";
        List<Long> done = Transactions.inTransaction(dataSource, c -> {
            List<Long> ids = new ArrayList<>();
            List<AuditEvent> events = changed(c, sql, now, change, ids);
            if (change.equals("activated")) {
                for (long id : ids) {
                    notices.tellIsps(c, id);
                }
            }
            for (AuditEvent event : events) {
                audit.append(c, event);
            }
            return ids;
        });
        done.forEach(id -> {
            LOG.infof("Directive %d %s", id, change);
            changes.fire(new RulesetChange(id, change));
        });
    }

    private static List<AuditEvent> changed(Connection c, String sql, Instant now, String change, List<Long> ids)
            throws SQLException {
        List<AuditEvent> events = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Columns.set(s, 1, now);
            Columns.set(s, 2, now);
            s.setString(3, change);
            Columns.set(s, 4, now);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                    events.add(AuditEvent.bySystem(now, "directive." + change, DirectiveAudit.SUBJECT, rows.getLong(1),
                            Map.of("legalReference", rows.getString(2))));
                }
            }
        }
        return events;
    }
}
