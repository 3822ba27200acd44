package org.interdict.directive;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interdict.audit.AuditLog;
import org.interdict.directive.dto.AudienceInput;
import org.interdict.directive.dto.DirectiveCreate;
import org.interdict.directive.dto.DirectivePatch;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.directive.dto.TakedownInput;
import org.interdict.error.ProblemException;
import org.interdict.hash.Sha256;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.persistence.Columns;
import org.interdict.persistence.Registries;
import org.interdict.persistence.Transactions;
import org.interdict.ruleset.HeldVersions;
import org.interdict.security.Actor;
import org.interdict.security.IspVisibility;

/** Drafting, editing, reading and listing directives. The lifecycle steps live in {@link DirectiveLifecycle}. */
@ApplicationScoped
public class DirectiveService {

    /** What an ISP engineer may see of the directives addressed to the ISP: those approved, and revoked ones. */
    private static final Set<DirectiveStatus> VISIBLE_TO_ISPS = EnumSet.of(DirectiveStatus.SCHEDULED,
            DirectiveStatus.ACTIVE, DirectiveStatus.EXPIRED, DirectiveStatus.REVOKED);

    /** Arbitrary, fixed: the first key of the advisory locks that serialise requests with one idempotency key. */
    private static final int IDEMPOTENCY_LOCK_SPACE = 0x1d3e;

    private final AgroalDataSource dataSource;
    private final HeldVersions held;
    private final AuditLog audit;
    private final Clock clock;

    public DirectiveService(AgroalDataSource dataSource, HeldVersions held, AuditLog audit,
            Clock clock) {
        this.dataSource = dataSource;
        this.held = held;
        this.audit = audit;
        this.clock = clock;
    }

    /** The view, and whether it replays an earlier request with the same idempotency key. */
    public record Created(DirectiveView directive, boolean replayed) {}

    /**
     * Drafts a directive. With an idempotency key, a retry returns the directive made the first time; while the
     * first request with a key is still being written, another one with the same key is a 409 (it cannot know yet
     * whether it is a retry), never a second directive.
     */
    public Created create(DirectiveCreate request, Actor actor, String idempotencyKey) {
        DirectiveValidation.check(request.kind(), request.audience(), request.effectiveFrom(), request.expiresAt(),
                request.takedown());
        return Transactions.inTransaction(dataSource, c -> {
            if (idempotencyKey == null || idempotencyKey.isBlank()) {
                return new Created(view(c, insert(c, request, actor)), false);
            }
            String keyId = actor.subject() + "\n" + idempotencyKey;
            String requestHash = Sha256.hex(request.toString());
            if (!tryLockKey(c, keyId)) {
                throw ProblemException.conflict("idempotency-key-in-use", "A request with Idempotency-Key '"
                        + idempotencyKey + "' is being processed; retry once it has answered");
            }
            Long replayed = replayedDirective(c, keyId, requestHash, idempotencyKey);
            if (replayed != null) {
                return new Created(view(c, DirectiveRepository.find(c, replayed)), true);
            }
            Directive d = insert(c, request, actor);
            try (PreparedStatement s = c.prepareStatement("insert into idempotency_key (id, request_hash,"
                    + " directive_id, created_at) values (?, ?, ?, ?)")) {
                s.setString(1, keyId);
                s.setString(2, requestHash);
                s.setLong(3, d.id);
                Columns.set(s, 4, d.createdAt);
                s.executeUpdate();
            }
            return new Created(view(c, d), false);
        });
    }

    private static boolean tryLockKey(Connection c, String keyId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_xact_lock(?, hashtext(?))")) {
            s.setInt(1, IDEMPOTENCY_LOCK_SPACE);
            s.setString(2, keyId);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static Long replayedDirective(Connection c, String keyId, String requestHash, String idempotencyKey)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select request_hash, directive_id from idempotency_key where id = ?")) {
            s.setString(1, keyId);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                if (!rows.getString(1).equals(requestHash)) {
                    throw ProblemException.conflict("idempotency-key-reused",
                            "Idempotency-Key '" + idempotencyKey + "' was used for a different request");
                }
                return rows.getLong(2);
            }
        }
    }

    private Directive insert(Connection c, DirectiveCreate request, Actor actor) throws SQLException {
        IssuingAuthority.ofActor(c, actor);
        checkReferences(c, request.audience(), request.supersedes());
        Instant now = clock.instant();
        Directive d = new Directive();
        d.legalReference = request.legalReference().strip();
        d.authorityId = actor.authority();
        d.title = request.title().strip();
        d.issuedOn = request.issuedOn();
        d.kind = request.kind();
        d.category = request.category();
        d.legalBasis = request.legalBasis();
        applyAudience(d, request.audience());
        d.effectiveFrom = request.effectiveFrom();
        d.expiresAt = request.expiresAt();
        if (request.takedown() != null) {
            d.takedownHost = request.takedown().host().strip();
            d.takedownDeadline = request.takedown().deadline();
        }
        d.supersedesId = request.supersedes();
        d.enforcementDeadlineMinutes = request.enforcementDeadlineMinutes();
        if (request.implementing() != null) {
            IssuingAuthority.requireRelayable(c, d, request.implementing());
            d.implementsId = request.implementing();
        }
        d.draftedBy(actor, now);
        DirectiveRepository.insert(c, d);
        audit.append(c, DirectiveAudit.event(actor, now, "created", d, DirectiveAudit.fields(d)));
        return d;
    }

    /** The directive, and for each ISP the caller may see, whether it waits behind a held rule set. */
    public DirectiveView get(long id, Actor actor) {
        return Transactions.read(dataSource, c -> viewWithHolds(c, visible(c, id, actor), actor));
    }

    /** Refuses, as not found, a directive the caller may not see; reads nothing else. */
    public void requireVisible(long id, Actor actor) {
        Transactions.read(dataSource, c -> visible(c, id, actor));
    }

    /**
     * The view of a directive in force with the ISPs whose held version it waits behind, so that nobody believes it
     * enforced while it is not; an ISP engineer sees their own ISP's only.
     */
    DirectiveView viewWithHolds(Connection c, Directive d, Actor actor) throws SQLException {
        List<HeldVersions.Held> waiting = held.waitingBehind(c, d.id).stream()
                .filter(h -> IspVisibility.canRead(actor, h.isp()))
                .toList();
        return DirectiveMapper.toView(d, clock.instant(), DirectiveReferences.of(c, d), implementedBy(c, d, actor),
                waiting);
    }

    /** The ids of the directives a list filter names by id or legal reference; null when it names none. */
    public List<Long> resolveReferences(String idOrReference) {
        return idOrReference == null ? null
                : Transactions.read(dataSource, c -> DirectiveRepository.idsByReference(c, idOrReference));
    }

    public Page<DirectiveView> list(DirectiveFilter filter, Actor actor) {
        DirectiveFilter scoped = IspVisibility.boundIsp(actor)
                .map(isp -> filter.visibleTo(isp, VISIBLE_TO_ISPS))
                .orElse(filter);
        Instant now = clock.instant();
        return Transactions.read(dataSource, c -> {
            List<Directive> rows = DirectiveRepository.page(c, scoped.withLimit(filter.limit() + 1), now);
            boolean more = rows.size() > filter.limit();
            List<Directive> items = more ? rows.subList(0, filter.limit()) : rows;
            DirectiveReferences references = DirectiveReferences.load(c, items);
            return new Page<>(items.stream().map(d -> DirectiveMapper.toView(d, now, references)).toList(),
                    more ? Cursors.encode(items.get(items.size() - 1).id) : null);
        });
    }

    /**
     * How many directives of the caller's own authority are in each status (absent: none); nothing for a caller
     * who works for no authority.
     */
    public Map<DirectiveStatus, Long> countsOfOwnAuthority(Actor actor) {
        if (actor.authority() == null) {
            return Map.of();
        }
        return Transactions.read(dataSource, c -> DirectiveRepository.countByStatus(c, actor.authority(),
                clock.instant()));
    }

    public DirectiveView patch(long id, DirectivePatch patch, Integer expectedVersion, Actor actor) {
        return Transactions.inTransaction(dataSource, c -> {
            Directive d = lockOwn(c, id, actor, "edit");
            var before = DirectiveAudit.fields(d);
            DirectiveValidation.requireStatus(d, DirectiveStatus.DRAFT, "edited");
            if (expectedVersion != null && expectedVersion != d.version) {
                throw ProblemException.conflict("stale-version", "Directive " + id + " is at version " + d.version
                        + ", not " + expectedVersion + "; reload it and apply the change again");
            }
            AudienceInput audience = patch.audience() != null ? patch.audience()
                    : new AudienceInput(d.allIsps, d.allIsps ? null : List.of(d.audience));
            Instant effectiveFrom = patch.effectiveFrom() != null ? patch.effectiveFrom() : d.effectiveFrom;
            Instant expiresAt = Boolean.TRUE.equals(patch.clearExpiry()) ? null
                    : patch.expiresAt() != null ? patch.expiresAt() : d.expiresAt;
            TakedownInput takedown = patch.takedown() != null ? patch.takedown()
                    : d.kind == DirectiveKind.TAKEDOWN ? new TakedownInput(d.takedownHost, d.takedownDeadline) : null;
            DirectiveValidation.check(d.kind, audience, effectiveFrom, expiresAt, takedown);
            checkReferences(c, audience, patch.supersedes());
            if (patch.legalReference() != null) {
                d.legalReference = patch.legalReference().strip();
            }
            if (patch.title() != null) {
                d.title = patch.title().strip();
            }
            if (patch.issuedOn() != null) {
                d.issuedOn = patch.issuedOn();
            }
            if (patch.category() != null) {
                d.category = patch.category();
            }
            if (patch.legalBasis() != null) {
                d.legalBasis = patch.legalBasis();
            }
            if (patch.supersedes() != null) {
                d.supersedesId = patch.supersedes();
            }
            if (Boolean.TRUE.equals(patch.clearImplements())) {
                d.implementsId = null;
            } else if (patch.implementing() != null) {
                IssuingAuthority.requireRelayable(c, d, patch.implementing());
                d.implementsId = patch.implementing();
            }
            if (patch.enforcementDeadlineMinutes() != null) {
                d.enforcementDeadlineMinutes = patch.enforcementDeadlineMinutes();
            }
            applyAudience(d, audience);
            d.effectiveFrom = effectiveFrom;
            d.expiresAt = expiresAt;
            if (takedown != null) {
                d.takedownHost = takedown.host().strip();
                d.takedownDeadline = takedown.deadline();
            }
            d.updatedAt = clock.instant();
            DirectiveRepository.update(c, d);
            audit.append(c, DirectiveAudit.event(actor, d.updatedAt, "edited", d,
                    DirectiveAudit.edit(before, DirectiveAudit.fields(d))));
            return view(c, d);
        });
    }

    /** Deletes a draft. Of several deletions at once, one deletes it; the others wait for it and find nothing. */
    public void delete(long id, Actor actor) {
        Transactions.inTransaction(dataSource, c -> {
            Directive d = lockOwn(c, id, actor, "delete");
            DirectiveValidation.requireStatus(d, DirectiveStatus.DRAFT, "deleted");
            DirectiveRepository.delete(c, id);
            audit.append(c, DirectiveAudit.event(actor, clock.instant(), "deleted", d, DirectiveAudit.fields(d)));
            return null;
        });
    }

    /**
     * The directive with its row locked for the rest of the transaction, refused unless the caller works for the
     * authority that issued it ({@code action} words the refusal).
     */
    static Directive lockOwn(Connection c, long id, Actor actor, String action) throws SQLException {
        Directive d = lock(c, id);
        IssuingAuthority.requireOwn(d, actor, action);
        return d;
    }

    /** The directive with its row locked for the rest of the transaction. */
    static Directive lock(Connection c, long id) throws SQLException {
        Directive d = DirectiveRepository.lock(c, id);
        if (d == null) {
            throw ProblemException.notFound("Directive", id);
        }
        return d;
    }

    /** ISP engineers see only approved directives addressed to their ISP (and revoked ones); others see everything. */
    static Directive visible(Connection c, long id, Actor actor) throws SQLException {
        Directive d = DirectiveRepository.find(c, id);
        if (d == null || !visibleTo(d, actor)) {
            throw ProblemException.notFound("Directive", id);
        }
        return d;
    }

    /** The directives that relay this one, as far as the caller may see them. */
    private static List<DirectiveView.Link> implementedBy(Connection c, Directive d, Actor actor) throws SQLException {
        List<Directive> relays = DirectiveRepository.implementing(c, d.id).stream()
                .filter(r -> visibleTo(r, actor))
                .toList();
        DirectiveReferences references = DirectiveReferences.load(c, relays);
        return relays.stream().map(r -> new DirectiveView.Link(r.id, r.legalReference, references.authorityOf(r)))
                .toList();
    }

    static boolean visibleTo(Directive d, Actor actor) {
        return IspVisibility.boundIsp(actor)
                .map(isp -> (d.allIsps || List.of(d.audience).contains(isp)) && VISIBLE_TO_ISPS.contains(d.status))
                .orElse(true);
    }

    private void checkReferences(Connection c, AudienceInput audience, Long supersedes) throws SQLException {
        List<String> listed = audience.isps() == null ? List.of() : audience.isps();
        Registries.ISP.requireRegistered(c, listed, "audience.isps");
        if (supersedes != null && !DirectiveRepository.exists(c, supersedes)) {
            throw ProblemException.invalid("supersedes", "unknown-directive",
                    "directive " + supersedes + " does not exist");
        }
    }

    private static void applyAudience(Directive d, AudienceInput audience) {
        d.allIsps = Boolean.TRUE.equals(audience.allIsps());
        d.audience = d.allIsps ? new String[0]
                : audience.isps().stream().map(String::strip).distinct().sorted().toArray(String[]::new);
    }

    DirectiveView view(Connection c, Directive d) throws SQLException {
        return DirectiveMapper.toView(d, clock.instant(), DirectiveReferences.of(c, d));
    }
}
