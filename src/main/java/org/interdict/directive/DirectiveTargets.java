package org.interdict.directive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.config.InterdictConfig;
import org.interdict.directive.dto.TargetImportResult;
import org.interdict.directive.dto.TargetInput;
import org.interdict.directive.dto.TargetView;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.persistence.Columns;
import org.interdict.persistence.Transactions;
import org.interdict.security.Actor;
import org.interdict.target.GuardFinding;
import org.interdict.target.Guards;
import org.interdict.target.ParseResult;
import org.interdict.target.TargetParser;
import org.interdict.target.TargetType;

/**
 * The targets of directives. A bulk import is one statement that inserts a whole batch through {@code unnest}, so
 * 100,000 lines cost one round trip, not 100,000 row writes.
 */
@ApplicationScoped
public class DirectiveTargets {

    private static final TypeReference<List<GuardFinding>> FINDINGS = new TypeReference<>() {};

    private final AgroalDataSource dataSource;
    private final TargetParser parser;
    private final Guards guards;
    private final InterdictConfig config;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public DirectiveTargets(AgroalDataSource dataSource, TargetParser parser, Guards guards, InterdictConfig config,
            AuditLog audit, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.parser = parser;
        this.guards = guards;
        this.config = config;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public TargetImportResult importText(long directiveId, String body, boolean skipInvalid, Actor actor) {
        requireLines(body.chars().filter(c -> c == '\n').count() + 1);
        return store(directiveId, TargetImport.ofText(body, parser, guards), skipInvalid, actor);
    }

    /** A line of a text import that overrides the guards it trips with {@code justification}, as importText reads it. */
    public static String justified(String line, String justification) {
        return TargetImport.justified(line, justification);
    }

    public TargetImportResult importJson(long directiveId, List<TargetInput> items, boolean skipInvalid, Actor actor) {
        requireLines(items.size());
        return store(directiveId, TargetImport.ofJson(items, parser, guards), skipInvalid, actor);
    }

    private void requireLines(long lines) {
        int max = config.targetImport().maxLines();
        if (lines > max) {
            throw new ProblemException(ErrorCategory.TOO_LARGE, "too-many-targets", "Too many targets",
                    "A request may carry at most " + max + " targets; split the list");
        }
    }

    private TargetImportResult store(long directiveId, TargetImport.Outcome outcome, boolean skipInvalid,
            Actor actor) {
        int cap = config.targetImport().maxReportedErrors();
        if (!outcome.invalid().isEmpty() && !skipInvalid) {
            int total = outcome.invalid().size();
            throw new ProblemException(ErrorCategory.INVALID, "invalid-targets", "Invalid targets",
                    total + " of " + outcome.received() + " targets are invalid; nothing was imported"
                            + " (fix them, or repeat with skipInvalid=true to import the rest)",
                    cap(outcome.invalid(), cap), total);
        }
        List<TargetImport.Accepted> accepted = outcome.accepted();
        int n = accepted.size();
        String[] types = new String[n];
        String[] values = new String[n];
        String[] inputs = new String[n];
        String[] findings = new String[n];
        String[] justifications = new String[n];
        int flagged = 0;
        for (int i = 0; i < n; i++) {
            TargetImport.Accepted a = accepted.get(i);
            types[i] = a.target().type().name();
            values[i] = a.target().value();
            inputs[i] = a.input();
            findings[i] = toJson(a.findings());
            justifications[i] = a.justification();
            if (!a.findings().isEmpty()) {
                flagged++;
            }
        }
        int flaggedCount = flagged;
        Instant now = clock.instant();
        int inserted = Transactions.inTransaction(dataSource, c -> {
            lockDraft(c, directiveId, actor);
            int added = 0;
            if (n > 0) {
                try (PreparedStatement s = c.prepareStatement("insert into directive_target"
                        + " (directive_id, type, value, input, guards, justification, created_at)"
                        + " select ?, t.type, t.value, t.input, t.guards::jsonb, t.justification, ?"
                        + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                        + " as t(type, value, input, guards, justification)"
                        + " on conflict (directive_id, type, target_value_digest(value)) do nothing")) {
                    s.setLong(1, directiveId);
                    Columns.set(s, 2, now);
                    s.setArray(3, c.createArrayOf("text", types));
                    s.setArray(4, c.createArrayOf("text", values));
                    s.setArray(5, c.createArrayOf("text", inputs));
                    s.setArray(6, c.createArrayOf("text", findings));
                    s.setArray(7, c.createArrayOf("text", justifications));
                    added = s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "update directive set updated_at = ? where id = ?")) {
                Columns.set(s, 1, now);
                s.setLong(2, directiveId);
                s.executeUpdate();
            }
            audit.append(c, AuditEvent.by(actor, now, "directive.targets-imported", DirectiveAudit.SUBJECT,
                    directiveId, Map.of("received", outcome.received(), "added", added, "flagged", flaggedCount)));
            return added;
        });
        return new TargetImportResult(outcome.received(), inserted, n - inserted, flaggedCount,
                cap(outcome.duplicates(), cap), outcome.duplicates().size(),
                cap(outcome.invalid(), cap), outcome.invalid().size());
    }

    public Page<TargetView> list(long directiveId, TargetType type, Boolean flagged, Long afterId, int limit) {
        StringBuilder sql = new StringBuilder("select id, type, value, input, guards::text as guards, justification,"
                + " confirmed_by, confirmed_at, created_at from directive_target where directive_id = ? and id > ?");
        if (type != null) {
            sql.append(" and type = ?");
        }
        if (flagged != null) {
            sql.append(flagged ? " and jsonb_array_length(guards) > 0" : " and jsonb_array_length(guards) = 0");
        }
        sql.append(" order by id limit ?");
        List<TargetView> items = Transactions.read(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int i = 0;
                s.setLong(++i, directiveId);
                s.setLong(++i, afterId == null ? 0L : afterId);
                if (type != null) {
                    s.setString(++i, type.name());
                }
                s.setInt(++i, limit + 1);
                List<TargetView> found = new ArrayList<>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        found.add(toView(rows));
                    }
                }
                return found;
            }
        });
        boolean more = items.size() > limit;
        List<TargetView> page = more ? items.subList(0, limit) : items;
        return new Page<>(page, more ? Cursors.encode(page.get(page.size() - 1).id()) : null);
    }

    public void delete(long directiveId, long targetId, Actor actor) {
        Transactions.inTransaction(dataSource, c -> {
            lockDraft(c, directiveId, actor);
            try (PreparedStatement s = c.prepareStatement(
                    "delete from directive_target where directive_id = ? and id = ? returning type, value")) {
                s.setLong(1, directiveId);
                s.setLong(2, targetId);
                try (ResultSet rows = s.executeQuery()) {
                    if (!rows.next()) {
                        throw ProblemException.notFound("Target", targetId + " of directive " + directiveId);
                    }
                    audit.append(c, AuditEvent.by(actor, clock.instant(), "directive.target-removed",
                            DirectiveAudit.SUBJECT, directiveId, Map.of("target", targetId, "type",
                                    rows.getString("type"), "value", rows.getString("value"))));
                }
            }
            return null;
        });
    }

    /** How many targets each of {@code directiveIds} holds; a directive without targets is absent. */
    public Map<Long, Integer> counts(List<Long> directiveIds) {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("select directive_id, count(*) from directive_target"
                    + " where directive_id = any(?) group by directive_id")) {
                s.setArray(1, c.createArrayOf("bigint", directiveIds.toArray(Long[]::new)));
                Map<Long, Integer> counts = new HashMap<>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getLong(1), rows.getInt(2));
                    }
                }
                return counts;
            }
        });
    }

    /** Ids of the directives holding {@code text} once normalised; a value that is no target holds none. */
    public List<Long> directivesHolding(String text) {
        ParseResult parsed = parser.parseLine(text);
        if (!(parsed instanceof ParseResult.Valid valid)) {
            return List.of();
        }
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select distinct directive_id from directive_target where value = ? and type = ?")) {
                s.setString(1, valid.target().value());
                s.setString(2, valid.target().type().name());
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    /** Serialises changes to one directive's targets and refuses them unless it is a draft. */
    private static void lockDraft(Connection c, long directiveId, Actor actor) throws SQLException {
        Directive d = DirectiveService.lockOwn(c, directiveId, actor, "change the targets of");
        if (d.status != DirectiveStatus.DRAFT) {
            throw ProblemException.conflict("invalid-state", "Directive " + directiveId + " is " + d.status
                    + "; targets change only while it is a DRAFT (submit a new directive instead)");
        }
    }

    private TargetView toView(ResultSet row) throws SQLException {
        List<TargetView.Guard> guardViews = readFindings(row.getString("guards")).stream()
                .map(f -> new TargetView.Guard(f.code(), f.message()))
                .toList();
        return new TargetView(row.getLong("id"), TargetType.valueOf(row.getString("type")), row.getString("value"),
                row.getString("input"), guardViews.isEmpty() ? null : guardViews, row.getString("justification"),
                row.getString("confirmed_by"), Columns.instant(row, "confirmed_at"), Columns.instant(row, "created_at"));
    }

    private List<GuardFinding> readFindings(String text) {
        try {
            return json.readValue(text, FINDINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored guard findings are not JSON: " + text, e);
        }
    }

    private String toJson(List<GuardFinding> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> cap(List<T> list, int max) {
        return list.size() <= max ? list : List.copyOf(list.subList(0, max));
    }
}
