package org.interdict.ruleset;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interdict.compile.AllowEntry;
import org.interdict.compile.AllowType;
import org.interdict.compile.TargetRule;
import org.interdict.target.TargetType;

/**
 * What one compilation reads, in one transaction: active ISPs, the BLOCK directives in force at an instant with
 * their audiences, and the allowlist; targets are read on demand, all of some directives or only those of some
 * subsumption keys.
 */
record CompileInputs(List<String> isps, Map<Long, Audience> directives, List<AllowEntry> allowlist) {

    /** Who a directive addresses. */
    record Audience(boolean allIsps, Set<String> isps) {
        boolean includes(String isp) {
            return allIsps || isps.contains(isp);
        }
    }

    /**
     * Reads the inputs at {@code at}; {@code alsoInForce} (nullable) is treated as in force whatever its status,
     * which is how a preview shows a directive before approval.
     */
    static CompileInputs load(Connection c, Instant at, Long alsoInForce) throws SQLException {
        List<String> isps = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id from isp where active order by id");
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                isps.add(rows.getString(1));
            }
        }
        Map<Long, Audience> directives = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("select id, all_isps, audience from directive"
                + " where (kind = 'BLOCK' and status in ('SCHEDULED', 'ACTIVE') and effective_from <= ?"
                + " and (expires_at is null or expires_at > ?)) or id = ? order by id")) {
            Timestamp instant = Timestamp.from(at);
            s.setTimestamp(1, instant);
            s.setTimestamp(2, instant);
            s.setLong(3, alsoInForce == null ? -1 : alsoInForce);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    Array audience = rows.getArray(3);
                    directives.put(rows.getLong(1), new Audience(rows.getBoolean(2),
                            new HashSet<>(Arrays.asList((String[]) audience.getArray()))));
                }
            }
        }
        return new CompileInputs(isps, directives, allowlist(c));
    }

    /** Every target of these directives. */
    static List<TargetRule> targetsOf(Connection c, Collection<Long> directiveIds) throws SQLException {
        return targets(c, "select directive_id, type, value from directive_target where directive_id = any(?)",
                directiveIds, null, Integer.MAX_VALUE);
    }

    /** The targets of these directives, or null when there are more than {@code limit}. */
    static List<TargetRule> targetsOf(Connection c, Collection<Long> directiveIds, int limit) throws SQLException {
        List<TargetRule> targets = targets(c, "select directive_id, type, value from directive_target"
                + " where directive_id = any(?) limit " + (limit + 1), directiveIds, null, limit + 1);
        return targets.size() > limit ? null : targets;
    }

    /** The targets of these directives whose subsumption key is one of {@code keys}. */
    static List<TargetRule> targetsWithKeys(Connection c, Collection<Long> directiveIds, Set<String> keys)
            throws SQLException {
        return targets(c, "select directive_id, type, value from directive_target"
                + " where directive_id = any(?) and subsumption_key = any(?)", directiveIds, keys, Integer.MAX_VALUE);
    }

    private static List<TargetRule> targets(Connection c, String query, Collection<Long> directiveIds, Set<String> keys,
            int limit) throws SQLException {
        List<TargetRule> targets = new ArrayList<>();
        if (directiveIds.isEmpty()) {
            return targets;
        }
        try (PreparedStatement s = c.prepareStatement(query)) {
            s.setArray(1, c.createArrayOf("bigint", directiveIds.toArray()));
            if (keys != null) {
                s.setArray(2, c.createArrayOf("text", keys.toArray()));
            }
            s.setFetchSize(20_000);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next() && targets.size() < limit) {
                    targets.add(new TargetRule(rows.getLong(1), TargetType.valueOf(rows.getString(2)), rows.getString(3)));
                }
            }
        }
        return targets;
    }

    private static List<AllowEntry> allowlist(Connection c) throws SQLException {
        List<AllowEntry> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select type, value, reason, source from allowlist_entry order by id");
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                entries.add(new AllowEntry(AllowType.valueOf(rows.getString(1)), rows.getString(2), rows.getString(3),
                        rows.getString(4)));
            }
        }
        return entries;
    }

    /**
     * ISPs grouped by the exact set of directives that address them: each group compiles once. With national
     * directives there is one group whatever the number of ISPs.
     */
    Map<List<Long>, List<String>> audiences() {
        Map<List<Long>, List<String>> groups = new LinkedHashMap<>();
        for (String isp : isps) {
            List<Long> ids = new ArrayList<>();
            directives.forEach((id, audience) -> {
                if (audience.includes(isp)) {
                    ids.add(id);
                }
            });
            groups.computeIfAbsent(ids, k -> new ArrayList<>()).add(isp);
        }
        return groups;
    }
}
