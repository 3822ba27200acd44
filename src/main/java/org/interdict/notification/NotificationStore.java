package org.interdict.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.interdict.notification.dto.AttemptView;
import org.interdict.persistence.Columns;

/** The {@code notification} and {@code notification_attempt} tables, on the caller's connection. */
final class NotificationStore {

    /** PostgreSQL channel of the NOTIFY sent by a transaction that queued notifications; delivered at its commit. */
    static final String WAKE_UP_CHANNEL = "interdict_notifications";

    static final String COLUMNS = "id, channel, recipient, webhook_id, owner, subject, body, event, payload::text as"
            + " payload, cause, created_at, state, attempts, next_attempt_at, last_error, delivered_at";

    private NotificationStore() {}

    static long insertEmail(Connection c, EmailNotice notice, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into notification (channel, recipient, subject, body,"
                + " cause, created_at, next_attempt_at) values ('email', ?, ?, ?, ?, ?, ?) returning id")) {
            s.setString(1, notice.to());
            s.setString(2, notice.subject());
            s.setString(3, notice.text());
            s.setString(4, notice.cause());
            Columns.set(s, 5, now);
            Columns.set(s, 6, now);
            return id(s);
        }
    }

    static long insertWebhook(Connection c, WebhookEndpoint endpoint, String event, String payload, String cause,
            Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into notification (channel, recipient, webhook_id,"
                + " owner, event, payload, cause, created_at, next_attempt_at)"
                + " values ('webhook', ?, ?, ?, ?, ?::jsonb, ?, ?, ?) returning id")) {
            s.setString(1, endpoint.url());
            s.setLong(2, endpoint.id());
            s.setString(3, endpoint.owner());
            s.setString(4, event);
            s.setString(5, payload);
            s.setString(6, cause);
            Columns.set(s, 7, now);
            Columns.set(s, 8, now);
            return id(s);
        }
    }

    /**
     * Tells every replica's delivery to look at the outbox once this transaction commits; nothing if it rolls back.
     */
    static void wakeUpAfterCommit(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("notify " + WAKE_UP_CHANNEL);
        }
    }

    /**
     * The pending notification of the channel due longest, locked until the caller's transaction ends; null when none is due. Rows
     * another transaction holds are skipped, so runners on several replicas never attempt the same one at once.
     */
    /**
     * The pending notification of the channel due longest, if any, made not due again until {@code leasedUntil}: the
     * caller attempts it after committing, and records the outcome (or, should it die, leaves it to be attempted again
     * once the lease has passed).
     */
    static Notification claimDue(Connection c, Instant now, Channel channel, Instant leasedUntil) throws SQLException {
        Notification due;
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from notification"
                + " where state = 'pending' and channel = ? and next_attempt_at <= ?"
                + " order by next_attempt_at, id limit 1 for update skip locked")) {
            s.setString(1, channel.column());
            Columns.set(s, 2, now);
            try (ResultSet rows = s.executeQuery()) {
                due = rows.next() ? notification(rows) : null;
            }
        }
        if (due != null) {
            try (PreparedStatement s = c.prepareStatement("update notification set next_attempt_at = ? where id = ?")) {
                Columns.set(s, 1, leasedUntil);
                s.setLong(2, due.id());
                s.executeUpdate();
            }
        }
        return due;
    }

    static void recordAttempt(Connection c, long id, Instant at, AttemptResult result, long durationMillis)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into notification_attempt (notification_id,"
                + " attempted_at, delivered, http_status, error, duration_ms) values (?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            Columns.set(s, 2, at);
            s.setBoolean(3, result.delivered());
            if (result.httpStatus() == null) {
                s.setNull(4, Types.INTEGER);
            } else {
                s.setInt(4, result.httpStatus());
            }
            s.setString(5, result.error());
            s.setInt(6, (int) Math.min(Integer.MAX_VALUE, durationMillis));
            s.executeUpdate();
        }
    }

    static void delivered(Connection c, long id, int attempts, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update notification set state = 'delivered', attempts = ?,"
                + " delivered_at = ?, last_error = null where id = ?")) {
            s.setInt(1, attempts);
            Columns.set(s, 2, at);
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    static void retryAt(Connection c, long id, int attempts, Instant next, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update notification set attempts = ?, next_attempt_at = ?,"
                + " last_error = ? where id = ?")) {
            s.setInt(1, attempts);
            Columns.set(s, 2, next);
            s.setString(3, error);
            s.setLong(4, id);
            s.executeUpdate();
        }
    }

    static void failed(Connection c, long id, int attempts, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update notification set state = 'failed', attempts = ?,"
                + " last_error = ? where id = ?")) {
            s.setInt(1, attempts);
            s.setString(2, error);
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    /** Gives up the calls still waiting for a webhook endpoint; returns how many. */
    static int failPendingOf(Connection c, long webhookId, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update notification set state = 'failed', last_error = ?"
                + " where webhook_id = ? and state = 'pending'")) {
            s.setString(1, error);
            s.setLong(2, webhookId);
            return s.executeUpdate();
        }
    }

    /** When the oldest pending notification was queued, or null when none waits. */
    static Instant oldestPending(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select min(created_at) as oldest from notification where state = 'pending'");
                ResultSet rows = s.executeQuery()) {
            rows.next();
            return Columns.instant(rows, "oldest");
        }
    }

    /** One page of the delivery log, newest first. */
    static List<Notification> list(Connection c, NotificationFilter filter) throws SQLException {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from notification where true");
        List<Object> params = new ArrayList<>();
        if (filter.causePrefix() != null) {
            sql.append(" and cause like ? escape '\\'");
            params.add(filter.causePrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.channel() != null) {
            sql.append(" and channel = ?");
            params.add(filter.channel().column());
        }
        if (filter.state() != null) {
            sql.append(" and state = ?");
            params.add(filter.state().column());
        }
        if (filter.owner() != null) {
            sql.append(" and owner = ?");
            params.add(filter.owner());
        }
        if (filter.afterId() != null) {
            sql.append(" and id < ?");
            params.add(filter.afterId());
        }
        sql.append(" order by id desc limit ?");
        params.add(filter.limit() + 1);
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            List<Notification> found = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(notification(rows));
                }
            }
            return found;
        }
    }

    static Notification find(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from notification where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? notification(rows) : null;
            }
        }
    }

    static List<AttemptView> attemptsOf(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select attempted_at, delivered, http_status, error, duration_ms"
                + " from notification_attempt where notification_id = ? order by id")) {
            s.setLong(1, id);
            List<AttemptView> attempts = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    attempts.add(new AttemptView(Columns.instant(rows, "attempted_at"), rows.getBoolean("delivered"),
                            Columns.intOrNull(rows, "http_status"), rows.getString("error"), rows.getInt("duration_ms")));
                }
            }
            return attempts;
        }
    }

    private static long id(PreparedStatement s) throws SQLException {
        try (ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Notification notification(ResultSet rows) throws SQLException {
        return new Notification(rows.getLong("id"), Channel.ofColumn(rows.getString("channel")),
                rows.getString("recipient"), Columns.longOrNull(rows, "webhook_id"), rows.getString("owner"),
                rows.getString("subject"), rows.getString("body"), rows.getString("event"), rows.getString("payload"),
                rows.getString("cause"), Columns.instant(rows, "created_at"),
                DeliveryState.ofColumn(rows.getString("state")), rows.getInt("attempts"),
                Columns.instant(rows, "next_attempt_at"), rows.getString("last_error"),
                Columns.instant(rows, "delivered_at"));
    }
}
