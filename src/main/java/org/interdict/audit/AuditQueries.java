package org.interdict.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.interdict.audit.dto.AuditEntryView;
import org.interdict.audit.dto.ChainVerification;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.persistence.Transactions;

/** Reading and verifying the audit log. Blocking JDBC: callers run on worker threads. */
@ApplicationScoped
public class AuditQueries {

    private static final String COLUMNS = "id, at, actor, role, action, subject_type, subject_id, summary::text,"
            + " previous_hash, hash";
    /** Rows fetched per round trip while verifying, so a long log is streamed, not loaded. */
    private static final int VERIFY_FETCH = 1000;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public AuditQueries(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public Page<AuditEntryView> list(AuditFilter filter) {
        StringBuilder where = new StringBuilder(" where id < ?");
        List<Object> params = new ArrayList<>(List.of(filter.beforeId() == null ? Long.MAX_VALUE : filter.beforeId()));
        condition(where, params, "actor = ?", filter.actor());
        condition(where, params, "action = ?", filter.action());
        condition(where, params, "subject_type = ?", filter.subjectType());
        condition(where, params, "subject_id = ?", filter.subjectId());
        condition(where, params, "at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(where, params, "at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        condition(where, params, "summary->>'" + AuditEvent.ACTOR_AUTHORITY + "' = ?", filter.authority());
        params.add(filter.limit() + 1);
        List<AuditEntryView> rows = Transactions.read(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select e.*, a.name_vi, a.name_en from (select " + COLUMNS + ", summary->>'"
                            + AuditEvent.ACTOR_AUTHORITY + "' as authority_id from audit_entry" + where
                            + " order by id desc limit ?) e left join authority a on a.id = e.authority_id"
                            + " order by e.id desc")) {
                for (int i = 0; i < params.size(); i++) {
                    s.setObject(i + 1, params.get(i));
                }
                List<AuditEntryView> found = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        AuditEntryView.Authority authority = r.getString("authority_id") == null ? null
                                : new AuditEntryView.Authority(r.getString("authority_id"), r.getString("name_vi"),
                                        r.getString("name_en"));
                        found.add(view(r, authority));
                    }
                }
                return found;
            }
        });
        boolean more = rows.size() > filter.limit();
        List<AuditEntryView> page = more ? rows.subList(0, filter.limit()) : rows;
        return new Page<>(page, more ? Cursors.encode(page.get(page.size() - 1).id()) : null);
    }

    /** Recomputes every hash from the first entry on and stops at the first one that does not match. */
    public ChainVerification verify() {
        // PostgreSQL streams with a cursor only inside a transaction; this one writes nothing.
        return Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from audit_entry order by id")) {
                s.setFetchSize(VERIFY_FETCH);
                try (ResultSet r = s.executeQuery()) {
                    return walk(r);
                }
            }
        });
    }

    private ChainVerification walk(ResultSet r) throws SQLException {
        String previous = AuditHash.GENESIS;
        long checked = 0;
        while (r.next()) {
            AuditEntryView e = view(r, null);
            if (!previous.equals(e.previousHash())) {
                return broken(checked, e.id(), "previous-hash-mismatch", previous, e.previousHash());
            }
            String expected = AuditHash.of(e.previousHash(), e.id(), e.at(), e.actor(), e.role(), e.action(),
                    e.subjectType(), e.subjectId(), e.summary());
            if (!expected.equals(e.hash())) {
                return broken(checked, e.id(), "hash-mismatch", expected, e.hash());
            }
            previous = e.hash();
            checked++;
        }
        return ChainVerification.intact(checked);
    }

    private static ChainVerification broken(long checked, long id, String problem, String expected, String stored) {
        return new ChainVerification(false, checked, new ChainVerification.BrokenLink(id, problem, expected, stored));
    }

    private static void condition(StringBuilder where, List<Object> params, String sql, Object value) {
        if (value != null) {
            where.append(" and ").append(sql);
            params.add(value);
        }
    }

    private AuditEntryView view(ResultSet r, AuditEntryView.Authority authority) throws SQLException {
        JsonNode summary;
        try {
            summary = json.readTree(r.getString(8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new AuditEntryView(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3), r.getString(4),
                r.getString(5), r.getString(6), r.getString(7), summary, r.getString(9), r.getString(10), authority);
    }
}
