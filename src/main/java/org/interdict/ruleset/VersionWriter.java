package org.interdict.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.interdict.compile.CompileResult;
import org.interdict.compile.Delta;
import org.interdict.compile.RuleSet;
import org.interdict.version.NewVersion;
import org.interdict.version.Outbox;
import org.interdict.version.VersionState;
import org.jboss.logging.Logger;

/** Turns a compiled rule set into an ISP's next version, inside the compilation's transaction. */
final class VersionWriter {

    private static final Logger LOG = Logger.getLogger(VersionWriter.class);

    /**
     * The latest published version and its content's key, the held version, its content's key and since when the
     * ISP's versions are held, if any, and the highest number ever used.
     */
    private record Head(Long publishedNumber, String publishedKey, Long heldNumber, String heldKey, Instant heldSince,
            long maxNumber) {}

    record ChangeNote(Long directiveId, String change) {

        /** Whether a supervisor's approval stands behind it: the directive was approved, or took effect as approved. */
        boolean approval() {
            return directiveId != null && APPROVALS.contains(change);
        }
    }

    /** The changes that bring what a supervisor approved. */
    private static final Set<String> APPROVALS = Set.of("approved", "activated");

    private final Connection c;
    private final RuleSetContents contents;
    private final CircuitBreaker breaker;
    private final ObjectMapper json;
    private final Instant now;
    private final Set<String> deepContents = new LinkedHashSet<>();

    VersionWriter(Connection c, RuleSetContents contents, CircuitBreaker breaker, ObjectMapper json, Instant now) {
        this.c = c;
        this.contents = contents;
        this.breaker = breaker;
        this.json = json;
        this.now = now;
    }

    /**
     * The new version, or null when neither the ISP's rules nor the directives behind them changed. A change of
     * directives alone (an order whose targets existing rules already cover, or the revocation of one) makes a
     * version with the same rules: it is what records that the order is enforced, or no longer.
     *
     * @param from how the rules came from an earlier compilation, when they did (nullable)
     */
    NewVersion write(String isp, CompileResult result, Derivation from, List<ChangeNote> changes) throws SQLException {
        RuleSet rules = result.ruleSet();
        String key = RuleSetContents.key(rules);
        Head head = head(isp);
        if (contents.holds(c, head.publishedKey(), rules)) {
            supersedeHeld(isp, head);
            return null;
        }
        // The held rules again: a new version only when an approval among the changes may now explain them (a
        // scheduled order compiled in force before its activation was recorded), to be judged again.
        if (contents.holds(c, head.heldKey(), rules) && changes.stream().noneMatch(ChangeNote::approval)) {
            return null;
        }
        supersedeHeld(isp, head);
        RuleSet current = head.publishedKey() == null ? null : contents.get(c, head.publishedKey());
        if (current == null) {
            current = RuleSet.empty();
        }
        // The compiler's own delta when it started from this ISP's current rules, the usual case.
        Delta delta = from != null && from.base().digest().equals(current.digest()) ? from.delta()
                : contents.delta(current, rules);
        int added = delta.added().values().stream().mapToInt(List::size).sum();
        int removed = delta.removed().values().stream().mapToInt(List::size).sum();
        // Attribution reads the provenance of every changed rule; a change too small to trip the breaker even if no
        // approval explained any of it (the common, incremental case) is not attributed: it is recorded as null.
        Integer unexplained = !breaker.trips(current.size(), added + removed) ? null
                : CircuitBreaker.unexplained(current, rules, delta, approvalsSince(c, isp, head.publishedNumber()));
        VersionState state = unexplained != null && breaker.trips(current.size(), unexplained)
                ? VersionState.HELD : VersionState.PUBLISHED;
        Instant heldSince = state != VersionState.HELD ? null : head.heldSince() != null ? head.heldSince() : now;
        if (contents.store(c, rules, from, now) >= RuleSetContents.FLATTEN_DEPTH) {
            deepContents.add(key);
        }
        long number = head.maxNumber() + 1;
        try (PreparedStatement insert = c.prepareStatement("insert into ruleset_version (isp_id, number, digest,"
                + " provenance_digest, content_key, follows, state, created_at, published_at, counts, added, removed,"
                + " changes, conflicts, unexplained, held_since)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?::jsonb, ?, ?)")) {
            insert.setString(1, isp);
            insert.setLong(2, number);
            insert.setString(3, rules.digest());
            insert.setString(4, rules.provenanceDigest());
            insert.setString(5, key);
            insert.setObject(6, head.publishedNumber());
            insert.setString(7, state.name());
            insert.setTimestamp(8, Timestamp.from(now));
            insert.setTimestamp(9, state == VersionState.PUBLISHED ? Timestamp.from(now) : null);
            insert.setString(10, toJson(rules.counts()));
            insert.setInt(11, added);
            insert.setInt(12, removed);
            insert.setString(13, toJson(changes));
            insert.setString(14, toJson(result.conflicts()));
            insert.setObject(15, unexplained, java.sql.Types.INTEGER);
            insert.setTimestamp(16, heldSince == null ? null : Timestamp.from(heldSince));
            insert.executeUpdate();
        }
        if (state == VersionState.PUBLISHED) {
            Outbox.enqueue(c, isp, number, now);
        } else {
            LOG.warnf("Version %d of ISP %s is held since %s: %d of its %d rule changes follow from no approval;"
                    + " a supervisor must confirm or refuse it", number, isp, heldSince, unexplained, added + removed);
        }
        return new NewVersion(isp, number, rules.digest(), state);
    }

    /** Contents this writer stored at the end of a long chain of patches: to store whole once committed. */
    Set<String> deepContents() {
        return deepContents;
    }

    /** Keeps the content of the latest {@code retained} versions of every ISP and frees what nothing refers to. */
    void prune(int retained) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update ruleset_version v set content_key = null"
                + " where content_key is not null and state <> 'HELD' and number <= (select max(number)"
                + " from ruleset_version w where w.isp_id = v.isp_id) - ?"
                + " and number <> (select coalesce(max(number), 0) from ruleset_version p"
                + " where p.isp_id = v.isp_id and p.state = 'PUBLISHED')")) {
            s.setInt(1, retained);
            s.executeUpdate();
        }
        // A content stays while a retained version uses it or the base of one that stays.
        try (PreparedStatement s = c.prepareStatement("with recursive live(key) as ("
                + " select content_key from ruleset_version where content_key is not null"
                + " union select r.base_key from ruleset_content r join live on r.content_key = live.key"
                + " where r.base_key is not null)"
                + " delete from ruleset_content where content_key not in (select key from live)")) {
            s.executeUpdate();
        }
    }

    /**
     * The directives approved or activated since the ISP's version {@code publishedNumber} (null: none yet): those
     * named by the versions made since (held, superseded or refused ones) and by the changes not yet compiled. The
     * changes of these directives are what a supervisor expected (see {@link CircuitBreaker}).
     */
    static Set<Long> approvalsSince(Connection c, String isp, Long publishedNumber) throws SQLException {
        Set<Long> approved = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("select (e ->> 'directiveId')::bigint from ruleset_version v"
                + " cross join jsonb_array_elements(v.changes) e where v.isp_id = ? and v.number > ?"
                + " and e ->> 'change' = any(?) and e ->> 'directiveId' is not null"
                + " union select directive_id from ruleset_change where compiled_at is null"
                + " and change = any(?) and directive_id is not null")) {
            Array approvals = c.createArrayOf("text", APPROVALS.toArray());
            s.setString(1, isp);
            s.setLong(2, publishedNumber == null ? 0 : publishedNumber);
            s.setArray(3, approvals);
            s.setArray(4, approvals);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    approved.add(rows.getLong(1));
                }
            }
        }
        return approved;
    }

    private Head head(String isp) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select"
                + " p.number, p.content_key, h.number, h.content_key, h.since,"
                + " (select coalesce(max(number), 0) from ruleset_version where isp_id = ?)"
                + " from (select 1) one"
                + " left join lateral (select number, content_key from ruleset_version where isp_id = ?"
                + "   and state = 'PUBLISHED' order by number desc limit 1) p on true"
                + " left join lateral (select number, content_key, coalesce(held_since, created_at) as since"
                + "   from ruleset_version where isp_id = ? and state = 'HELD' order by number desc limit 1) h on true")) {
            for (int i = 1; i <= 3; i++) {
                s.setString(i, isp);
            }
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                Timestamp heldSince = rows.getTimestamp(5);
                return new Head((Long) rows.getObject(1), rows.getString(2), (Long) rows.getObject(3), rows.getString(4),
                        heldSince == null ? null : heldSince.toInstant(), rows.getLong(6));
            }
        }
    }

    private void supersedeHeld(String isp, Head head) throws SQLException {
        if (head.heldNumber() == null) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "update ruleset_version set state = 'SUPERSEDED' where isp_id = ? and number = ? and state = 'HELD'")) {
            s.setString(1, isp);
            s.setLong(2, head.heldNumber());
            s.executeUpdate();
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
