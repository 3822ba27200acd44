package org.interdict.ruleset;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;

/** Records, inside the caller's transaction, a change the next compilation must take into account. */
public final class ChangeLog {

    private ChangeLog() {}

    /** Within the current Hibernate Reactive transaction. */
    public static Uni<Void> record(Long directiveId, String change, Instant at) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("insert into ruleset_change (directive_id, change, created_at) values (:d, :c, :t)")
                .setParameter("d", directiveId)
                .setParameter("c", change)
                .setParameter("t", at)
                .executeUpdate()).replaceWithVoid();
    }
}
