package org.interdict.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.interdict.persistence.Columns;

/** The {@code webhook_endpoint} table, on the caller's connection. */
final class WebhookStore {

    private static final String COLUMNS = "id, owner, url, sealed_secret, active, created_by, created_at, rotated_by,"
            + " rotated_at, deactivated_by, deactivated_at";

    private WebhookStore() {}

    static WebhookEndpoint insert(Connection c, String owner, String url, byte[] sealed, String by, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into webhook_endpoint (owner, url, sealed_secret,"
                + " created_by, created_at) values (?, ?, ?, ?, ?) returning id")) {
            s.setString(1, owner);
            s.setString(2, url);
            s.setBytes(3, sealed);
            s.setString(4, by);
            Columns.set(s, 5, at);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return new WebhookEndpoint(rows.getLong(1), owner, url, sealed, true, by, at, null, null, null, null);
            }
        }
    }

    /** The owner's active endpoints, oldest first. */
    static List<WebhookEndpoint> activeOf(Connection c, String owner) throws SQLException {
        return query(c, "select " + COLUMNS + " from webhook_endpoint where owner = ? and active order by id", owner);
    }

    /** Every endpoint (owner null) or the owner's, newest first, inactive ones included. */
    static List<WebhookEndpoint> list(Connection c, String owner) throws SQLException {
        return owner == null
                ? query(c, "select " + COLUMNS + " from webhook_endpoint order by id desc")
                : query(c, "select " + COLUMNS + " from webhook_endpoint where owner = ? order by id desc", owner);
    }

    static WebhookEndpoint find(Connection c, long id) throws SQLException {
        List<WebhookEndpoint> found = query(c, "select " + COLUMNS + " from webhook_endpoint where id = ?", id);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The endpoint with its row locked, refusing at once (55P03, a 409) when another change holds it; or null. */
    static WebhookEndpoint lock(Connection c, long id) throws SQLException {
        List<WebhookEndpoint> found = query(c, "select " + COLUMNS + " from webhook_endpoint where id = ?"
                + " for update nowait", id);
        return found.isEmpty() ? null : found.get(0);
    }

    static void rotate(Connection c, long id, byte[] sealed, String by, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update webhook_endpoint set sealed_secret = ?, rotated_by = ?,"
                + " rotated_at = ? where id = ?")) {
            s.setBytes(1, sealed);
            s.setString(2, by);
            Columns.set(s, 3, at);
            s.setLong(4, id);
            s.executeUpdate();
        }
    }

    static void deactivate(Connection c, long id, String by, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update webhook_endpoint set active = false,"
                + " deactivated_by = ?, deactivated_at = ? where id = ?")) {
            s.setString(1, by);
            Columns.set(s, 2, at);
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    private static List<WebhookEndpoint> query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<WebhookEndpoint> found = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(new WebhookEndpoint(rows.getLong("id"), rows.getString("owner"), rows.getString("url"),
                            rows.getBytes("sealed_secret"), rows.getBoolean("active"), rows.getString("created_by"),
                            Columns.instant(rows, "created_at"), rows.getString("rotated_by"),
                            Columns.instant(rows, "rotated_at"), rows.getString("deactivated_by"),
                            Columns.instant(rows, "deactivated_at")));
                }
            }
            return found;
        }
    }
}
