package org.interdict.appliance;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interdict.config.InterdictConfig;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Appliance tokens known to be valid, by hash, so that a poll needs no database read. A token stops being valid
 * only through a change to its appliance row, and a trigger announces every such change with NOTIFY at commit
 * ({@code V4} migration); this class LISTENs on a JDBC connection of its own (outside the pool, held by one thread
 * that waits for notifications) and forgets the token at once, on every replica. While that connection is down nothing is remembered or answered from memory, and it is emptied on
 * every (re)connection, since notifications sent meanwhile are lost. {@link #forgetAppliance} lets the replica that
 * revokes or rotates a token forget it before answering, without waiting for its own notification.
 */
@ApplicationScoped
public class ValidTokens {

    static final String CHANNEL = "interdict_appliance_token";
    private static final Logger LOG = Logger.getLogger(ValidTokens.class);

    /** The appliance a valid token belongs to. */
    public record Holder(long applianceId, String isp) {}

    private final Cache<String, Holder> valid;
    /** Counts notifications and (re)connections: a lookup that overlapped one must not be remembered. */
    private final AtomicLong generation = new AtomicLong();
    private static final long RECONNECT_MILLIS = 1000;
    /** How long one wait for notifications lasts; also how soon a stop is noticed. */
    private static final int WAIT_MILLIS = 500;
    private volatile boolean listening;
    private volatile boolean stopping;
    private final String url;
    private final String user;
    private final String password;
    private Thread listener;

    public ValidTokens(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password, InterdictConfig config,
            MeterRegistry registry) {
        this.url = url;
        this.user = user;
        this.password = password.orElse("");
        this.valid = CaffeineCacheMetrics.monitor(registry, Caffeine.newBuilder()
                .maximumSize(config.caches().applianceTokens()).recordStats().<String, Holder>build(), "appliance-tokens");
    }

    void start(@Observes StartupEvent event) {
        listener = new Thread(this::listen, "appliance-token-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        listening = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** Listens until stopped, connecting again a second after any failure. */
    private void listen() {
        while (!stopping) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                // LISTEN is in place (again): what is remembered may have missed notifications.
                generation.incrementAndGet();
                valid.invalidateAll();
                listening = true;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            forget(n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                stopListening(e.getMessage());
            }
            if (!stopping) {
                try {
                    Thread.sleep(RECONNECT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void stopListening(String why) {
        if (listening) {
            LOG.warnf("Appliance token notifications interrupted (%s); tokens are read from the database meanwhile", why);
        }
        listening = false;
        generation.incrementAndGet();
        valid.invalidateAll();
    }

    private void forget(String tokenHash) {
        generation.incrementAndGet();
        valid.invalidate(tokenHash);
    }

    /**
     * Forgets at once every token remembered for the appliance: called after the commit that revoked or rotated its
     * token (or removed it), before answering, so that the token is refused from the very next request on this
     * replica. Other replicas forget it when the notification arrives.
     */
    void forgetAppliance(long applianceId) {
        // Like a notification: a database read that began before this must not remember the token afterwards.
        generation.incrementAndGet();
        valid.asMap().values().removeIf(holder -> holder.applianceId() == applianceId);
    }

    /** The holder of a token remembered as valid, or null: then ask the database. */
    Holder lookup(String tokenHash) {
        return listening ? valid.getIfPresent(tokenHash) : null;
    }

    /** Taken before reading a token from the database, handed back to {@link #remember}. */
    long generation() {
        return generation.get();
    }

    /** Remembers a token the database found valid, unless anything may have invalidated it since the read began. */
    void remember(String tokenHash, Holder holder, long readAtGeneration) {
        if (!listening) {
            return;
        }
        valid.put(tokenHash, holder);
        // A notification that arrived between the read and the put: undo, the token may be revoked.
        if (generation.get() != readAtGeneration) {
            valid.asMap().remove(tokenHash, holder);
        }
    }
}
