package org.interdict.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.interdict.persistence.Transactions;

/**
 * Appends to the audit log inside the caller's JDBC transaction, so an entry exists exactly when its change
 * commits.
 *
 * <p>Appends are serialised by a transaction-scoped advisory lock taken before the last hash is read: the next
 * appender waits until this transaction ends, then sees its entry. Call it as the last statement of the transaction,
 * so the lock is held only until the commit and never while waiting for another lock.
 */
@ApplicationScoped
public class AuditLog {

    /** Arbitrary, fixed: the advisory lock every appender takes. */
    static final long APPEND_LOCK = 0x0a_0d17_c4a1L;

    private static final String LOCK = "select count(*) from (select pg_advisory_xact_lock(" + APPEND_LOCK + ")) l";
    private static final String NEXT_ID = "select nextval(pg_get_serial_sequence('audit_entry', 'id'))";
    private static final String LAST_HASH = "select hash from audit_entry order by id desc limit 1";
    private static final String INSERT = "insert into audit_entry (id, at, actor, role, action, subject_type,"
            + " subject_id, summary, previous_hash, hash) values ";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public AuditLog(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Within the JDBC transaction of {@code c} (auto-commit off). */
    public void append(Connection c, AuditEvent event) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(LOCK)) {
            lock.executeQuery().close();
        }
        long id;
        try (PreparedStatement s = c.prepareStatement(NEXT_ID); ResultSet rows = s.executeQuery()) {
            rows.next();
            id = rows.getLong(1);
        }
        Sealed e = seal(event, id, lastHash(c));
        try (PreparedStatement s = c.prepareStatement(INSERT + "(?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)")) {
            s.setLong(1, id);
            s.setTimestamp(2, Timestamp.from(event.at()));
            s.setString(3, event.actor());
            s.setString(4, event.role());
            s.setString(5, event.action());
            s.setString(6, event.subjectType());
            s.setString(7, event.subjectId());
            s.setString(8, e.summary());
            s.setString(9, e.previousHash());
            s.setString(10, e.hash());
            s.executeUpdate();
        }
    }

    /**
     * The newest hash. A repeatable-read transaction (a compilation) took its snapshot before the lock, so it could
     * miss entries committed since: a fresh connection, which the lock makes exact, reads those, while the
     * transaction's own connection sees the entries it appended itself; the later of the two is the head.
     */
    private String lastHash(Connection c) throws SQLException {
        Head own = headOn(c);
        if (c.getTransactionIsolation() == Connection.TRANSACTION_READ_COMMITTED) {
            return own == null ? null : own.hash();
        }
        Head committed = Transactions.read(dataSource, AuditLog::headOn);
        Head head = own == null || (committed != null && committed.id() > own.id()) ? committed : own;
        return head == null ? null : head.hash();
    }

    private record Head(long id, String hash) {}

    private static Head headOn(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id, hash from audit_entry order by id desc limit 1");
                ResultSet rows = s.executeQuery()) {
            return rows.next() ? new Head(rows.getLong(1), rows.getString(2)) : null;
        }
    }

    private record Sealed(AuditEvent event, long id, String summary, String previousHash, String hash) {}

    private Sealed seal(AuditEvent event, long id, String lastHash) {
        JsonNode summary = json.valueToTree(event.summary());
        String previous = lastHash == null ? AuditHash.GENESIS : lastHash;
        String hash = AuditHash.of(previous, id, event.at(), event.actor(), event.role(), event.action(),
                event.subjectType(), event.subjectId(), summary);
        return new Sealed(event, id, AuditHash.canonical(summary), previous, hash);
    }
}
