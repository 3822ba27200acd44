package org.interdict.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interdict.compile.RuleType;

/** What PostgreSQL says Redis must hold: the published versions, read on the publisher's connection. */
final class PublishedVersions {

    /**
     * One published version; {@code follows} is the published version before it (0 for none), {@code changed}
     * the rules it added plus those it removed.
     */
    record Published(String isp, long number, long follows, String digest, Instant publishedAt,
            Map<RuleType, Integer> counts, long changed) {}

    private static final TypeReference<Map<RuleType, Integer>> COUNTS = new TypeReference<>() {};

    private final ObjectMapper json;

    PublishedVersions(ObjectMapper json) {
        this.json = json;
    }

    /** The ISP's latest {@code limit} published versions, oldest first. */
    List<Published> latest(Connection c, String isp, int limit) throws SQLException {
        List<Published> versions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select number, coalesce(follows, 0), digest, published_at,"
                + " counts::text, added + removed from ruleset_version where isp_id = ? and state = 'PUBLISHED'"
                + " order by number desc limit ?")) {
            s.setString(1, isp);
            s.setInt(2, limit);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    versions.add(0, new Published(isp, rows.getLong(1), rows.getLong(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant(), counts(rows.getString(5)), rows.getLong(6)));
                }
            }
        }
        return versions;
    }

    /** Every ISP with a published version. */
    static List<String> isps(Connection c) throws SQLException {
        List<String> isps = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select distinct isp_id from ruleset_version where state = 'PUBLISHED' order by isp_id");
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                isps.add(rows.getString(1));
            }
        }
        return isps;
    }

    /** The digests of every ISP's latest {@code perIsp} published versions: the content Redis keeps. */
    static Set<String> retainedDigests(Connection c, int perIsp) throws SQLException {
        Set<String> digests = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("select distinct digest from (select digest, row_number()"
                + " over (partition by isp_id order by number desc) as rank from ruleset_version"
                + " where state = 'PUBLISHED') latest where rank <= ?")) {
            s.setInt(1, perIsp);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    digests.add(rows.getString(1));
                }
            }
        }
        return digests;
    }

    private Map<RuleType, Integer> counts(String text) {
        try {
            return json.readValue(text, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
