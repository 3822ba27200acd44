package org.interdict.version;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The versions still to publish to Redis, in PostgreSQL. A row is added in the very transaction that makes a
 * version current, so a crash or a Redis outage loses nothing; the publisher removes it once Redis holds the version.
 * It sits between the two, beside {@link NewVersion}, so that the rule sets need not know who publishes them.
 */
public final class Outbox {

    private Outbox() {}

    /** Records, on the caller's connection and so in its transaction, that a version must reach Redis. */
    public static void enqueue(Connection c, String isp, long number, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into publish_outbox (isp_id, number, created_at)"
                + " values (?, ?, ?) on conflict do nothing")) {
            s.setString(1, isp);
            s.setLong(2, number);
            s.setTimestamp(3, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    /** The ISPs with versions waiting, those waiting longest first. */
    public static List<String> pending(Connection c) throws SQLException {
        List<String> isps = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select isp_id from publish_outbox group by isp_id order by min(created_at)");
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                isps.add(rows.getString(1));
            }
        }
        return isps;
    }

    /** Redis holds the ISP's versions up to {@code number}. */
    public static void done(Connection c, String isp, long number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("delete from publish_outbox where isp_id = ? and number <= ?")) {
            s.setString(1, isp);
            s.setLong(2, number);
            s.executeUpdate();
        }
    }

    /** An attempt to bring the ISP's waiting versions to Redis failed; they stay waiting. */
    public static void failed(Connection c, String isp, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update publish_outbox set attempts = attempts + 1, last_error = ? where isp_id = ?")) {
            s.setString(1, error);
            s.setString(2, isp);
            s.executeUpdate();
        }
    }
}
