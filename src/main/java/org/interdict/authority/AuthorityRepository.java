package org.interdict.authority;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.interdict.category.ReasonCategory;
import org.interdict.persistence.Columns;

/** The {@code authority} and {@code authority_isp} tables, on the caller's connection and transaction. */
public final class AuthorityRepository {

    static final String COLUMNS = "a.id, a.name_vi, a.name_en, a.level, a.parent_id, a.jurisdiction, a.contacts,"
            + " a.aliases, a.categories, a.all_isps, a.active, a.created_at, a.updated_at, a.version,"
            + " array(select i.isp_id from authority_isp i where i.authority_id = a.id order by i.isp_id) as isps";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Authority.ContactPoint>> CONTACTS = new TypeReference<>() {};

    private AuthorityRepository() {}

    public static Optional<Authority> find(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from authority a where a.id = ?")) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** The authority with its row locked until the caller's transaction ends; empty when it is not registered. */
    static Optional<Authority> lock(Connection c, String id) throws SQLException {
        // No key update: directives being drafted meanwhile may still reference the row.
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from authority a where a.id = ?"
                + " for no key update")) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** The authorities the filter admits, national before provincial, then by id. */
    static List<Authority> list(Connection c, AuthorityFilter filter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from authority a"
                + " where (cast(? as text) is null or a.level = ?) and (cast(? as text) is null or a.parent_id = ?)"
                + " and (cast(? as boolean) is null or a.active = ?)"
                + " order by array_position(?, a.level), a.id")) {
            String level = filter.level() == null ? null : filter.level().name();
            s.setString(1, level);
            s.setString(2, level);
            s.setString(3, filter.parent());
            s.setString(4, filter.parent());
            s.setObject(5, filter.active(), Types.BOOLEAN);
            s.setObject(6, filter.active(), Types.BOOLEAN);
            s.setArray(7, c.createArrayOf("text",
                    Arrays.stream(AuthorityLevel.values()).map(Enum::name).toArray()));
            List<Authority> found = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows));
                }
            }
            return found;
        }
    }

    /** Inserts the authority and its ISP scope; false, inserting nothing, when the id is already registered. */
    static boolean insert(Connection c, Authority a) throws SQLException {
        // A concurrent registration of the same id waits on the key, then inserts nothing.
        try (PreparedStatement s = c.prepareStatement("insert into authority (name_vi, name_en, level, parent_id,"
                + " jurisdiction, contacts, aliases, categories, all_isps, active, updated_at, version, created_at, id)"
                + " values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing")) {
            bind(c, s, a);
            Columns.set(s, 13, a.createdAt());
            s.setString(14, a.id());
            if (s.executeUpdate() == 0) {
                return false;
            }
        }
        insertIsps(c, a);
        return true;
    }

    /** Writes every field but the id and the creation time, and replaces the ISP scope. */
    static void update(Connection c, Authority a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update authority set name_vi = ?, name_en = ?, level = ?,"
                + " parent_id = ?, jurisdiction = ?, contacts = ?::jsonb, aliases = ?, categories = ?, all_isps = ?,"
                + " active = ?, updated_at = ?, version = ? where id = ?")) {
            bind(c, s, a);
            s.setString(13, a.id());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("delete from authority_isp where authority_id = ?")) {
            s.setString(1, a.id());
            s.executeUpdate();
        }
        insertIsps(c, a);
    }

    private static void bind(Connection c, PreparedStatement s, Authority a) throws SQLException {
        s.setString(1, a.nameVi());
        s.setString(2, a.nameEn());
        s.setString(3, a.level().name());
        s.setString(4, a.parentId());
        s.setString(5, a.jurisdiction());
        s.setString(6, contactsJson(a.contacts()));
        s.setArray(7, c.createArrayOf("text", a.aliases().toArray()));
        s.setArray(8, a.categories() == null ? null
                : c.createArrayOf("text", a.categories().stream().sorted().map(ReasonCategory::code).toArray()));
        s.setBoolean(9, a.allIsps());
        s.setBoolean(10, a.active());
        Columns.set(s, 11, a.updatedAt());
        s.setInt(12, a.version());
    }

    private static void insertIsps(Connection c, Authority a) throws SQLException {
        if (a.isps().isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("insert into authority_isp (authority_id, isp_id)"
                + " select ?, unnest(?::text[])")) {
            s.setString(1, a.id());
            s.setArray(2, c.createArrayOf("text", a.isps().toArray()));
            s.executeUpdate();
        }
    }

    /** The names of the given authorities, by id; ids not registered are absent. */
    public static Map<String, AuthorityRef> refs(Connection c, Collection<String> ids) throws SQLException {
        Map<String, AuthorityRef> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement s = c.prepareStatement("select id, name_vi, name_en from authority where id = any(?)")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), new AuthorityRef(rows.getString(1), rows.getString(2),
                            rows.getString(3)));
                }
            }
        }
        return found;
    }

    /** Whether {@code ancestor} is above {@code id} in the chain of parents (not {@code id} itself). */
    public static boolean isAncestor(Connection c, String ancestor, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("with recursive up(id, parent_id, depth) as ("
                + " select id, parent_id, 0 from authority where id = ?"
                + " union all select a.id, a.parent_id, up.depth + 1 from authority a join up on a.id = up.parent_id"
                + " where up.depth < 32)"
                + " select 1 from up where id = ? and depth > 0")) {
            s.setString(1, id);
            s.setString(2, ancestor);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next();
            }
        }
    }

    static Authority read(ResultSet r) throws SQLException {
        String[] categories = r.getArray("categories") == null ? null : Columns.textArray(r, "categories");
        Set<ReasonCategory> allowed = null;
        if (categories != null) {
            allowed = EnumSet.noneOf(ReasonCategory.class);
            for (String code : categories) {
                allowed.add(ReasonCategory.fromCode(code));
            }
        }
        return new Authority(r.getString("id"), r.getString("name_vi"), r.getString("name_en"),
                AuthorityLevel.valueOf(r.getString("level")), r.getString("parent_id"), r.getString("jurisdiction"),
                contacts(r.getString("contacts")), Arrays.asList(Columns.textArray(r, "aliases")), allowed,
                r.getBoolean("all_isps"), new LinkedHashSet<>(Arrays.asList(Columns.textArray(r, "isps"))),
                r.getBoolean("active"), Columns.instant(r, "created_at"), Columns.instant(r, "updated_at"),
                r.getInt("version"));
    }

    private static List<Authority.ContactPoint> contacts(String json) throws SQLException {
        try {
            return JSON.readValue(json, CONTACTS);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable contacts of an authority", e);
        }
    }

    static String contactsJson(List<Authority.ContactPoint> contacts) {
        try {
            return JSON.writeValueAsString(contacts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
