package org.interdict.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.error.Violation;

/** The registries others refer to by identifier: ISPs, agencies and authorities. */
public enum Registries {
    ISP("isp", "ISP"),
    AGENCY("agency", "agency"),
    AUTHORITY("authority", "authority");

    private final String table;
    private final String noun;

    Registries(String table, String noun) {
        this.table = table;
        this.noun = noun;
    }

    /**
     * Refuses, naming each one under {@code field} with the code {@code unknown-<registry>}, the identifiers that are
     * not registered here. Runs in the caller's transaction.
     */
    public void requireRegistered(Connection c, Collection<String> ids, String field) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        TreeSet<String> unknown = new TreeSet<>(ids);
        try (PreparedStatement s = c.prepareStatement("select id from " + table + " where id = any(?)")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    unknown.remove(rows.getString(1));
                }
            }
        }
        if (!unknown.isEmpty()) {
            List<Violation> violations = unknown.stream().map(u -> Violation.ofField(field, "unknown-" + table,
                    "'" + u + "' is not a registered " + noun)).toList();
            throw new ProblemException(ErrorCategory.INVALID, "invalid-request", "Invalid request",
                    "Unknown " + noun + " identifier(s): " + String.join(", ", unknown), violations,
                    violations.size());
        }
    }

    /** The registry an owner or recipient prefix names ({@code isp}, {@code agency}, {@code authority}). */
    public static Registries of(String table) {
        for (Registries registry : values()) {
            if (registry.table.equals(table)) {
                return registry;
            }
        }
        throw new IllegalArgumentException("no registry " + table);
    }
}
