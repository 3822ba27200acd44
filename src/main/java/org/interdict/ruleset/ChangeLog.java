package org.interdict.ruleset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Records, inside the caller's transaction, a change the next compilation must take into account. */
public final class ChangeLog {

    private ChangeLog() {}

    public static void record(Connection c, Long directiveId, String change, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into ruleset_change (directive_id, change, created_at) values (?, ?, ?)")) {
            s.setObject(1, directiveId);
            s.setString(2, change);
            s.setTimestamp(3, Timestamp.from(at));
            s.executeUpdate();
        }
    }
}
