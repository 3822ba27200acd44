package org.interdict.allowlist;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import io.quarkus.scheduler.Scheduled;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.interdict.allowlist.dto.AllowEntryView;
import org.interdict.allowlist.dto.AllowImportResult;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.compile.AllowEntry;
import org.interdict.compile.AllowType;
import org.interdict.config.InterdictConfig;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.error.Violation;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.persistence.Columns;
import org.interdict.persistence.Transactions;
import org.interdict.ruleset.ChangeLog;
import org.interdict.ruleset.RulesetChange;
import org.interdict.security.Actor;
import org.interdict.target.TargetParser;

/**
 * The allowlist: protected entries no rule may match. Each change is recorded for the compiler in the same
 * transaction. Blocking JDBC; callers run on worker threads.
 */
@ApplicationScoped
public class AllowlistService {

    private static final String SUBJECT = "allowlist";
    /** Entries named in the audit summary of an import; the count says how many there were. */
    private static final int AUDITED_VALUES = 20;

    private final AgroalDataSource dataSource;
    private final TargetParser parser;
    private final Event<RulesetChange> changes;
    private final InterdictConfig config;
    private final AuditLog audit;
    private final Clock clock;

    public AllowlistService(AgroalDataSource dataSource, TargetParser parser, Event<RulesetChange> changes,
            InterdictConfig config, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.parser = parser;
        this.changes = changes;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    public AllowImportResult importText(String text, String source, boolean skipInvalid, Actor actor) {
        AllowLines.Parsed parsed = AllowLines.parse(text, source == null ? "operator" : source, parser);
        refuseUnlessSkipping(parsed.invalid(), parsed.received(), skipInvalid);
        int added = insert(parsed.entries(), actor, "allowlist-import");
        int cap = config.targetImport().maxReportedErrors();
        List<Violation> skipped = parsed.invalid().size() <= cap ? parsed.invalid() : parsed.invalid().subList(0, cap);
        return new AllowImportResult(parsed.received(), added, parsed.entries().size() - added, List.copyOf(skipped),
                parsed.invalid().size());
    }

    public AllowEntryView add(String value, String reason, String source, Actor actor) {
        AllowEntry entry;
        try {
            entry = AllowLines.entry(value.strip(), reason.strip(), source == null ? "operator" : source.strip(), parser);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("value", "invalid-entry", e.getMessage());
        }
        if (insert(List.of(entry), actor, "allowlist-added") == 0) {
            throw ProblemException.conflict("already-allowlisted", entry.value() + " is already on the allowlist");
        }
        return find(entry.type(), entry.value());
    }

    /** Loads entries once: {@code seedName} marks the load as done, so a deleted seed entry stays deleted. */
    public boolean seed(String seedName, String text, String source) {
        AllowLines.Parsed parsed = AllowLines.parse(text, source, parser);
        if (!parsed.invalid().isEmpty()) {
            throw new IllegalStateException("seed " + seedName + " has invalid lines: " + parsed.invalid());
        }
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "insert into seed_applied (name, applied_at) values (?, ?) on conflict do nothing")) {
                s.setString(1, seedName);
                s.setTimestamp(2, Timestamp.from(clock.instant()));
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            int added = insertEntries(c, parsed.entries(), AuditEvent.SYSTEM);
            recordChange(c, "allowlist-seeded");
            audit.append(c, AuditEvent.bySystem(clock.instant(), "allowlist.seeded", SUBJECT, null,
                    Map.of("seed", seedName, "source", source, "added", added)));
            return true;
        }, "allowlist-seeded");
    }

    public void delete(long id, Actor actor) {
        inTransaction(c -> {
            Map<String, String> removed;
            try (PreparedStatement s = c.prepareStatement("select appeal_id, expires_at from allowlist_entry"
                    + " where id = ? and expires_at is not null for update")) {
                s.setLong(1, id);
                try (ResultSet rows = s.executeQuery()) {
                    if (rows.next()) {
                        // An appeal's interim suspension ends with the appeal's decision or at its expiry; removed
                        // here, the appeal would still say the targets are suspended.
                        throw ProblemException.conflict("entry-of-appeal", "Entry " + id + " is the interim"
                                + " suspension of appeal " + rows.getLong(1) + " until " + Columns.instant(rows,
                                        "expires_at") + "; it ends when the appeal is decided or withdrawn, or then");
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "delete from allowlist_entry where id = ? returning type, value, reason")) {
                s.setLong(1, id);
                try (ResultSet rows = s.executeQuery()) {
                    if (!rows.next()) {
                        throw ProblemException.notFound("Allowlist entry", id);
                    }
                    removed = Map.of("type", rows.getString(1), "value", rows.getString(2), "reason", rows.getString(3));
                }
            }
            recordChange(c, "allowlist-removed");
            audit.append(c, AuditEvent.by(actor, clock.instant(), "allowlist.removed", SUBJECT, id,
                    Map.of("before", removed)));
            return null;
        }, "allowlist-removed");
    }

    /**
     * Protects {@code entries} until {@code until} for appeal {@code appeal} (its interim suspension), inside the
     * caller's transaction: entries the allowlist already holds are left as they are. The change recorded for the
     * compiler names the appeal; the caller wakes the compiler once committed ({@link #wakeCompiler}). Returns the
     * entries added.
     */
    public List<AllowEntry> suspendForAppeal(Connection c, long appeal, List<AllowEntry> entries, Instant until,
            Actor actor) throws SQLException {
        List<AllowEntry> added = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("insert into allowlist_entry (type, value, reason, source,"
                + " created_by, created_at, expires_at, appeal_id) values (?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (type, value) do nothing")) {
            for (AllowEntry entry : entries) {
                bindEntry(s, entry, actor);
                s.setTimestamp(7, Timestamp.from(until));
                s.setLong(8, appeal);
                if (s.executeUpdate() == 1) {
                    added.add(entry);
                }
            }
        }
        if (!added.isEmpty()) {
            ChangeLog.record(c, null, "appeal-suspended:" + appealName(appeal), clock.instant());
            audit.append(c, AuditEvent.by(actor, clock.instant(), "allowlist.suspended", SUBJECT, null, Map.of(
                    "appeal", appeal, "until", until.toString(), "entries", describe(added))));
        }
        return added;
    }

    /**
     * Protects {@code entries} for good, as the outcome of appeal {@code appeal}, inside the caller's transaction: the
     * appeal's own time-limited entry for the same value becomes permanent, other existing entries stay as they are.
     * Returns the entries added or made permanent.
     */
    public List<AllowEntry> liftForAppeal(Connection c, long appeal, List<AllowEntry> entries, Actor actor)
            throws SQLException {
        List<AllowEntry> lifted = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("insert into allowlist_entry (type, value, reason, source,"
                + " created_by, created_at, appeal_id) values (?, ?, ?, ?, ?, ?, ?) on conflict (type, value) do update"
                + " set expires_at = null, reason = excluded.reason, created_by = excluded.created_by,"
                + " created_at = excluded.created_at where allowlist_entry.appeal_id = excluded.appeal_id"
                + " and allowlist_entry.expires_at is not null")) {
            for (AllowEntry entry : entries) {
                bindEntry(s, entry, actor);
                s.setLong(7, appeal);
                if (s.executeUpdate() == 1) {
                    lifted.add(entry);
                }
            }
        }
        if (!lifted.isEmpty()) {
            ChangeLog.record(c, null, "appeal-lifted:" + appealName(appeal), clock.instant());
            audit.append(c, AuditEvent.by(actor, clock.instant(), "allowlist.lifted", SUBJECT, null, Map.of(
                    "appeal", appeal, "entries", describe(lifted))));
        }
        return lifted;
    }

    /** The first six parameters of an insert of an entry: type, value, reason, source, who and when. */
    private void bindEntry(PreparedStatement s, AllowEntry entry, Actor actor) throws SQLException {
        s.setString(1, entry.type().name());
        s.setString(2, entry.value());
        s.setString(3, entry.reason());
        s.setString(4, entry.source());
        s.setString(5, actor.subject());
        s.setTimestamp(6, Timestamp.from(clock.instant()));
    }

    /**
     * Ends the interim suspension of appeal {@code appeal} for the values listed ({@code TYPE value}), inside the
     * caller's transaction: its time-limited entries for them are removed. {@code actor} is null when the suspension
     * lapses with a step nobody signed in for (the appellant's withdrawal). Returns how many were removed.
     */
    public int lapseForAppeal(Connection c, long appeal, List<String> values, Actor actor) throws SQLException {
        int removed;
        try (PreparedStatement s = c.prepareStatement("delete from allowlist_entry where appeal_id = ?"
                + " and expires_at is not null and type || ' ' || value = any(?)")) {
            s.setLong(1, appeal);
            s.setArray(2, c.createArrayOf("text", values.toArray()));
            removed = s.executeUpdate();
        }
        if (removed > 0) {
            ChangeLog.record(c, null, "appeal-lapsed:" + appealName(appeal), clock.instant());
            Map<String, Object> summary = Map.of("appeal", appeal, "entries", values);
            audit.append(c, actor == null ? AuditEvent.bySystem(clock.instant(), "allowlist.lapsed", SUBJECT, null,
                    summary) : AuditEvent.by(actor, clock.instant(), "allowlist.lapsed", SUBJECT, null, summary));
        }
        return removed;
    }

    /** Removes the time-limited entries whose time is up: they stop protecting anything with the next version. */
    @Scheduled(every = "${interdict.lifecycle.check-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() {
        Instant now = clock.instant();
        List<Long> appeals = Transactions.inTransaction(dataSource, c -> {
            List<Long> lapsed = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("delete from allowlist_entry where expires_at <= ?"
                    + " returning appeal_id, type, value")) {
                s.setTimestamp(1, Timestamp.from(now));
                Map<Long, List<String>> byAppeal = new java.util.TreeMap<>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        byAppeal.computeIfAbsent(rows.getLong(1), a -> new ArrayList<>())
                                .add(rows.getString(2) + " " + rows.getString(3));
                    }
                }
                for (Map.Entry<Long, List<String>> expired : byAppeal.entrySet()) {
                    ChangeLog.record(c, null, "appeal-expired:" + appealName(expired.getKey()), now);
                    audit.append(c, AuditEvent.bySystem(now, "allowlist.expired", SUBJECT, null, Map.of(
                            "appeal", expired.getKey(), "entries", expired.getValue())));
                    lapsed.add(expired.getKey());
                }
            }
            return lapsed;
        });
        if (!appeals.isEmpty()) {
            wakeCompiler("appeal-expired");
        }
    }

    /** Wakes the compiler for changes recorded in a transaction of another feature, once it committed. */
    public void wakeCompiler(String change) {
        changes.fire(new RulesetChange(null, change));
    }

    /** How versions name an appeal in their change reasons. */
    public static String appealName(long appeal) {
        return "appeal " + appeal;
    }

    private static List<String> describe(List<AllowEntry> entries) {
        return entries.stream().limit(AUDITED_VALUES).map(e -> e.type().name() + " " + e.value()).toList();
    }

    public Page<AllowEntryView> list(AllowType type, String text, Long after, int limit) {
        StringBuilder sql = new StringBuilder("select id, type, value, reason, source, created_by, created_at,"
                + " expires_at, appeal_id from allowlist_entry where id > ?");
        List<Object> params = new ArrayList<>(List.of(after == null ? 0L : after));
        if (type != null) {
            sql.append(" and type = ?");
            params.add(type.name());
        }
        if (text != null) {
            sql.append(" and (value like ? or lower(reason) like ?)");
            String like = "%" + text.toLowerCase(java.util.Locale.ROOT) + "%";
            params.add(like);
            params.add(like);
        }
        sql.append(" order by id limit ?");
        params.add(limit + 1);
        List<AllowEntryView> rows = query(sql.toString(), params.toArray());
        boolean more = rows.size() > limit;
        List<AllowEntryView> page = more ? rows.subList(0, limit) : rows;
        return new Page<>(page, more ? Cursors.encode(page.get(page.size() - 1).id()) : null);
    }

    private void refuseUnlessSkipping(List<Violation> invalid, int received, boolean skipInvalid) {
        if (!invalid.isEmpty() && !skipInvalid) {
            int cap = config.targetImport().maxReportedErrors();
            throw new ProblemException(ErrorCategory.INVALID, "invalid-entries", "Invalid allowlist entries",
                    invalid.size() + " of " + received + " entries are invalid; nothing was added",
                    invalid.size() <= cap ? invalid : invalid.subList(0, cap), invalid.size());
        }
    }

    private int insert(List<AllowEntry> entries, Actor actor, String change) {
        return inTransaction(c -> {
            int added = insertEntries(c, entries, actor.subject());
            if (added > 0) {
                recordChange(c, change);
                audit.append(c, AuditEvent.by(actor, clock.instant(), change.replace("allowlist-", "allowlist."),
                        SUBJECT, entries.size() == 1 ? entries.get(0).value() : null, Map.of("received",
                                entries.size(), "added", added, "sample", entries.stream().limit(AUDITED_VALUES)
                                        .map(e -> e.type().name() + " " + e.value()).toList())));
            }
            return added;
        }, change);
    }

    private int insertEntries(Connection c, List<AllowEntry> entries, String actor) throws SQLException {
        if (entries.isEmpty()) {
            return 0;
        }
        try (PreparedStatement s = c.prepareStatement("insert into allowlist_entry"
                + " (type, value, reason, source, created_by, created_at) select * from unnest(?::text[], ?::text[],"
                + " ?::text[], ?::text[]) as e(type, value, reason, source), (select ?::text, ?::timestamptz) as w"
                + " on conflict (type, value) do nothing")) {
            s.setArray(1, c.createArrayOf("text", entries.stream().map(e -> e.type().name()).toArray()));
            s.setArray(2, c.createArrayOf("text", entries.stream().map(AllowEntry::value).toArray()));
            s.setArray(3, c.createArrayOf("text", entries.stream().map(AllowEntry::reason).toArray()));
            s.setArray(4, c.createArrayOf("text", entries.stream().map(AllowEntry::source).toArray()));
            s.setString(5, actor);
            s.setTimestamp(6, Timestamp.from(clock.instant()));
            return s.executeUpdate();
        }
    }

    private void recordChange(Connection c, String change) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into ruleset_change (directive_id, change, created_at) values (null, ?, ?)")) {
            s.setString(1, change);
            s.setTimestamp(2, Timestamp.from(clock.instant()));
            s.executeUpdate();
        }
    }

    private AllowEntryView find(AllowType type, String value) {
        return query("select id, type, value, reason, source, created_by, created_at, expires_at, appeal_id"
                + " from allowlist_entry where type = ? and value = ?", type.name(), value).get(0);
    }

    private List<AllowEntryView> query(String sql, Object... params) {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                List<AllowEntryView> views = new ArrayList<>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        views.add(new AllowEntryView(rows.getLong(1), AllowType.valueOf(rows.getString(2)),
                                rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                                rows.getTimestamp(7).toInstant(), Columns.instant(rows, "expires_at"),
                                Columns.longOrNull(rows, "appeal_id")));
                    }
                }
                return views;
            }
        });
    }

    /** Runs {@code work} in one transaction and, once committed, wakes the compiler. */
    private <T> T inTransaction(Transactions.Work<T> work, String change) {
        T result = Transactions.inTransaction(dataSource, work);
        changes.fire(new RulesetChange(null, change));
        return result;
    }
}
