package org.interdict.ruleset;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.annotation.Timed;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.ref.SoftReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.compile.AllowEntry;
import org.interdict.compile.CompileResult;
import org.interdict.compile.IncrementalCompiler;
import org.interdict.compile.RuleSetCompiler;
import org.interdict.compile.TargetRule;
import org.interdict.config.InterdictConfig;
import org.interdict.version.NewVersion;
import org.interdict.version.VersionState;
import org.jboss.logging.Logger;

/**
 * One compilation: reads the inputs, compiles once per distinct audience, writes the versions that changed and
 * consumes the pending changes, all in one transaction under a PostgreSQL advisory lock, so that with several
 * replicas only one compiles at a time and no half-made version is ever visible. Blocking JDBC: it runs on the
 * compiler's own thread, never on the event loop.
 */
@ApplicationScoped
public class RuleSetBuilder {

    private static final Logger LOG = Logger.getLogger(RuleSetBuilder.class);
    /** Arbitrary, fixed: the advisory lock every replica takes to compile. */
    static final long COMPILE_LOCK = 0x1d7_c0_3b11L;

    /** What a run did: {@code busy} when another replica held the lock. */
    public record Outcome(boolean busy, List<NewVersion> versions) {}

    private final AgroalDataSource dataSource;
    private final RuleSetContents contents;
    private final ObjectMapper json;
    private final InterdictConfig config;
    private final AuditLog audit;
    private final HeldNotices heldNotices;
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final IncrementalCompiler incremental = new IncrementalCompiler();
    /** Only the compiler thread touches it: runs never overlap (see CompileTrigger). */
    private Earlier earlier;

    public RuleSetBuilder(AgroalDataSource dataSource, RuleSetContents contents, ObjectMapper json, InterdictConfig config,
            AuditLog audit, HeldNotices heldNotices) {
        this.heldNotices = heldNotices;
        this.dataSource = dataSource;
        this.contents = contents;
        this.json = json;
        this.config = config;
        this.audit = audit;
    }

    @Timed(value = "interdict.compile.duration", description = "One compilation run: read, compile, write versions")
    public Outcome run(Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            // The lock is taken before the transaction starts, so that its snapshot includes everything the previous
            // holder committed.
            if (!lock(c, "pg_try_advisory_lock")) {
                return new Outcome(true, List.of());
            }
            try {
                c.setAutoCommit(false);
                // One snapshot for every read: the pending changes and the directives must agree, or a change
                // committed between two reads would be compiled into a version that does not name it.
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                Run done = compile(c, now);
                c.commit();
                // Kept for the next run only once committed: a rollback must not leave results of inputs that never
                // were.
                earlier = done.results();
                done.deepContents().forEach(contents::flattenLater);
                return new Outcome(false, done.created());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                lock(c, "pg_advisory_unlock");
            }
        }
    }

    /** What a run made: its versions, its results for the next run, and contents to store whole once committed. */
    private record Run(List<NewVersion> created, Earlier results, Set<String> deepContents) {}

    private Run compile(Connection c, Instant now) throws SQLException {
        List<PendingChange> changes = pendingChanges(c);
        CompileInputs inputs = CompileInputs.load(c, now, null);
        VersionWriter writer = new VersionWriter(c, contents, CircuitBreaker.of(config.rulesets().breaker()), json, now);
        List<NewVersion> created = new ArrayList<>();
        long started = System.nanoTime();
        Map<Set<Long>, SoftReference<CompileResult>> results = new HashMap<>();
        for (Map.Entry<List<Long>, List<String>> audience : inputs.audiences().entrySet()) {
            Set<Long> directives = Set.copyOf(audience.getKey());
            Compiled compiled = compile(c, directives, inputs.allowlist());
            results.put(directives, new SoftReference<>(compiled.result()));
            for (String isp : audience.getValue()) {
                NewVersion version = writer.write(isp, compiled.result(), compiled.from(), notesFor(isp, changes, inputs));
                if (version != null) {
                    created.add(version);
                }
            }
        }
        writer.prune(config.rulesets().retainedVersions());
        markCompiled(c, changes, now);
        for (NewVersion version : created) {
            if (version.state() == VersionState.HELD) {
                heldNotices.tell(c, version.isp(), version.number());
            }
        }
        for (NewVersion version : created) {
            // Last in the transaction: the audit lock is then held only until the commit.
            audit.append(c, AuditEvent.bySystem(now, version.state() == VersionState.HELD
                    ? "ruleset.version-held" : "ruleset.version-created", "ruleset-version",
                    version.isp() + "/" + version.number(), Map.of("isp", version.isp(), "version",
                            version.number(), "digest", version.digest(), "state", version.state().name())));
        }
        if (!created.isEmpty()) {
            LOG.infof("Compiled %d new version(s) in %d ms", created.size(), (System.nanoTime() - started) / 1_000_000);
        }
        return new Run(created, new Earlier(results, inputs.allowlist()), writer.deepContents());
    }

    /** A compilation of some directives' targets, and how it came from an earlier one when it did. */
    private record Compiled(CompileResult result, Derivation from) {}

    /**
     * The results of the last committed run, by the directives they compiled, with the allowlist they used. Held
     * softly: several audiences mean several national-size results, and memory may take them back (the next run
     * then compiles from scratch).
     */
    private record Earlier(Map<Set<Long>, SoftReference<CompileResult>> results, List<AllowEntry> allowlist) {}

    /**
     * The directives' targets compiled: on top of the earlier result closest to them when only a few targets
     * differ and the allowlist is the same, else from scratch.
     */
    private Compiled compile(Connection c, Set<Long> directives, List<AllowEntry> allowlist) throws SQLException {
        Earlier known = earlier;
        if (known != null && known.allowlist().equals(allowlist)) {
            Set<Long> differing = null;
            CompileResult base = null;
            for (Map.Entry<Set<Long>, SoftReference<CompileResult>> compiled : known.results().entrySet()) {
                Set<Long> difference = symmetricDifference(compiled.getKey(), directives);
                CompileResult result = compiled.getValue().get();
                if (result != null && (differing == null || difference.size() < differing.size())) {
                    differing = difference;
                    base = result;
                }
            }
            if (base != null) {
                if (differing.isEmpty()) {
                    return new Compiled(base, null);
                }
                List<TargetRule> changed = CompileInputs.targetsOf(c, differing, config.rulesets().incrementalLimit());
                if (changed != null) {
                    Set<String> keys = IncrementalCompiler.keysOf(changed);
                    IncrementalCompiler.Recompiled recompiled = incremental.recompile(base, keys,
                            CompileInputs.targetsWithKeys(c, directives, keys), allowlist);
                    return new Compiled(recompiled.result(),
                            new Derivation(base.ruleSet(), recompiled.patch(), recompiled.delta()));
                }
            }
        }
        return new Compiled(compiler.compile(CompileInputs.targetsOf(c, directives), allowlist), null);
    }

    private static Set<Long> symmetricDifference(Set<Long> a, Set<Long> b) {
        Set<Long> difference = new HashSet<>(a);
        difference.addAll(b);
        Set<Long> both = new HashSet<>(a);
        both.retainAll(b);
        difference.removeAll(both);
        return difference;
    }

    /** Whether changes wait for a compilation (cheap; polled). */
    public boolean hasPendingChanges() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select exists (select 1 from ruleset_change where compiled_at is null)");
                ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    record PendingChange(long id, Long directiveId, String change) {}

    private static boolean lock(Connection c, String function) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + function + "(?)")) {
            s.setLong(1, COMPILE_LOCK);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static List<PendingChange> pendingChanges(Connection c) throws SQLException {
        List<PendingChange> changes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select id, directive_id, change from ruleset_change where compiled_at is null order by id");
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                changes.add(new PendingChange(rows.getLong(1), (Long) rows.getObject(2), rows.getString(3)));
            }
        }
        return changes;
    }

    /**
     * The changes relevant to one ISP: those of directives addressing it, those about it ({@code isp-registered:<id>}
     * and the like), and those about every ISP (the allowlist). Another ISP's changes stay out: its engineers must not
     * learn of it from this ISP's versions.
     */
    static List<VersionWriter.ChangeNote> notesFor(String isp, List<PendingChange> changes, CompileInputs inputs) {
        List<VersionWriter.ChangeNote> notes = new ArrayList<>();
        for (PendingChange change : changes) {
            String named = ispNamedBy(change.change());
            if (named != null && !named.equals(isp)) {
                continue;
            }
            CompileInputs.Audience audience = change.directiveId() == null ? null : inputs.directives().get(change.directiveId());
            // A directive no longer in force (revoked, expired) is not among the inputs: its change still explains
            // why rules left, so it is kept.
            if (audience == null || audience.includes(isp)) {
                notes.add(new VersionWriter.ChangeNote(change.directiveId(), change.change()));
            }
        }
        return notes;
    }

    /** The ISP a change is about ({@code isp-registered:<id>}, {@code isp-deactivated:<id>}), or null. */
    private static String ispNamedBy(String change) {
        int colon = change.indexOf(':');
        return change.startsWith("isp-") && colon > 0 ? change.substring(colon + 1) : null;
    }

    private static void markCompiled(Connection c, List<PendingChange> changes, Instant now) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("update ruleset_change set compiled_at = ? where id = any(?)")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setArray(2, c.createArrayOf("bigint", changes.stream().map(PendingChange::id).toArray()));
            s.executeUpdate();
        }
    }
}
