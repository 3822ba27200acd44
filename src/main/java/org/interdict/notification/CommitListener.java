package org.interdict.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens, on a connection of its own outside the pool, for the NOTIFY that a transaction queueing notifications
 * sends: PostgreSQL delivers it only when that transaction commits, to every replica, so delivery starts right after
 * the commit wherever the change was made. When the connection breaks it is opened again; meanwhile the periodic
 * retry still delivers, a few seconds later.
 */
@ApplicationScoped
public class CommitListener {

    private static final Logger LOG = Logger.getLogger(CommitListener.class);
    private static final int POLL_MILLIS = 1000;
    private static final long RECONNECT_MILLIS = 2000;

    private final String url;
    private final String user;
    private final Optional<String> password;
    private volatile boolean stopped;
    private Thread thread;

    public CommitListener(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    synchronized void start(Runnable wakeUp) {
        stopped = false;
        thread = new Thread(() -> listen(wakeUp), "notification-listener");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen(Runnable wakeUp) {
        boolean warned = false;
        while (!stopped) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("listen " + NotificationStore.WAKE_UP_CHANNEL);
                warned = false;
                // Whatever was committed while no one listened.
                wakeUp.run();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!stopped) {
                    PGNotification[] received = pg.getNotifications(POLL_MILLIS);
                    if (received != null && received.length > 0) {
                        wakeUp.run();
                    }
                }
            } catch (SQLException e) {
                if (!stopped && !warned) {
                    LOG.warnf("Not listening for queued notifications (%s); retrying, the periodic run delivers"
                            + " meanwhile", e.getMessage());
                    warned = true;
                }
                pause();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "interdict-notification-listener");
        Connection c = new org.postgresql.Driver().connect(url, properties);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        return c;
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
