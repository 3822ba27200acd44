package org.interdict.directive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interdict.category.ReasonCategory;
import org.interdict.persistence.Columns;

/** The {@code directive} table, on the caller's connection and transaction. */
final class DirectiveRepository {

    private static final String COLUMNS = "id, legal_reference, title, authority_id, authority_legacy,"
            + " implements_id, issued_on, kind, category, legal_basis, all_isps, audience, effective_from, expires_at,"
            + " takedown_host, takedown_deadline, takedown_complied, takedown_recorded_at, enforcement_deadline_minutes,"
            + " supersedes_id, escalated_from_id,"
            + " status, created_by, created_by_name, submitted_by, submitted_by_name, submitted_at, decided_by,"
            + " decided_by_name, decided_at, decision_comment, rejection_reason, revoked_by, revoked_by_name, revoked_at,"
            + " revocation_reason, revocation_reference, created_at, updated_at, version";
    /** Every column an insert or update writes, in the order {@link #bind} binds them. */
    private static final String WRITTEN = "legal_reference, title, authority_id, authority_legacy, implements_id,"
            + " issued_on, kind, category, legal_basis, all_isps, audience, effective_from, expires_at, takedown_host,"
            + " takedown_deadline, takedown_complied, takedown_recorded_at, enforcement_deadline_minutes, supersedes_id,"
            + " escalated_from_id, status,"
            + " created_by, created_by_name, submitted_by, submitted_by_name, submitted_at, decided_by,"
            + " decided_by_name, decided_at, decision_comment, rejection_reason, revoked_by, revoked_by_name, revoked_at,"
            + " revocation_reason, revocation_reference, created_at, updated_at";
    private static final int WRITTEN_COUNT = WRITTEN.split(",").length;

    private DirectiveRepository() {}

    static Directive find(Connection c, long id) throws SQLException {
        return one(c, "select " + COLUMNS + " from directive where id = ?", id);
    }

    /**
     * The directive, its row locked until the transaction ends: a concurrent change to the same directive waits,
     * then sees this one's outcome (and is refused if it no longer applies).
     */
    static Directive lock(Connection c, long id) throws SQLException {
        return one(c, "select " + COLUMNS + " from directive where id = ? for update", id);
    }

    static Directive insert(Connection c, Directive d) throws SQLException {
        String placeholders = "?, ".repeat(WRITTEN_COUNT - 1) + "?";
        try (PreparedStatement s = c.prepareStatement("insert into directive (" + WRITTEN + ") values ("
                + placeholders + ") returning id, version")) {
            bind(c, s, d);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                d.id = rows.getLong(1);
                d.version = rows.getInt(2);
            }
        }
        return d;
    }

    /** Writes every field and moves the version on; the caller holds the row's lock. */
    static void update(Connection c, Directive d) throws SQLException {
        String assignments = String.join(" = ?,", WRITTEN.split(",\\s*")) + " = ?";
        try (PreparedStatement s = c.prepareStatement("update directive set " + assignments
                + ", version = version + 1 where id = ? returning version")) {
            bind(c, s, d);
            s.setLong(WRITTEN_COUNT + 1, d.id);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                d.version = rows.getInt(1);
            }
        }
    }

    static void delete(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("delete from directive where id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    static boolean exists(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select 1 from directive where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The directives with this id, if it is a number, or this legal reference (ignoring case). */
    static List<Long> idsByReference(Connection c, String idOrReference) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id from directive where id::text = ?"
                + " or lower(legal_reference) = lower(?) order by id")) {
            s.setString(1, idOrReference);
            s.setString(2, idOrReference);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    /** The directives that implement (relay) the given one, oldest first. */
    static List<Directive> implementing(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS
                + " from directive where implements_id = ? order by id")) {
            s.setLong(1, id);
            List<Directive> found = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows));
                }
            }
            return found;
        }
    }

    /** The block drafted from a takedown, unless it was rejected (which lets the takedown be escalated again). */
    static Long escalationOf(Connection c, long takedownId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id from directive where escalated_from_id = ?"
                + " and status <> 'REJECTED' order by id limit 1")) {
            s.setLong(1, takedownId);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    /**
     * One page, newest first (the longest waiting first when the filter asks), plus one extra row that tells whether
     * another page follows. Every restriction, including what the caller may see, is in the query, so a page is never
     * emptied after the fact.
     */
    static List<Directive> page(Connection c, DirectiveFilter filter, Instant now) throws SQLException {
        StringBuilder where = new StringBuilder("true");
        List<Object> params = new ArrayList<>();
        if (filter.status() != null) {
            appendStatus(where, params, filter.status(), now);
        }
        if (filter.visibleStatuses() != null) {
            where.append(" and status = any(?)");
            params.add(filter.visibleStatuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.kind() != null) {
            where.append(" and kind = ?");
            params.add(filter.kind().name());
        }
        if (filter.category() != null) {
            where.append(" and category = ?");
            params.add(filter.category().code());
        }
        if (filter.authority() != null) {
            where.append(" and authority_id = ?");
            params.add(filter.authority());
        }
        if (filter.implementing() != null) {
            where.append(" and implements_id = any(?)");
            params.add(filter.implementing().toArray(Long[]::new));
        }
        if (filter.isp() != null) {
            where.append(" and (all_isps or audience @> array[?]::text[])");
            params.add(filter.isp());
        }
        if (filter.text() != null) {
            where.append(" and (lower(legal_reference) like ? or lower(title) like ?)");
            params.add("%" + likeEscaped(filter.text()) + "%");
            params.add("%" + likeEscaped(filter.text()) + "%");
        }
        if (filter.directiveIds() != null) {
            where.append(" and id = any(?)");
            params.add(filter.directiveIds().toArray(Long[]::new));
        }
        if (filter.afterId() != null) {
            // The queue's cursor is the last directive shown; the next page starts after its submission.
            where.append(filter.longestWaitingFirst()
                    ? " and (submitted_at, id) > (select submitted_at, id from directive where id = ?)" : " and id < ?");
            params.add(filter.afterId());
        }
        params.add(filter.limit());
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from directive where " + where
                + (filter.longestWaitingFirst() ? " order by submitted_at, id" : " order by id desc") + " limit ?")) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof String[] texts) {
                    s.setArray(i + 1, c.createArrayOf("text", texts));
                } else if (p instanceof Long[] ids) {
                    s.setArray(i + 1, c.createArrayOf("bigint", ids));
                } else if (p instanceof Instant at) {
                    Columns.set(s, i + 1, at);
                } else {
                    s.setObject(i + 1, p);
                }
            }
            List<Directive> found = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows));
                }
            }
            return found;
        }
    }

    /** How many directives of an authority are in each status, by the clock as {@link #appendStatus} reads it. */
    static Map<DirectiveStatus, Long> countByStatus(Connection c, String authorityId, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select case when status in ('SCHEDULED', 'ACTIVE') then"
                + " case when expires_at <= ? then 'EXPIRED' when effective_from > ? then 'SCHEDULED' else 'ACTIVE' end"
                + " else status end, count(*) from directive where authority_id = ? group by 1")) {
            Columns.set(s, 1, now);
            Columns.set(s, 2, now);
            s.setString(3, authorityId);
            Map<DirectiveStatus, Long> counts = new EnumMap<>(DirectiveStatus.class);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    counts.put(DirectiveStatus.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
            return counts;
        }
    }

    /** Stored statuses lag the clock between scheduler runs; time decides for approved directives. */
    private static void appendStatus(StringBuilder where, List<Object> params, DirectiveStatus status, Instant now) {
        switch (status) {
            case SCHEDULED -> {
                where.append(" and status in ('SCHEDULED', 'ACTIVE') and effective_from > ?");
                params.add(now);
            }
            case ACTIVE -> {
                where.append(" and status in ('SCHEDULED', 'ACTIVE') and effective_from <= ?"
                        + " and (expires_at is null or expires_at > ?)");
                params.add(now);
                params.add(now);
            }
            case EXPIRED -> {
                where.append(" and (status = 'EXPIRED' or (status in ('SCHEDULED', 'ACTIVE') and expires_at <= ?))");
                params.add(now);
            }
            default -> {
                where.append(" and status = ?");
                params.add(status.name());
            }
        }
    }

    private static String likeEscaped(String text) {
        return text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Directive one(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? read(rows) : null;
            }
        }
    }

    private static Directive read(ResultSet r) throws SQLException {
        Directive d = new Directive();
        d.id = r.getLong("id");
        d.legalReference = r.getString("legal_reference");
        d.title = r.getString("title");
        d.authorityId = r.getString("authority_id");
        d.authorityLegacy = r.getString("authority_legacy");
        d.implementsId = Columns.longOrNull(r, "implements_id");
        d.issuedOn = Columns.date(r, "issued_on");
        d.kind = DirectiveKind.valueOf(r.getString("kind"));
        d.category = ReasonCategory.fromCode(r.getString("category"));
        d.legalBasis = r.getString("legal_basis");
        d.allIsps = r.getBoolean("all_isps");
        d.audience = Columns.textArray(r, "audience");
        d.effectiveFrom = Columns.instant(r, "effective_from");
        d.expiresAt = Columns.instant(r, "expires_at");
        d.takedownHost = r.getString("takedown_host");
        d.takedownDeadline = Columns.instant(r, "takedown_deadline");
        d.takedownComplied = Columns.booleanOrNull(r, "takedown_complied");
        d.takedownRecordedAt = Columns.instant(r, "takedown_recorded_at");
        d.enforcementDeadlineMinutes = Columns.intOrNull(r, "enforcement_deadline_minutes");
        d.supersedesId = Columns.longOrNull(r, "supersedes_id");
        d.escalatedFromId = Columns.longOrNull(r, "escalated_from_id");
        d.status = DirectiveStatus.valueOf(r.getString("status"));
        d.createdBy = r.getString("created_by");
        d.createdByName = r.getString("created_by_name");
        d.submittedBy = r.getString("submitted_by");
        d.submittedByName = r.getString("submitted_by_name");
        d.submittedAt = Columns.instant(r, "submitted_at");
        d.decidedBy = r.getString("decided_by");
        d.decidedByName = r.getString("decided_by_name");
        d.decidedAt = Columns.instant(r, "decided_at");
        d.decisionComment = r.getString("decision_comment");
        d.rejectionReason = r.getString("rejection_reason");
        d.revokedBy = r.getString("revoked_by");
        d.revokedByName = r.getString("revoked_by_name");
        d.revokedAt = Columns.instant(r, "revoked_at");
        d.revocationReason = r.getString("revocation_reason");
        d.revocationReference = r.getString("revocation_reference");
        d.createdAt = Columns.instant(r, "created_at");
        d.updatedAt = Columns.instant(r, "updated_at");
        d.version = r.getInt("version");
        return d;
    }

    private static void bind(Connection c, PreparedStatement s, Directive d) throws SQLException {
        int i = 0;
        s.setString(++i, d.legalReference);
        s.setString(++i, d.title);
        s.setString(++i, d.authorityId);
        s.setString(++i, d.authorityLegacy);
        s.setObject(++i, d.implementsId, Types.BIGINT);
        Columns.set(s, ++i, d.issuedOn);
        s.setString(++i, d.kind.name());
        s.setString(++i, d.category.code());
        s.setString(++i, d.legalBasis);
        s.setBoolean(++i, d.allIsps);
        s.setArray(++i, c.createArrayOf("text", d.audience));
        Columns.set(s, ++i, d.effectiveFrom);
        Columns.set(s, ++i, d.expiresAt);
        s.setString(++i, d.takedownHost);
        Columns.set(s, ++i, d.takedownDeadline);
        s.setObject(++i, d.takedownComplied, Types.BOOLEAN);
        Columns.set(s, ++i, d.takedownRecordedAt);
        s.setObject(++i, d.enforcementDeadlineMinutes, Types.INTEGER);
        s.setObject(++i, d.supersedesId, Types.BIGINT);
        s.setObject(++i, d.escalatedFromId, Types.BIGINT);
        s.setString(++i, d.status.name());
        s.setString(++i, d.createdBy);
        s.setString(++i, d.createdByName);
        s.setString(++i, d.submittedBy);
        s.setString(++i, d.submittedByName);
        Columns.set(s, ++i, d.submittedAt);
        s.setString(++i, d.decidedBy);
        s.setString(++i, d.decidedByName);
        Columns.set(s, ++i, d.decidedAt);
        s.setString(++i, d.decisionComment);
        s.setString(++i, d.rejectionReason);
        s.setString(++i, d.revokedBy);
        s.setString(++i, d.revokedByName);
        Columns.set(s, ++i, d.revokedAt);
        s.setString(++i, d.revocationReason);
        s.setString(++i, d.revocationReference);
        Columns.set(s, ++i, d.createdAt);
        Columns.set(s, ++i, d.updatedAt);
    }
}
