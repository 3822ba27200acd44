package org.interdict.agency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.interdict.security.RecipientScope.Recipient;

/**
 * The e-mail addresses of contact points, in the caller's transaction: a recipient's (an ISP's contact, an agency's
 * contacts) and an authority's contacts.
 */
public final class ContactPoints {

    private ContactPoints() {}

    public static List<String> emails(Connection c, Recipient recipient) throws SQLException {
        return read(c, recipient.kind().equals("isp") ? "select contact_email from isp where id = ?"
                : "select p->>'email' from agency, jsonb_array_elements(contacts) p where id = ?", recipient.id());
    }

    /** The e-mail addresses of the authority's contact points. */
    public static List<String> ofAuthority(Connection c, String authority) throws SQLException {
        return read(c, "select p->>'email' from authority, jsonb_array_elements(contacts) p where id = ?", authority);
    }

    private static List<String> read(Connection c, String sql, String id) throws SQLException {
        Set<String> found = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    String email = rows.getString(1);
                    if (email != null && !email.isBlank()) {
                        found.add(email.strip());
                    }
                }
            }
        }
        return List.copyOf(found);
    }
}
