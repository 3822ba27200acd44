package org.interdict.zone;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.interdict.persistence.Columns;
import org.interdict.zone.dto.TransferView;

/** The {@code zone_key}, {@code zone_secondary} and {@code zone_transfer} tables, on the caller's connection. */
final class ZoneRepository {

    private static final String KEY_COLUMNS =
            "id, isp_id, name, algorithm, sealed_secret, created_by, created_at, revoked_by, revoked_at";
    private static final String SECONDARY_COLUMNS = "id, isp_id, host(address) as address, port, created_by,"
            + " created_at, notified_version, notified_at, notify_error";

    private ZoneRepository() {}

    static ZoneKey insertKey(Connection c, String isp, String name, String algorithm, byte[] sealed, String by,
            Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into zone_key (isp_id, name, algorithm, sealed_secret,"
                + " created_by, created_at) values (?, ?, ?, ?, ?, ?) returning id")) {
            s.setString(1, isp);
            s.setString(2, name);
            s.setString(3, algorithm);
            s.setBytes(4, sealed);
            s.setString(5, by);
            Columns.set(s, 6, at);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return new ZoneKey(rows.getLong(1), isp, name, algorithm, sealed, by, at, null, null);
            }
        }
    }

    /** An ISP's keys, newest first, revoked ones included. */
    static List<ZoneKey> keysOf(Connection c, String isp) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + KEY_COLUMNS + " from zone_key where isp_id = ?"
                + " order by id desc")) {
            s.setString(1, isp);
            List<ZoneKey> keys = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    keys.add(key(rows));
                }
            }
            return keys;
        }
    }

    /** The key of this name, active or not, or null. */
    static ZoneKey keyNamed(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + KEY_COLUMNS + " from zone_key where name = ?")) {
            s.setString(1, name);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? key(rows) : null;
            }
        }
    }

    /** The ISP's key with its row locked, refusing at once (55P03, a 409) when another change holds it; or null. */
    static ZoneKey lockKey(Connection c, String isp, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + KEY_COLUMNS + " from zone_key"
                + " where isp_id = ? and id = ? for update nowait")) {
            s.setString(1, isp);
            s.setLong(2, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? key(rows) : null;
            }
        }
    }

    static void revokeKey(Connection c, long id, String by, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update zone_key set revoked_by = ?, revoked_at = ? where id = ?")) {
            s.setString(1, by);
            Columns.set(s, 2, at);
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    /** Registers the secondary unless the ISP has it already; null when it has. */
    static ZoneSecondary insertSecondary(Connection c, String isp, String address, int port, String by, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into zone_secondary (isp_id, address, port, created_by,"
                + " created_at) values (?, ?::inet, ?, ?, ?) on conflict (isp_id, address, port) do nothing"
                + " returning " + SECONDARY_COLUMNS)) {
            s.setString(1, isp);
            s.setString(2, address);
            s.setInt(3, port);
            s.setString(4, by);
            Columns.set(s, 5, at);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? secondary(rows) : null;
            }
        }
    }

    static List<ZoneSecondary> secondariesOf(Connection c, String isp) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + SECONDARY_COLUMNS + " from zone_secondary"
                + " where isp_id = ? order by id")) {
            s.setString(1, isp);
            List<ZoneSecondary> found = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(secondary(rows));
                }
            }
            return found;
        }
    }

    /**
     * Removes the ISP's secondary and gives back what it was, or null when there is none. A NOTIFY run recording an
     * answer holds the row for an instant only, and is waited for rather than taken for another person's change.
     */
    static ZoneSecondary deleteSecondary(Connection c, String isp, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("delete from zone_secondary where isp_id = ? and id = ?"
                + " returning " + SECONDARY_COLUMNS)) {
            s.setString(1, isp);
            s.setLong(2, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? secondary(rows) : null;
            }
        }
    }

    /** A secondary with the version to tell it of: the ISP's current version, which it has not acknowledged. */
    record Pending(ZoneSecondary secondary, long version) {}

    /** Every secondary behind its ISP's current version ({@code all}: every secondary of an ISP with one), by ISP. */
    static List<Pending> pendingNotifies(Connection c, boolean all) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + SECONDARY_COLUMNS + ", v.number from zone_secondary z"
                + " join lateral (select max(number) as number from ruleset_version"
                + " where isp_id = z.isp_id and state = 'PUBLISHED') v on v.number is not null"
                + (all ? "" : " where z.notified_version is null or z.notified_version < v.number")
                + " order by z.isp_id, z.id")) {
            List<Pending> found = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(new Pending(secondary(rows), rows.getLong("number")));
                }
            }
            return found;
        }
    }

    /** Records an acknowledged NOTIFY ({@code error} null) or why one failed. */
    static void notified(Connection c, long id, Long version, String error, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(error == null
                ? "update zone_secondary set notified_version = ?, notified_at = ?, notify_error = null where id = ?"
                : "update zone_secondary set notify_error = ? where id = ?")) {
            if (error == null) {
                s.setLong(1, version);
                Columns.set(s, 2, at);
                s.setLong(3, id);
            } else {
                s.setString(1, error);
                s.setLong(2, id);
            }
            s.executeUpdate();
        }
    }

    /** The newest active key of the ISP, or null. */
    static ZoneKey newestKey(Connection c, String isp) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + KEY_COLUMNS + " from zone_key"
                + " where isp_id = ? and revoked_at is null order by id desc limit 1")) {
            s.setString(1, isp);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? key(rows) : null;
            }
        }
    }

    /** Replaces the last transfer recorded for the address. */
    static void recordTransfer(Connection c, String isp, TransferView transfer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into zone_transfer (isp_id, address, serial, kind,"
                + " key_name, transferred_at) values (?, ?::inet, ?, ?, ?, ?) on conflict (isp_id, address) do update"
                + " set serial = excluded.serial, kind = excluded.kind, key_name = excluded.key_name,"
                + " transferred_at = excluded.transferred_at")) {
            s.setString(1, isp);
            s.setString(2, transfer.address());
            s.setLong(3, transfer.serial());
            s.setString(4, transfer.kind());
            s.setString(5, transfer.keyName());
            Columns.set(s, 6, transfer.at());
            s.executeUpdate();
        }
    }

    /** The last transfer of each address that transferred the ISP's zone, by address. */
    static Map<String, TransferView> transfersOf(Connection c, String isp) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select host(address) as address, serial, kind, key_name,"
                + " transferred_at from zone_transfer where isp_id = ?")) {
            s.setString(1, isp);
            Map<String, TransferView> found = new HashMap<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString("address"), new TransferView(rows.getString("address"),
                            rows.getLong("serial"), rows.getString("kind"), rows.getString("key_name"),
                            Columns.instant(rows, "transferred_at")));
                }
            }
            return found;
        }
    }

    private static ZoneKey key(ResultSet r) throws SQLException {
        return new ZoneKey(r.getLong("id"), r.getString("isp_id"), r.getString("name"), r.getString("algorithm"),
                r.getBytes("sealed_secret"), r.getString("created_by"), Columns.instant(r, "created_at"),
                r.getString("revoked_by"), Columns.instant(r, "revoked_at"));
    }

    private static ZoneSecondary secondary(ResultSet r) throws SQLException {
        return new ZoneSecondary(r.getLong("id"), r.getString("isp_id"), r.getString("address"), r.getInt("port"),
                r.getString("created_by"), Columns.instant(r, "created_at"), Columns.longOrNull(r, "notified_version"),
                Columns.instant(r, "notified_at"), r.getString("notify_error"));
    }
}
