package org.interdict.authority;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.interdict.persistence.Columns;

/**
 * Links the directives recorded before the registry, whose authority is free text ({@code authority_legacy}), to
 * the registered authority the text names: its id, Vietnamese or English name, or one of its aliases, compared as
 * {@link #key} makes them. When one text names several authorities, the first registered (by creation time, then
 * id) takes it, whichever is being written: a later one never takes a directive from it. Linking sets the
 * directive's {@code authority_id} and clears its free text; the directive's version stays, as nothing in its
 * substance changed. A link is never undone: an alias removed later leaves the directives it linked in place.
 *
 * <p>The legacy set is small (directives recorded before the registry, and escalations of them), so it is read whole
 * and matched here, where the comparison is defined, rather than in SQL.
 */
final class LegacyAuthorities {

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private LegacyAuthorities() {}

    /** What one run linked: the directives, by id, and the distinct texts they carried. */
    record Linked(List<Long> directives, List<String> texts) {

        boolean isEmpty() {
            return directives.isEmpty();
        }
    }

    /**
     * The form in which legacy text and an authority's names are compared: lower case, Unicode NFC (so that a
     * precomposed "ở" and "o" with combining marks are one letter), every run of white space (no-break spaces
     * too) one space, none at either end.
     */
    static String key(String text) {
        String composed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        return SPACES.matcher(composed).replaceAll(" ").strip();
    }

    /**
     * Links every legacy directive whose text names {@code authority} and no authority registered before it. Runs
     * in the caller's transaction, under the registry lock, after the authority's own write.
     */
    static Linked link(Connection c, String authority) throws SQLException {
        Map<String, String> firstNamed = firstNamed(c);
        Map<Long, String> matched = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "select id, authority_legacy from directive where authority_id is null");
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                String text = rows.getString(2);
                if (authority.equals(firstNamed.get(key(text)))) {
                    matched.put(rows.getLong(1), text);
                }
            }
        }
        if (matched.isEmpty()) {
            return new Linked(List.of(), List.of());
        }
        List<Long> linked = new ArrayList<>();
        // A directive linked by a concurrent write meanwhile is no longer legacy: the condition leaves it alone.
        try (PreparedStatement s = c.prepareStatement("update directive set authority_id = ?, authority_legacy = null"
                + " where id = any(?) and authority_id is null returning id")) {
            s.setString(1, authority);
            s.setArray(2, c.createArrayOf("bigint", matched.keySet().toArray()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    linked.add(rows.getLong(1));
                }
            }
        }
        linked.sort(null);
        TreeSet<String> texts = new TreeSet<>();
        linked.forEach(id -> texts.add(matched.get(id)));
        return new Linked(List.copyOf(linked), List.copyOf(texts));
    }

    /** Each key any authority answers to, with the first registered authority that does. */
    private static Map<String, String> firstNamed(Connection c) throws SQLException {
        Map<String, String> first = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "select id, name_vi, name_en, aliases from authority order by created_at, id");
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString("id");
                List<String> names = new ArrayList<>(List.of(id, rows.getString("name_vi"), rows.getString("name_en")));
                names.addAll(List.of(Columns.textArray(rows, "aliases")));
                names.forEach(name -> first.putIfAbsent(key(name), id));
            }
        }
        return first;
    }
}
