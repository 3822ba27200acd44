package org.interdict.agency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.interdict.security.RecipientScope.Recipient;

/** The e-mail addresses of a recipient's contact points (an ISP's contact, an agency's contacts), in its transaction. */
public final class ContactPoints {

    private ContactPoints() {}

    public static List<String> emails(Connection c, Recipient recipient) throws SQLException {
        String sql = recipient.kind().equals("isp") ? "select contact_email from isp where id = ?"
                : "select p->>'email' from agency, jsonb_array_elements(contacts) p where id = ?";
        Set<String> found = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, recipient.id());
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
