package org.interdict.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.interdict.advisory.dto.AdvisoryInput;
import org.interdict.advisory.dto.RecipientState;
import org.interdict.persistence.Columns;
import org.interdict.security.RecipientScope.Recipient;

/** The advisory tables, on the caller's connection and transaction. */
final class AdvisoryRepository {

    private static final String COLUMNS = "id, authority_id, status, revision, title, severity, cves, affected,"
            + " description, recommended_actions, reference_urls, remediation_deadline, all_isps, all_agencies, isps,"
            + " agencies, drafted_by, coalesce(drafted_by_name, drafted_by) as drafted_by_name, drafted_at,"
            + " published_by, coalesce(published_by_name, published_by) as published_by_name, published_at,"
            + " revised_at, withdrawn_by, coalesce(withdrawn_by_name, withdrawn_by) as withdrawn_by_name,"
            + " withdrawn_at, withdrawal_reason, updated_at, version";
    private static final String RECIPIENT_COLUMNS = "r.kind, r.recipient_id, r.told_revision, r.acknowledged_revision,"
            + " r.acknowledged_at, r.acknowledged_by,"
            + " coalesce(r.acknowledged_by_name, r.acknowledged_by) as acknowledged_by_name, r.status, r.status_note,"
            + " r.status_at, r.status_reported_at,"
            + " coalesce(i.legal_name, g.name_vi) as name";
    private static final String RECIPIENT_JOIN = " from advisory_recipient r"
            + " left join isp i on r.kind = 'isp' and i.id = r.recipient_id"
            + " left join agency g on r.kind = 'agency' and g.id = r.recipient_id";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<AdvisoryInput.AffectedProduct>> AFFECTED = new TypeReference<>() {};

    private AdvisoryRepository() {}

    static long insert(Connection c, String authority, AdvisoryInput in, String draftedBy, String draftedByName,
            Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into advisory (authority_id, status, title, severity,"
                + " cves, affected, description, recommended_actions, reference_urls, remediation_deadline, all_isps,"
                + " all_agencies, isps, agencies, drafted_by, drafted_by_name, drafted_at, updated_at)"
                + " values (?, 'DRAFT', ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
            s.setString(1, authority);
            bindContent(c, s, 2, in);
            s.setString(14, draftedBy);
            s.setString(15, draftedByName);
            Columns.set(s, 16, now);
            Columns.set(s, 17, now);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static void updateContent(Connection c, long id, AdvisoryInput in, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update advisory set title = ?, severity = ?, cves = ?,"
                + " affected = ?::jsonb, description = ?, recommended_actions = ?, reference_urls = ?,"
                + " remediation_deadline = ?, all_isps = ?, all_agencies = ?, isps = ?, agencies = ?,"
                + " updated_at = ?, version = version + 1 where id = ?")) {
            bindContent(c, s, 1, in);
            Columns.set(s, 13, now);
            s.setLong(14, id);
            s.executeUpdate();
        }
    }

    /** Sets the columns of a state change ({@code assignments} such as "status = ?, published_by = ?"). */
    static void transition(Connection c, long id, String assignments, Instant now, Object... values)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update advisory set " + assignments
                + ", updated_at = ?, version = version + 1 where id = ?")) {
            int i = 1;
            for (Object value : values) {
                if (value instanceof Instant at) {
                    Columns.set(s, i++, at);
                } else {
                    s.setObject(i++, value);
                }
            }
            Columns.set(s, i++, now);
            s.setLong(i, id);
            s.executeUpdate();
        }
    }

    static Optional<Advisory> find(Connection c, long id, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from advisory where id = ?"
                + (lock ? " for update" : ""))) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /**
     * Advisories newest first: when {@code recipient} is set, the published or withdrawn ones addressed to it;
     * otherwise those of {@code authority} in every state and the others' published or withdrawn ones, or every
     * advisory when {@code authority} is null too.
     */
    static List<Advisory> list(Connection c, Recipient recipient, String authority, int limit) throws SQLException {
        String where = recipient != null
                ? " where status <> 'DRAFT' and exists (select 1 from advisory_recipient r where r.advisory_id = id"
                        + " and r.kind = ? and r.recipient_id = ?)"
                : authority != null ? " where authority_id = ? or status <> 'DRAFT'" : "";
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from advisory a" + where
                + " order by id desc limit ?")) {
            int i = 1;
            if (recipient != null) {
                s.setString(i++, recipient.kind());
                s.setString(i++, recipient.id());
            } else if (authority != null) {
                s.setString(i++, authority);
            }
            s.setInt(i, limit);
            List<Advisory> found = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows));
                }
            }
            return found;
        }
    }

    /**
     * Adds the recipients the audience names (active ISPs and agencies) that the advisory does not have yet, and
     * tells every recipient of {@code revision}; returns those added.
     */
    static List<Recipient> tell(Connection c, Advisory a, int revision) throws SQLException {
        AdvisoryInput.Audience audience = a.content().audience();
        List<Recipient> added = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("insert into advisory_recipient (advisory_id, kind,"
                + " recipient_id, told_revision)"
                + " select ?, 'isp', id, ? from isp where active and (? or id = any(?))"
                + " union all select ?, 'agency', id, ? from agency where active and (? or id = any(?))"
                + " on conflict (advisory_id, kind, recipient_id) do nothing returning kind, recipient_id")) {
            s.setLong(1, a.id());
            s.setInt(2, revision);
            s.setBoolean(3, audience.everyIsp());
            s.setArray(4, c.createArrayOf("text", audience.listedIsps().toArray()));
            s.setLong(5, a.id());
            s.setInt(6, revision);
            s.setBoolean(7, audience.everyAgency());
            s.setArray(8, c.createArrayOf("text", audience.listedAgencies().toArray()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    added.add(new Recipient(rows.getString(1), rows.getString(2)));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("update advisory_recipient set told_revision = ?"
                + " where advisory_id = ?")) {
            s.setInt(1, revision);
            s.setLong(2, a.id());
            s.executeUpdate();
        }
        return added;
    }

    /** Every recipient of the advisory. */
    static List<Recipient> recipientsOf(Connection c, long advisory) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select kind, recipient_id from advisory_recipient"
                + " where advisory_id = ? order by kind, recipient_id")) {
            s.setLong(1, advisory);
            List<Recipient> found = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(new Recipient(rows.getString(1), rows.getString(2)));
                }
            }
            return found;
        }
    }

    static List<RecipientState> recipients(Connection c, long advisory) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + RECIPIENT_COLUMNS + RECIPIENT_JOIN
                + " where r.advisory_id = ? order by r.kind, r.recipient_id")) {
            s.setLong(1, advisory);
            List<RecipientState> found = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(readRecipient(rows));
                }
            }
            return found;
        }
    }

    /** The recipient's row, locked when {@code lock}; empty when the advisory does not address it. */
    static Optional<RecipientState> recipient(Connection c, long advisory, Recipient recipient, boolean lock)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + RECIPIENT_COLUMNS + RECIPIENT_JOIN
                + " where r.advisory_id = ? and r.kind = ? and r.recipient_id = ?" + (lock ? " for update of r" : ""))) {
            s.setLong(1, advisory);
            s.setString(2, recipient.kind());
            s.setString(3, recipient.id());
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(readRecipient(rows)) : Optional.empty();
            }
        }
    }

    static void acknowledge(Connection c, long advisory, Recipient recipient, int revision, String by, String byName,
            Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update advisory_recipient set acknowledged_revision = ?,"
                + " acknowledged_at = ?, acknowledged_by = ?, acknowledged_by_name = ? where advisory_id = ?"
                + " and kind = ? and recipient_id = ?")) {
            s.setInt(1, revision);
            Columns.set(s, 2, now);
            s.setString(3, by);
            s.setString(4, byName);
            s.setLong(5, advisory);
            s.setString(6, recipient.kind());
            s.setString(7, recipient.id());
            s.executeUpdate();
        }
    }

    static void reportStatus(Connection c, long advisory, Recipient recipient, String status, String note,
            Instant statusAt, String by, String byName, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update advisory_recipient set status = ?, status_note = ?,"
                + " status_at = ?, status_reported_at = ?, status_by = ?, status_by_name = ? where advisory_id = ?"
                + " and kind = ? and recipient_id = ?")) {
            s.setString(1, status);
            s.setString(2, note);
            Columns.set(s, 3, statusAt);
            Columns.set(s, 4, now);
            s.setString(5, by);
            s.setString(6, byName);
            s.setLong(7, advisory);
            s.setString(8, recipient.kind());
            s.setString(9, recipient.id());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("insert into advisory_status_report (advisory_id, kind,"
                + " recipient_id, status, note, status_at, reported_at, reported_by, reported_by_name)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, advisory);
            s.setString(2, recipient.kind());
            s.setString(3, recipient.id());
            s.setString(4, status);
            s.setString(5, note);
            Columns.set(s, 6, statusAt);
            Columns.set(s, 7, now);
            s.setString(8, by);
            s.setString(9, byName);
            s.executeUpdate();
        }
    }

    private static void bindContent(Connection c, PreparedStatement s, int first, AdvisoryInput in)
            throws SQLException {
        int i = first;
        s.setString(i++, in.title().strip());
        s.setString(i++, in.severity());
        s.setArray(i++, c.createArrayOf("text", list(in.cves()).toArray()));
        try {
            s.setString(i++, JSON.writeValueAsString(list(in.affected())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        s.setString(i++, in.description().strip());
        s.setString(i++, in.recommendedActions().strip());
        s.setArray(i++, c.createArrayOf("text", list(in.references()).toArray()));
        Columns.set(s, i++, in.remediationDeadline());
        s.setBoolean(i++, in.audience().everyIsp());
        s.setBoolean(i++, in.audience().everyAgency());
        s.setArray(i++, c.createArrayOf("text", in.audience().listedIsps().stream().distinct().sorted().toArray()));
        s.setArray(i, c.createArrayOf("text", in.audience().listedAgencies().stream().distinct().sorted().toArray()));
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static Advisory read(ResultSet r) throws SQLException {
        List<AdvisoryInput.AffectedProduct> affected;
        try {
            affected = JSON.readValue(r.getString("affected"), AFFECTED);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable products of advisory " + r.getLong("id"), e);
        }
        AdvisoryInput content = new AdvisoryInput(r.getString("title"), r.getString("severity"),
                Arrays.asList(Columns.textArray(r, "cves")), affected, r.getString("description"),
                r.getString("recommended_actions"), Arrays.asList(Columns.textArray(r, "reference_urls")),
                Columns.instant(r, "remediation_deadline"),
                new AdvisoryInput.Audience(r.getBoolean("all_isps"), r.getBoolean("all_agencies"),
                        Arrays.asList(Columns.textArray(r, "isps")), Arrays.asList(Columns.textArray(r, "agencies"))));
        return new Advisory(r.getLong("id"), r.getString("authority_id"), r.getString("status"), r.getInt("revision"),
                content, r.getString("drafted_by"), r.getString("drafted_by_name"), Columns.instant(r, "drafted_at"),
                r.getString("published_by"), r.getString("published_by_name"), Columns.instant(r, "published_at"),
                Columns.instant(r, "revised_at"), r.getString("withdrawn_by"), r.getString("withdrawn_by_name"),
                Columns.instant(r, "withdrawn_at"), r.getString("withdrawal_reason"), Columns.instant(r, "updated_at"),
                r.getInt("version"));
    }

    private static RecipientState readRecipient(ResultSet r) throws SQLException {
        return new RecipientState(r.getString("kind") + ":" + r.getString("recipient_id"), r.getString("name"),
                r.getInt("told_revision"), Columns.intOrNull(r, "acknowledged_revision"),
                Columns.instant(r, "acknowledged_at"), r.getString("acknowledged_by"),
                r.getString("acknowledged_by_name"), r.getString("status"),
                r.getString("status_note"), Columns.instant(r, "status_at"), Columns.instant(r, "status_reported_at"),
                null);
    }
}
