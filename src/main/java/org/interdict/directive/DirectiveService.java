package org.interdict.directive;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.interdict.audit.AuditLog;
import org.interdict.directive.dto.AudienceInput;
import org.interdict.directive.dto.DirectiveCreate;
import org.interdict.directive.dto.DirectivePatch;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.error.ProblemException;
import org.interdict.isp.IspService;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.security.Actor;
import org.interdict.security.Roles;

/** Drafting, editing, reading and listing directives. The lifecycle steps live in {@link DirectiveLifecycle}. */
@ApplicationScoped
public class DirectiveService {

    private final DirectiveRepository repository;
    private final IspService isps;
    private final AuditLog audit;
    private final Clock clock;

    public DirectiveService(DirectiveRepository repository, IspService isps, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.isps = isps;
        this.audit = audit;
        this.clock = clock;
    }

    /** The view, and whether it replays an earlier request with the same idempotency key. */
    public record Created(DirectiveView directive, boolean replayed) {}

    @WithTransaction
    public Uni<Created> create(DirectiveCreate request, Actor actor, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return insert(request, actor).map(d -> new Created(view(d), false));
        }
        String keyId = IdempotencyKey.idOf(actor.subject(), idempotencyKey);
        String hash = hash(request.toString());
        return IdempotencyKey.<IdempotencyKey>findById(keyId).flatMap(existing -> {
            if (existing != null) {
                if (!existing.requestHash.equals(hash)) {
                    throw ProblemException.conflict("idempotency-key-reused",
                            "Idempotency-Key '" + idempotencyKey + "' was used for a different request");
                }
                return repository.findById(existing.directiveId).map(d -> new Created(view(d), true));
            }
            return insert(request, actor).flatMap(d -> {
                IdempotencyKey key = new IdempotencyKey();
                key.id = keyId;
                key.requestHash = hash;
                key.directiveId = d.id;
                key.createdAt = d.createdAt;
                return key.persist().map(ignored -> new Created(view(d), false));
            });
        });
    }

    private Uni<Directive> insert(DirectiveCreate request, Actor actor) {
        DirectiveValidation.check(request.kind(), request.audience(), request.effectiveFrom(), request.expiresAt(),
                request.takedown());
        return checkReferences(request.audience(), request.supersedes()).flatMap(ignored -> {
            Instant now = clock.instant();
            Directive d = new Directive();
            d.legalReference = request.legalReference().strip();
            d.title = request.title().strip();
            d.authority = request.authority().strip();
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
            d.status = DirectiveStatus.DRAFT;
            d.createdBy = actor.subject();
            d.createdByName = actor.name();
            d.createdAt = now;
            d.updatedAt = now;
            return repository.persist(d).call(saved -> audit.append(
                    DirectiveAudit.event(actor, now, "created", saved, DirectiveAudit.fields(saved))));
        });
    }

    @WithSession
    public Uni<DirectiveView> get(long id, Actor actor) {
        return visible(id, actor).map(this::view);
    }

    @WithSession
    public Uni<Page<DirectiveView>> list(DirectiveFilter filter, Actor actor) {
        DirectiveFilter scoped = scopeFor(filter, actor);
        DirectiveFilter probe = new DirectiveFilter(scoped.status(), scoped.kind(), scoped.category(),
                scoped.authority(), scoped.isp(), scoped.text(), scoped.directiveIds(), scoped.afterId(),
                scoped.limit() + 1);
        Instant now = clock.instant();
        return repository.page(probe, now).map(rows -> {
            boolean more = rows.size() > filter.limit();
            List<Directive> items = more ? rows.subList(0, filter.limit()) : rows;
            List<DirectiveView> views = items.stream()
                    .filter(d -> visibleTo(d, actor))
                    .map(d -> DirectiveMapper.toView(d, now))
                    .toList();
            return new Page<>(views, more ? Cursors.encode(items.get(items.size() - 1).id) : null);
        });
    }

    @WithTransaction
    public Uni<DirectiveView> patch(long id, DirectivePatch patch, Integer expectedVersion, Actor actor) {
        return find(id).flatMap(d -> {
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
            var takedown = patch.takedown() != null ? patch.takedown()
                    : d.kind == DirectiveKind.TAKEDOWN
                            ? new org.interdict.directive.dto.TakedownInput(d.takedownHost, d.takedownDeadline)
                            : null;
            DirectiveValidation.check(d.kind, audience, effectiveFrom, expiresAt, takedown);
            return checkReferences(audience, patch.supersedes()).map(ignored -> {
                if (patch.legalReference() != null) {
                    d.legalReference = patch.legalReference().strip();
                }
                if (patch.title() != null) {
                    d.title = patch.title().strip();
                }
                if (patch.authority() != null) {
                    d.authority = patch.authority().strip();
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
                return d;
            }).call(edited -> audit.append(DirectiveAudit.event(actor, edited.updatedAt, "edited", edited,
                    DirectiveAudit.edit(before, DirectiveAudit.fields(edited)))));
        }).map(this::view);
    }

    @WithTransaction
    public Uni<Void> delete(long id, Actor actor) {
        return find(id).flatMap(d -> {
            DirectiveValidation.requireStatus(d, DirectiveStatus.DRAFT, "deleted");
            return repository.delete(d).call(() -> audit.append(
                    DirectiveAudit.event(actor, clock.instant(), "deleted", d, DirectiveAudit.fields(d))));
        });
    }

    Uni<Directive> find(long id) {
        return repository.findById(id).map(d -> {
            if (d == null) {
                throw ProblemException.notFound("Directive", id);
            }
            return d;
        });
    }

    /** ISP engineers see only approved directives addressed to their ISP; others see everything. */
    Uni<Directive> visible(long id, Actor actor) {
        return find(id).map(d -> {
            if (!visibleTo(d, actor)) {
                throw ProblemException.notFound("Directive", id);
            }
            return d;
        });
    }

    static boolean visibleTo(Directive d, Actor actor) {
        if (!isIspOnly(actor)) {
            return true;
        }
        boolean addressed = d.allIsps || List.of(d.audience).contains(actor.isp());
        return addressed && (d.status.isApproved() || d.status == DirectiveStatus.REVOKED);
    }

    private static boolean isIspOnly(Actor actor) {
        return actor.has(Roles.ISP_ENGINEER) && !actor.readsEveryIsp();
    }

    private static DirectiveFilter scopeFor(DirectiveFilter filter, Actor actor) {
        if (!isIspOnly(actor)) {
            return filter;
        }
        return new DirectiveFilter(filter.status(), filter.kind(), filter.category(), filter.authority(),
                actor.isp() == null ? "-" : actor.isp(), filter.text(), filter.directiveIds(), filter.afterId(),
                filter.limit());
    }

    private Uni<Void> checkReferences(AudienceInput audience, Long supersedes) {
        List<String> listed = audience.isps() == null ? List.of() : audience.isps();
        Uni<Void> ispCheck = isps.requireRegistered(listed, "audience.isps");
        if (supersedes == null) {
            return ispCheck;
        }
        return ispCheck.flatMap(ignored -> repository.findById(supersedes)).map(previous -> {
            if (previous == null) {
                throw ProblemException.invalid("supersedes", "unknown-directive",
                        "directive " + supersedes + " does not exist");
            }
            return null;
        });
    }

    private static void applyAudience(Directive d, AudienceInput audience) {
        d.allIsps = Boolean.TRUE.equals(audience.allIsps());
        d.audience = d.allIsps ? new String[0]
                : audience.isps().stream().map(String::strip).distinct().sorted().toArray(String[]::new);
    }

    DirectiveView view(Directive d) {
        return DirectiveMapper.toView(d, clock.instant());
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
