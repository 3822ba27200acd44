package org.interdict.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.interdict.alert.dto.AlertPeriodInput;
import org.interdict.persistence.Columns;
import org.interdict.security.RecipientScope;
import org.interdict.security.RecipientScope.Recipient;

/**
 * What alert periods in force change elsewhere, read in the caller's transaction: the enforcement deadline of a
 * directive approved now, the interval after which an ISP's appliances count as silent, and who owes reports.
 */
public final class AlertPeriods {

    private AlertPeriods() {}

    /** The shortest enforcement deadline of a period in force at {@code at}, and which period sets it. */
    public record Deadline(long period, String name, int minutes) {}

    /**
     * The shortest enforcement deadline among the periods in force at {@code at} that address every ISP of the
     * directive (a directive for every ISP: periods for every ISP); empty when none sets one. A directive's deadline
     * is one for all its ISPs, so a period for some of them only does not shorten it for the others.
     */
    public static Optional<Deadline> enforcementDeadline(Connection c, Instant at, boolean allIsps,
            Collection<String> isps) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id, name, enforcement_deadline_minutes from alert_period"
                + " where starts_at <= ? and ends_at > ? and enforcement_deadline_minutes is not null"
                + " and (all_isps or not ? and isps @> ?)"
                + " order by enforcement_deadline_minutes, id limit 1")) {
            Columns.set(s, 1, at);
            Columns.set(s, 2, at);
            s.setBoolean(3, allIsps);
            s.setArray(4, c.createArrayOf("text", isps.toArray()));
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(new Deadline(rows.getLong(1), rows.getString(2), rows.getInt(3)))
                        : Optional.empty();
            }
        }
    }

    /** The shortest appliance silence interval among the periods in force at {@code at} addressing the ISP. */
    public static Optional<Duration> silenceInterval(Connection c, Instant at, String isp) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select min(appliance_silence_minutes) from alert_period"
                + " where starts_at <= ? and ends_at > ? and (all_isps or ? = any(isps))")) {
            Columns.set(s, 1, at);
            Columns.set(s, 2, at);
            s.setString(3, isp);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                Integer minutes = Columns.intOrNull(rows, "min");
                return minutes == null ? Optional.empty() : Optional.of(Duration.ofMinutes(minutes));
            }
        }
    }

    /** The active ISPs and agencies an audience addresses, ISPs first, each by identifier. */
    public static List<Recipient> recipients(Connection c, AlertPeriodInput.Audience audience) throws SQLException {
        List<Recipient> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select 'isp', id from isp where active and (? or id = any(?))"
                + " union all select 'agency', id from agency where active and (? or id = any(?)) order by 1, 2")) {
            s.setBoolean(1, audience.everyIsp());
            s.setArray(2, c.createArrayOf("text", audience.listedIsps().toArray()));
            s.setBoolean(3, audience.everyAgency());
            s.setArray(4, c.createArrayOf("text", audience.listedAgencies().toArray()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(new Recipient(rows.getString(1).equals("isp") ? RecipientScope.ISP
                            : RecipientScope.AGENCY, rows.getString(2)));
                }
            }
        }
        return found;
    }
}
