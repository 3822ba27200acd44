package org.interdict.ruleset;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.interdict.compile.RuleSet;

/**
 * Rule-set content by digest: stored once in PostgreSQL, the few most recent kept decoded in memory (a national
 * rule set decodes in about a second, and every poll, delta and compile needs the current one).
 */
@ApplicationScoped
public class RuleSetContents {

    private static final int CACHED = 3;

    private final AgroalDataSource dataSource;
    private final Map<String, RuleSet> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
            return size() > CACHED;
        }
    };

    public RuleSetContents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The content with this digest, or null when it is no longer retained. */
    public RuleSet get(String digest) {
        RuleSet cached = cached(digest);
        if (cached != null) {
            return cached;
        }
        try (Connection c = dataSource.getConnection()) {
            return load(c, digest);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read rule-set content " + digest, e);
        }
    }

    RuleSet get(Connection c, String digest) throws SQLException {
        RuleSet cached = cached(digest);
        return cached != null ? cached : load(c, digest);
    }

    /** Stores the content unless a version already did (identical rule sets share one copy). */
    void store(Connection c, RuleSet rules, Instant now) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("select 1 from ruleset_content where digest = ?")) {
            exists.setString(1, rules.digest());
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    remember(rules);
                    return;
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("insert into ruleset_content (digest, rule_count, body, created_at)"
                + " values (?, ?, ?, ?) on conflict (digest) do nothing")) {
            insert.setString(1, rules.digest());
            insert.setInt(2, rules.size());
            insert.setBytes(3, RuleSetCodec.encode(rules));
            insert.setTimestamp(4, Timestamp.from(now));
            insert.executeUpdate();
        }
        remember(rules);
    }

    private RuleSet load(Connection c, String digest) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select body from ruleset_content where digest = ?")) {
            s.setString(1, digest);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                RuleSet rules = RuleSetCodec.decode(new ByteArrayInputStream(rows.getBytes(1)));
                remember(rules);
                return rules;
            }
        }
    }

    private synchronized RuleSet cached(String digest) {
        return cache.get(digest);
    }

    private synchronized void remember(RuleSet rules) {
        cache.put(rules.digest(), rules);
    }
}
