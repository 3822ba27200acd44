package org.interdict.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.util.Map;
import org.interdict.notification.Notifications;
import org.interdict.persistence.Transactions;

/** Notifications queued the way a feature of the service queues them, for tests that need some in the log. */
public final class Notices {

    private Notices() {}

    /** Queues an event for the owner's active webhooks and returns the id of the newest call queued for it. */
    public static long webhookCall(String owner) {
        Notifications notifications = Arc.container().instance(Notifications.class).get();
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        Transactions.inTransaction(dataSource, c -> {
            notifications.webhook(c, owner, "test.event", Map.of("test", true), "test:" + owner);
            return null;
        });
        return Long.parseLong(Db.queryString("select max(id) from notification where owner = ?", owner));
    }
}
