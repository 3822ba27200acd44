package org.interdict.appliance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.interdict.persistence.Columns;

/** The {@code appliance} table, on the caller's connection and transaction. */
final class ApplianceRepository {

    private static final String COLUMNS = "id, isp_id, name, kind, preferred_format, token_hash, token_hint,"
            + " token_issued_at, token_revoked_at, last_seen_at, created_by, created_at, updated_at";

    private ApplianceRepository() {}

    /** One page of an ISP's appliances, newest first, plus one extra row that tells whether another page follows. */
    static List<Appliance> page(Connection c, String isp, Long afterId, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from appliance"
                + " where isp_id = ? and id < ? order by id desc limit ?")) {
            s.setString(1, isp);
            s.setLong(2, afterId == null ? Long.MAX_VALUE : afterId);
            s.setInt(3, limit);
            List<Appliance> found = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows));
                }
            }
            return found;
        }
    }

    static Appliance find(Connection c, long id) throws SQLException {
        return one(c, "select " + COLUMNS + " from appliance where id = ?", null, id);
    }

    static Appliance findOf(Connection c, String isp, long id) throws SQLException {
        return one(c, "select " + COLUMNS + " from appliance where isp_id = ? and id = ?", isp, id);
    }

    /**
     * The appliance with its row locked, or null. {@code nowait}: a change already under way on the row is
     * refused at once (SQLSTATE 55P03, answered 409) instead of being waited for and then repeated.
     */
    static Appliance lockOf(Connection c, String isp, long id, boolean nowait) throws SQLException {
        return one(c, "select " + COLUMNS + " from appliance where isp_id = ? and id = ? for update"
                + (nowait ? " nowait" : ""), isp, id);
    }

    /** Inserts the appliance unless the ISP already has one of that name; false when it has. */
    static boolean insert(Connection c, Appliance a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into appliance (isp_id, name, kind, preferred_format,"
                + " token_hash, token_hint, token_issued_at, token_revoked_at, last_seen_at, created_by, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (isp_id, name) do nothing returning id")) {
            int i = 0;
            s.setString(++i, a.ispId);
            s.setString(++i, a.name);
            s.setString(++i, a.kind.code());
            s.setString(++i, a.preferredFormat);
            s.setString(++i, a.tokenHash);
            s.setString(++i, a.tokenHint);
            Columns.set(s, ++i, a.tokenIssuedAt);
            Columns.set(s, ++i, a.tokenRevokedAt);
            Columns.set(s, ++i, a.lastSeenAt);
            s.setString(++i, a.createdBy);
            Columns.set(s, ++i, a.createdAt);
            Columns.set(s, ++i, a.updatedAt);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
                a.id = rows.getLong(1);
                return true;
            }
        }
    }

    /** Writes what can change after registration; the caller holds the row's lock. */
    static void update(Connection c, Appliance a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update appliance set name = ?, preferred_format = ?,"
                + " token_hash = ?, token_hint = ?, token_issued_at = ?, token_revoked_at = ?, updated_at = ?"
                + " where id = ?")) {
            int i = 0;
            s.setString(++i, a.name);
            s.setString(++i, a.preferredFormat);
            s.setString(++i, a.tokenHash);
            s.setString(++i, a.tokenHint);
            Columns.set(s, ++i, a.tokenIssuedAt);
            Columns.set(s, ++i, a.tokenRevokedAt);
            Columns.set(s, ++i, a.updatedAt);
            s.setLong(++i, a.id);
            s.executeUpdate();
        }
    }

    static void delete(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("delete from appliance where id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    static boolean nameTaken(Connection c, String isp, String name, long except) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select 1 from appliance where isp_id = ? and name = ? and id <> ?")) {
            s.setString(1, isp);
            s.setString(2, name);
            s.setLong(3, except);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Appliance one(Connection c, String sql, String isp, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 0;
            if (isp != null) {
                s.setString(++i, isp);
            }
            s.setLong(++i, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? read(rows) : null;
            }
        }
    }

    private static Appliance read(ResultSet r) throws SQLException {
        Appliance a = new Appliance();
        a.id = r.getLong("id");
        a.ispId = r.getString("isp_id");
        a.name = r.getString("name");
        a.kind = ApplianceKind.fromCode(r.getString("kind"));
        a.preferredFormat = r.getString("preferred_format");
        a.tokenHash = r.getString("token_hash");
        a.tokenHint = r.getString("token_hint");
        a.tokenIssuedAt = Columns.instant(r, "token_issued_at");
        a.tokenRevokedAt = Columns.instant(r, "token_revoked_at");
        a.lastSeenAt = Columns.instant(r, "last_seen_at");
        a.createdBy = r.getString("created_by");
        a.createdAt = Columns.instant(r, "created_at");
        a.updatedAt = Columns.instant(r, "updated_at");
        return a;
    }
}
