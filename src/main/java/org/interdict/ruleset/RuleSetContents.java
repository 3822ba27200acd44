package org.interdict.ruleset;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.interdict.compile.Delta;
import org.interdict.compile.RuleSet;
import org.interdict.config.InterdictConfig;
import org.jboss.logging.Logger;

/**
 * Rule-set content by key: stored once in PostgreSQL, a few kept decoded in memory (a national rule set decodes in
 * about a second, and every poll, delta and compile needs the current one).
 *
 * <p>A content's key is its rules' digest and its provenance digest ({@link #key(RuleSet)}): ISPs whose rules and
 * directives are the same share one copy, and the same rules behind other directives are another content, so that
 * each version answers "which orders block this?" for its own ISP.
 *
 * <p>A content derived from a stored one is stored as a patch of it, so a one-rule change writes one rule, not a
 * million. Loading follows the patches down to a whole copy; a chain that grows past {@link #FLATTEN_DEPTH} is
 * rewritten whole in the background, after its transaction committed, and never grows past {@link #MAX_DEPTH}.
 */
@ApplicationScoped
public class RuleSetContents {

    private static final Logger LOG = Logger.getLogger(RuleSetContents.class);
    static final int FLATTEN_DEPTH = 32;
    private static final int MAX_DEPTH = 128;

    private final AgroalDataSource dataSource;
    private final Cache<String, RuleSet> decoded;
    private final Cache<String, Delta> deltas;
    private final AtomicBoolean flattening = new AtomicBoolean();
    private volatile String deepest;
    private final ExecutorService flattener = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ruleset-content-flattener");
        thread.setDaemon(true);
        return thread;
    });

    public RuleSetContents(AgroalDataSource dataSource, InterdictConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.decoded = CaffeineCacheMetrics.monitor(registry, softly(config.caches().rulesetContents()), "ruleset-contents");
        this.deltas = CaffeineCacheMetrics.monitor(registry, softly(config.caches().rulesetDeltas()), "ruleset-deltas");
    }

    /**
     * Values held softly, since one may take hundreds of MB: under memory pressure the heap takes them back and they
     * are read again. Evicted on the thread that adds, not on the common pool, which a compilation keeps busy.
     */
    private static <V> Cache<String, V> softly(int size) {
        return Caffeine.newBuilder().maximumSize(size).softValues().executor(Runnable::run).recordStats().build();
    }

    void onStop(@Observes ShutdownEvent event) {
        flattener.shutdownNow();
    }

    /** The key of a content: {@code <rules digest>/<provenance digest>}. */
    public static String key(RuleSet rules) {
        return key(rules.digest(), rules.provenanceDigest());
    }

    /**
     * The key of a version's content; a version made before provenance digests were recorded has none, and its
     * content is keyed by its rules' digest alone.
     */
    public static String key(String digest, String provenanceDigest) {
        return provenanceDigest == null ? digest : digest + "/" + provenanceDigest;
    }

    /** The content with this key, or null when it is no longer retained. */
    public RuleSet get(String key) {
        RuleSet cached = decoded.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        try (Connection c = dataSource.getConnection()) {
            return load(c, key);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read rule-set content " + key, e);
        }
    }

    RuleSet get(Connection c, String key) throws SQLException {
        RuleSet cached = decoded.getIfPresent(key);
        return cached != null ? cached : load(c, key);
    }

    /**
     * Whether the content stored under {@code key} is these rules behind these directives. A key from before
     * provenance digests were recorded is the rules' digest alone: the stored provenance then decides.
     */
    boolean holds(Connection c, String key, RuleSet rules) throws SQLException {
        if (key == null || key.equals(key(rules))) {
            return key != null;
        }
        if (!key.equals(rules.digest())) {
            return false;
        }
        RuleSet stored = get(c, key);
        return stored != null && stored.provenanceDigest().equals(rules.provenanceDigest());
    }

    /**
     * Rules with this digest, for readers of rules alone (publication to Redis): the provenance is that of any
     * stored content with these rules. Null when none is retained.
     */
    public RuleSet withRules(String digest) {
        for (RuleSet cached : decoded.asMap().values()) {
            if (cached.digest().equals(digest)) {
                return cached;
            }
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select content_key from ruleset_content where rules_digest = ?"
                        + " order by created_at desc limit 1")) {
            s.setString(1, digest);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? load(c, rows.getString(1)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read rule-set content with rules " + digest, e);
        }
    }

    /** The rules that changed from one content to another; remembered, since every publication asks again. */
    public Delta delta(RuleSet from, RuleSet to) {
        Delta known = knownDelta(from.digest(), to.digest());
        if (known != null) {
            return known;
        }
        Delta delta = Delta.between(from, to);
        remember(from.digest(), to.digest(), delta);
        return delta;
    }

    /** The rules that changed between the rules with these digests, if still remembered, else null. */
    public Delta knownDelta(String fromDigest, String toDigest) {
        return deltas.getIfPresent(fromDigest + ">" + toDigest);
    }

    /**
     * Stores the content unless a version already did (identical rule sets share one copy): as a patch of its
     * derivation's base when that is stored and the chain is not too long, else whole.
     *
     * @param from nullable
     * @return how many patches lead down to a whole copy (0: stored whole)
     */
    int store(Connection c, RuleSet rules, Derivation from, Instant now) throws SQLException {
        String key = key(rules);
        Integer stored = depth(c, key);
        if (stored != null) {
            remember(rules);
            return stored;
        }
        String baseKey = from == null ? null : key(from.base());
        Integer baseDepth = baseKey == null ? null : depth(c, baseKey);
        boolean patch = baseDepth != null && baseDepth < MAX_DEPTH;
        try (PreparedStatement insert = c.prepareStatement("insert into ruleset_content (content_key, rules_digest,"
                + " rule_count, body, created_at, base_key, depth) values (?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (content_key) do nothing")) {
            insert.setString(1, key);
            insert.setString(2, rules.digest());
            insert.setInt(3, rules.size());
            insert.setBytes(4, patch ? RuleSetCodec.encode(from.patch()) : RuleSetCodec.encode(rules));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setString(6, patch ? baseKey : null);
            insert.setInt(7, patch ? baseDepth + 1 : 0);
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
    void flattenLater(String key) {
        deepest = key;
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

    private void flatten(String key) {
        RuleSet rules = get(key);
        if (rules == null) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update ruleset_content set body = ?, base_key = null,"
                        + " depth = 0 where content_key = ? and base_key is not null")) {
            s.setBytes(1, RuleSetCodec.encode(rules));
            s.setString(2, key);
            s.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Cannot store content %s whole (it stays a chain of patches): %s", key, e.getMessage());
        }
    }

    private static Integer depth(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select depth from ruleset_content where content_key = ?")) {
            s.setString(1, key);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getInt(1) : null;
            }
        }
    }

    /**
     * Decodes the content, checks that it hashes to the digests its key names (a key from before provenance digests
     * were recorded names the rules' alone) and keeps it in memory.
     */
    private RuleSet load(Connection c, String key) throws SQLException {
        RuleSet rules = decode(c, key);
        if (rules == null) {
            return null;
        }
        if (!key.equals(key(rules)) && !key.equals(rules.digest())) {
            throw new IllegalStateException("stored content " + key + " does not hash to its key");
        }
        decoded.put(key, rules);
        return rules;
    }

    /** Whole, or its base with the stored patch applied; intermediate links are never hashed. */
    private RuleSet decode(Connection c, String key) throws SQLException {
        // Through the map view, which counts no hit or miss: the caller counted its lookup of this content already.
        RuleSet cached = decoded.asMap().get(key);
        if (cached != null) {
            return cached;
        }
        byte[] body;
        String base;
        try (PreparedStatement s = c.prepareStatement("select body, base_key from ruleset_content where content_key = ?")) {
            s.setString(1, key);
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
            throw new IllegalStateException("the base " + base + " of stored content " + key + " is missing");
        }
        return RuleSetCodec.decodePatch(new ByteArrayInputStream(body)).applyTo(from);
    }

    private void remember(RuleSet rules) {
        decoded.put(key(rules), rules);
    }

    private void remember(String from, String to, Delta delta) {
        deltas.put(from + ">" + to, delta);
    }
}
