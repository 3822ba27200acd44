package org.interdict.directive;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.config.InterdictConfig;
import org.interdict.directive.dto.TargetImportResult;
import org.interdict.directive.dto.TargetInput;
import org.interdict.directive.dto.TargetView;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.error.Violation;
import org.interdict.paging.Page;
import org.interdict.paging.Cursors;
import org.interdict.security.Actor;
import org.interdict.target.GuardFinding;
import org.interdict.target.Guards;
import org.interdict.target.ParseResult;
import org.interdict.target.TargetParser;
import org.interdict.target.TargetType;

/**
 * The targets of directives. Bulk imports bypass the ORM: one statement inserts a whole batch through
 * {@code unnest}, so 100,000 lines cost one round trip, not 100,000 entity writes.
 */
@ApplicationScoped
public class DirectiveTargets {

    private final Pool pool;
    private final TargetParser parser;
    private final Guards guards;
    private final InterdictConfig config;
    private final AuditLog audit;
    private final Clock clock;

    public DirectiveTargets(Pool pool, TargetParser parser, Guards guards, InterdictConfig config, AuditLog audit,
            Clock clock) {
        this.pool = pool;
        this.parser = parser;
        this.guards = guards;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<TargetImportResult> importText(long directiveId, String body, boolean skipInvalid, Actor actor) {
        requireLines(body.chars().filter(c -> c == '\n').count() + 1);
        return parseOffLoop(() -> TargetImport.ofText(body, parser, guards))
                .flatMap(outcome -> store(directiveId, outcome, skipInvalid, actor));
    }

    public Uni<TargetImportResult> importJson(long directiveId, List<TargetInput> items, boolean skipInvalid,
            Actor actor) {
        requireLines(items.size());
        return parseOffLoop(() -> TargetImport.ofJson(items, parser, guards))
                .flatMap(outcome -> store(directiveId, outcome, skipInvalid, actor));
    }

    /** Parsing a large batch is CPU work: keep it off the event loop. */
    private static Uni<TargetImport.Outcome> parseOffLoop(java.util.function.Supplier<TargetImport.Outcome> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private void requireLines(long lines) {
        int max = config.targetImport().maxLines();
        if (lines > max) {
            throw new ProblemException(ErrorCategory.TOO_LARGE, "too-many-targets", "Too many targets",
                    "A request may carry at most " + max + " targets; split the list");
        }
    }

    private Uni<TargetImportResult> store(long directiveId, TargetImport.Outcome outcome, boolean skipInvalid,
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
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return pool.withTransaction(conn -> lockDraft(conn, directiveId)
                .flatMap(ignored -> n == 0 ? Uni.createFrom().item(0) : conn.preparedQuery(
                        "insert into directive_target"
                                + " (directive_id, type, value, input, guards, justification, created_at)"
                                + " select $1, t.type, t.value, t.input, t.guards::jsonb, t.justification, $2"
                                + " from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[])"
                                + " as t(type, value, input, guards, justification)"
                                + " on conflict (directive_id, type, target_value_digest(value)) do nothing")
                        .execute(Tuple.from(List.of(directiveId, now, types, values, inputs, findings,
                                justifications)))
                        .map(rows -> rows.rowCount()))
                .call(inserted -> conn.preparedQuery("update directive set updated_at = $2 where id = $1")
                        .execute(Tuple.of(directiveId, now)))
                .call(inserted -> audit.append(conn, AuditEvent.by(actor, now.toInstant(), "directive.targets-imported",
                        DirectiveAudit.SUBJECT, directiveId, Map.of("received", outcome.received(), "added", inserted,
                                "flagged", flaggedCount)))))
                .map(inserted -> new TargetImportResult(outcome.received(), inserted, n - inserted, flaggedCount,
                        cap(outcome.duplicates(), cap), outcome.duplicates().size(),
                        cap(outcome.invalid(), cap), outcome.invalid().size()));
    }

    public Uni<Page<TargetView>> list(long directiveId, TargetType type, Boolean flagged, Long afterId, int limit) {
        StringBuilder sql = new StringBuilder("select id, type, value, input, guards::text as guards, justification,"
                + " confirmed_by, confirmed_at, created_at from directive_target where directive_id = $1"
                + " and id > $2");
        List<Object> params = new ArrayList<>(List.of(directiveId, afterId == null ? 0L : afterId));
        if (type != null) {
            params.add(type.name());
            sql.append(" and type = $").append(params.size());
        }
        if (flagged != null) {
            sql.append(flagged ? " and jsonb_array_length(guards) > 0" : " and jsonb_array_length(guards) = 0");
        }
        params.add(limit + 1);
        sql.append(" order by id limit $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(rows -> {
            List<TargetView> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(toView(row));
            }
            boolean more = items.size() > limit;
            List<TargetView> page = more ? items.subList(0, limit) : items;
            return new Page<>(page, more ? Cursors.encode(page.get(page.size() - 1).id()) : null);
        });
    }

    public Uni<Void> delete(long directiveId, long targetId, Actor actor) {
        return pool.withTransaction(conn -> lockDraft(conn, directiveId)
                .flatMap(ignored -> conn.preparedQuery("delete from directive_target where directive_id = $1 and id = $2"
                                + " returning type, value")
                        .execute(Tuple.of(directiveId, targetId)))
                .flatMap(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("Target", targetId + " of directive " + directiveId);
                    }
                    Row removed = rows.iterator().next();
                    return audit.append(conn, AuditEvent.by(actor, clock.instant(), "directive.target-removed",
                            DirectiveAudit.SUBJECT, directiveId, Map.of("target", targetId, "type",
                                    removed.getString("type"), "value", removed.getString("value"))));
                }));
    }

    /** Ids of the directives holding {@code text} once normalised; a value that is no target holds none. */
    public Uni<List<Long>> directivesHolding(String text) {
        ParseResult parsed = parser.parseLine(text);
        if (!(parsed instanceof ParseResult.Valid valid)) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("select distinct directive_id from directive_target where value = $1 and type = $2")
                .execute(Tuple.of(valid.target().value(), valid.target().type().name()))
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getLong(0)));
                    return ids;
                });
    }

    /** Serialises changes to one directive's targets and refuses them unless it is a draft. */
    private static Uni<Void> lockDraft(SqlConnection conn, long directiveId) {
        return conn.preparedQuery("select status from directive where id = $1 for update")
                .execute(Tuple.of(directiveId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Directive", directiveId);
                    }
                    String status = rows.iterator().next().getString(0);
                    if (!DirectiveStatus.DRAFT.name().equals(status)) {
                        throw ProblemException.conflict("invalid-state", "Directive " + directiveId + " is " + status
                                + "; targets change only while it is a DRAFT (submit a new directive instead)");
                    }
                    return null;
                });
    }

    private static TargetView toView(Row row) {
        JsonArray findings = new JsonArray(row.getString("guards"));
        List<TargetView.Guard> guardViews = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            JsonObject f = findings.getJsonObject(i);
            guardViews.add(new TargetView.Guard(f.getString("code"), f.getString("message")));
        }
        Function<String, Instant> instant = column -> {
            OffsetDateTime value = row.getOffsetDateTime(column);
            return value == null ? null : value.toInstant();
        };
        return new TargetView(row.getLong("id"), TargetType.valueOf(row.getString("type")), row.getString("value"),
                row.getString("input"), guardViews.isEmpty() ? null : guardViews, row.getString("justification"),
                row.getString("confirmed_by"), instant.apply("confirmed_at"), instant.apply("created_at"));
    }

    private static String toJson(List<GuardFinding> findings) {
        JsonArray array = new JsonArray();
        findings.forEach(f -> array.add(new JsonObject().put("code", f.code()).put("message", f.message())));
        return array.encode();
    }

    private static <T> List<T> cap(List<T> list, int max) {
        return list.size() <= max ? list : List.copyOf(list.subList(0, max));
    }
}
