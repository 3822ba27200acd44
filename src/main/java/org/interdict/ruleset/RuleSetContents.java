package org.interdict.ruleset;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.interdict.compile.Delta;
import org.interdict.compile.RuleSet;
import org.jboss.logging.Logger;

/**
 * Rule-set content by digest: stored once in PostgreSQL, the few most recent kept decoded in memory (a national
 * rule set decodes in about a second, and every poll, delta and compile needs the current one).
 *
 * <p>A content derived from a stored one is stored as a patch of it, so a one-rule change writes one rule, not a
 * million. Loading follows the patches down to a whole copy; a chain that grows past {@link #FLATTEN_DEPTH} is
 * rewritten whole in the background, after its transaction committed, and never grows past {@link #MAX_DEPTH}.
 */
@ApplicationScoped
public class RuleSetContents {

    private static final Logger LOG = Logger.getLogger(RuleSetContents.class);
    private static final int CACHED = 3;
    private static final int CACHED_DELTAS = 8;
    static final int FLATTEN_DEPTH = 32;
    private static final int MAX_DEPTH = 128;

    private final AgroalDataSource dataSource;
    private final Map<String, RuleSet> cache = lru(CACHED);
    private final Map<String, Delta> deltas = lru(CACHED_DELTAS);
    private final AtomicBoolean flattening = new AtomicBoolean();
    private volatile String deepest;
    private final ExecutorService flattener = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ruleset-content-flattener");
        thread.setDaemon(true);
        return thread;
    });

    public RuleSetContents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStop(@Observes ShutdownEvent event) {
        flattener.shutdownNow();
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

    /** The rules that changed from one content to another; remembered, since every publication asks again. */
    public Delta delta(RuleSet from, RuleSet to) {
        String key = from.digest() + ">" + to.digest();
        synchronized (deltas) {
            Delta known = deltas.get(key);
            if (known != null) {
                return known;
            }
        }
        Delta delta = Delta.between(from, to);
        remember(from.digest(), to.digest(), delta);
        return delta;
    }

    /**
     * Stores the content unless a version already did (identical rule sets share one copy): as a patch of its
     * derivation's base when that is stored and the chain is not too long, else whole.
     *
     * @param from nullable
     * @return how many patches lead down to a whole copy (0: stored whole)
     */
    int store(Connection c, RuleSet rules, Derivation from, Instant now) throws SQLException {
        Integer stored = depth(c, rules.digest());
        if (stored != null) {
            remember(rules);
            return stored;
        }
        Integer baseDepth = from == null ? null : depth(c, from.base().digest());
        boolean patch = baseDepth != null && baseDepth < MAX_DEPTH;
        try (PreparedStatement insert = c.prepareStatement("insert into ruleset_content (digest, rule_count, body,"
                + " created_at, base_digest, depth) values (?, ?, ?, ?, ?, ?) on conflict (digest) do nothing")) {
            insert.setString(1, rules.digest());
            insert.setInt(2, rules.size());
            insert.setBytes(3, patch ? RuleSetCodec.encode(from.patch()) : RuleSetCodec.encode(rules));
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setString(5, patch ? from.base().digest() : null);
            insert.setInt(6, patch ? baseDepth + 1 : 0);
            insert.executeUpdate();
        }
        remember(rules);
        if (from != null) {
            remember(from.base().digest(), rules.digest(), from.delta());
        }
        return patch ? baseDepth + 1 : 0;
    }

    /**
     * After the commit that stored it: rewrites a content deep in a chain of patches as a whole copy, off the
     * compiler's thread. One rewrite at a time, of the latest such content, so a run of versions made meanwhile
     * costs one rewrite and the versions that follow start a new chain.
     */
    void flattenLater(String digest) {
        deepest = digest;
        if (flattening.compareAndSet(false, true)) {
            flattener.execute(() -> {
                try {
                    flatten(deepest);
                } finally {
                    flattening.set(false);
                }
            });
        }
    }

    private void flatten(String digest) {
        RuleSet rules = get(digest);
        if (rules == null) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update ruleset_content set body = ?, base_digest = null,"
                        + " depth = 0 where digest = ? and base_digest is not null")) {
            s.setBytes(1, RuleSetCodec.encode(rules));
            s.setString(2, digest);
            s.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Cannot store content %s whole (it stays a chain of patches): %s", digest, e.getMessage());
        }
    }

    private static Integer depth(Connection c, String digest) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select depth from ruleset_content where digest = ?")) {
            s.setString(1, digest);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getInt(1) : null;
            }
        }
    }

    /** Decodes the content, checks that it hashes to its digest and keeps it in memory. */
    private RuleSet load(Connection c, String digest) throws SQLException {
        RuleSet rules = decode(c, digest);
        if (rules == null) {
            return null;
        }
        if (!rules.digest().equals(digest)) {
            throw new IllegalStateException("stored content " + digest + " does not hash to its digest");
        }
        remember(rules);
        return rules;
    }

    /** Whole, or its base with the stored patch applied; intermediate links are never hashed. */
    private RuleSet decode(Connection c, String digest) throws SQLException {
        RuleSet cached = cached(digest);
        if (cached != null) {
            return cached;
        }
        byte[] body;
        String base;
        try (PreparedStatement s = c.prepareStatement("select body, base_digest from ruleset_content where digest = ?")) {
            s.setString(1, digest);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                body = rows.getBytes(1);
                base = rows.getString(2);
            }
        }
        if (base == null) {
            return RuleSetCodec.decode(new ByteArrayInputStream(body));
        }
        RuleSet from = decode(c, base);
        if (from == null) {
            throw new IllegalStateException("the base " + base + " of stored content " + digest + " is missing");
        }
        return RuleSetCodec.decodePatch(new ByteArrayInputStream(body)).applyTo(from);
    }

    private synchronized RuleSet cached(String digest) {
        return cache.get(digest);
    }

    private synchronized void remember(RuleSet rules) {
        cache.put(rules.digest(), rules);
    }

    private void remember(String from, String to, Delta delta) {
        synchronized (deltas) {
            deltas.put(from + ">" + to, delta);
        }
    }

    private static <V> Map<String, V> lru(int size) {
        return new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > size;
            }
        };
    }
}
