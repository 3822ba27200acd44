package org.interdict.ruleset;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.error.ProblemException;
import org.interdict.persistence.Transactions;
import org.interdict.security.Actor;
import org.interdict.version.NewVersion;
import org.interdict.version.Outbox;
import org.interdict.version.VersionState;

/** A supervisor confirms a version the circuit breaker held (it becomes current) or refuses it. */
@ApplicationScoped
public class VersionDecisions {

    private final AgroalDataSource dataSource;
    private final RuleSetQueries queries;
    private final Event<NewVersion> published;
    private final AuditLog audit;
    private final Clock clock;

    public VersionDecisions(AgroalDataSource dataSource, RuleSetQueries queries, Event<NewVersion> published,
            AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.queries = queries;
        this.published = published;
        this.audit = audit;
        this.clock = clock;
    }

    public void decide(String isp, long number, boolean confirm, String reason, Actor actor) {
        Instant now = clock.instant();
        Transactions.inTransaction(dataSource, c -> {
            // Waits for a running compilation, which could otherwise supersede the version meanwhile.
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, RuleSetBuilder.COMPILE_LOCK);
                lock.execute();
            }
            int updated;
            try (PreparedStatement s = c.prepareStatement("update ruleset_version set state = ?, published_at = ?,"
                    + " decided_by = ?, decided_at = ?, decision_reason = ? where isp_id = ? and number = ? and state = 'HELD'")) {
                s.setString(1, (confirm ? VersionState.PUBLISHED : VersionState.REFUSED).name());
                s.setTimestamp(2, confirm ? Timestamp.from(now) : null);
                s.setString(3, actor.subject());
                s.setTimestamp(4, Timestamp.from(now));
                s.setString(5, reason.strip());
                s.setString(6, isp);
                s.setLong(7, number);
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                queries.version(isp, number);
                throw ProblemException.conflict("not-held", "Version " + number + " of ISP " + isp
                        + " is not held by the circuit breaker");
            }
            if (confirm) {
                Outbox.enqueue(c, isp, number, now);
            }
            audit.append(c, AuditEvent.by(actor, now, confirm ? "ruleset.version-confirmed" : "ruleset.version-refused",
                    "ruleset-version", isp + "/" + number, Map.of("isp", isp, "version", number, "reason",
                            reason.strip(), "before", Map.of("state", "HELD"), "after", Map.of("state",
                                    confirm ? "PUBLISHED" : "REFUSED"))));
            return null;
        });
        if (confirm) {
            var version = queries.version(isp, number);
            published.fire(new NewVersion(isp, number, version.digest(), VersionState.PUBLISHED));
        }
    }
}
