package org.interdict.appliance;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.appliance.dto.ApplianceCreate;
import org.interdict.appliance.dto.AppliancePatch;
import org.interdict.appliance.dto.ApplianceView;
import org.interdict.appliance.dto.IssuedToken;
import org.interdict.error.ProblemException;
import org.interdict.isp.IspService;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.security.Actor;
import org.interdict.security.IspVisibility;

/** Registering an ISP's appliances and issuing, rotating and revoking their tokens. */
@ApplicationScoped
public class ApplianceService {

    private final ApplianceRepository repository;
    private final IspService isps;
    private final LastSeen lastSeen;
    private final AuditLog audit;
    private final Clock clock;

    public ApplianceService(ApplianceRepository repository, IspService isps, LastSeen lastSeen, AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.isps = isps;
        this.lastSeen = lastSeen;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<IssuedToken> register(String isp, ApplianceCreate request, Actor actor) {
        String name = request.name().strip();
        return writable(isp, actor)
                .flatMap(ignored -> requireFreeName(isp, name, null))
                .flatMap(ignored -> {
                    Instant now = clock.instant();
                    ApplianceTokens.Issued token = ApplianceTokens.issue();
                    Appliance a = new Appliance();
                    a.ispId = isp;
                    a.name = name;
                    a.kind = request.kind();
                    a.preferredFormat = request.preferredFormat();
                    a.createdBy = actor.subject();
                    a.createdAt = now;
                    a.issue(token, now);
                    return repository.persist(a).call(saved -> record(actor, now, "registered", saved, Map.of()))
                            .map(saved -> new IssuedToken(token.token(), view(saved)));
                });
    }

    @WithSession
    public Uni<Page<ApplianceView>> list(String isp, Long afterId, int limit, Actor actor) {
        return readable(isp, actor)
                .flatMap(ignored -> repository.page(isp, afterId, limit + 1))
                .map(rows -> {
                    boolean more = rows.size() > limit;
                    List<Appliance> items = more ? rows.subList(0, limit) : rows;
                    return new Page<>(items.stream().map(this::view).toList(),
                            more ? Cursors.encode(items.get(items.size() - 1).id) : null);
                });
    }

    @WithSession
    public Uni<ApplianceView> get(String isp, long id, Actor actor) {
        return readable(isp, actor).flatMap(ignored -> find(isp, id)).map(this::view);
    }

    /** The appliance whose token authenticated the request. */
    @WithSession
    public Uni<ApplianceView> self(long id) {
        return repository.findById(id).map(a -> {
            if (a == null) {
                throw ProblemException.notFound("Appliance", id);
            }
            return view(a);
        });
    }

    @WithTransaction
    public Uni<ApplianceView> patch(String isp, long id, AppliancePatch patch, Actor actor) {
        String name = patch.name() == null ? null : patch.name().strip();
        return writable(isp, actor)
                .flatMap(ignored -> find(isp, id))
                .call(a -> name == null || name.equals(a.name) ? Uni.createFrom().voidItem()
                        : requireFreeName(isp, name, a.id))
                .call(a -> {
                    Map<String, Object> before = fields(a);
                    if (name != null) {
                        a.name = name;
                    }
                    if (patch.preferredFormat() != null) {
                        a.preferredFormat = patch.preferredFormat();
                    }
                    a.updatedAt = clock.instant();
                    return record(actor, a.updatedAt, "updated", a, Map.of("before", before, "after", fields(a)));
                })
                .map(this::view);
    }

    /** Issues a new token; the previous one, revoked or not, stops working when this commits. */
    @WithTransaction
    public Uni<IssuedToken> rotate(String isp, long id, Actor actor) {
        return writable(isp, actor).flatMap(ignored -> find(isp, id)).flatMap(a -> {
            ApplianceTokens.Issued token = ApplianceTokens.issue();
            a.issue(token, clock.instant());
            return record(actor, a.tokenIssuedAt, "token-rotated", a, Map.of())
                    .map(ignored -> new IssuedToken(token.token(), view(a)));
        });
    }

    @WithTransaction
    public Uni<ApplianceView> revoke(String isp, long id, Actor actor) {
        return writable(isp, actor).flatMap(ignored -> find(isp, id)).flatMap(a -> {
            if (a.tokenRevokedAt != null) {
                throw ProblemException.conflict("token-already-revoked",
                        "The token of appliance " + id + " was revoked at " + a.tokenRevokedAt);
            }
            a.tokenRevokedAt = clock.instant();
            a.updatedAt = a.tokenRevokedAt;
            return record(actor, a.tokenRevokedAt, "token-revoked", a, Map.of()).map(ignored -> view(a));
        });
    }

    @WithTransaction
    public Uni<Void> delete(String isp, long id, Actor actor) {
        return writable(isp, actor).flatMap(ignored -> find(isp, id)).flatMap(a -> repository.delete(a)
                .call(() -> record(actor, clock.instant(), "removed", a, Map.of("before", fields(a)))));
    }

    /** An audit entry naming the appliance; the token itself is never recorded, only its hint. */
    private Uni<Void> record(Actor actor, Instant at, String action, Appliance a, Map<String, Object> details) {
        Map<String, Object> summary = new LinkedHashMap<>(fields(a));
        summary.putAll(details);
        return audit.append(AuditEvent.by(actor, at, "appliance." + action, "appliance", a.id, summary));
    }

    private static Map<String, Object> fields(Appliance a) {
        return Map.of("isp", a.ispId, "name", a.name, "kind", a.kind.code(), "preferredFormat", a.preferredFormat,
                "tokenHint", a.tokenHint);
    }

    /** The caller may see the ISP's appliances, and the ISP exists. Runs inside the caller's session. */
    private Uni<Void> readable(String isp, Actor actor) {
        return Uni.createFrom().item(() -> {
            IspVisibility.requireRead(actor, isp);
            return isp;
        }).flatMap(isps::get).replaceWithVoid();
    }

    private Uni<Void> writable(String isp, Actor actor) {
        return Uni.createFrom().item(() -> {
            IspVisibility.requireWrite(actor, isp);
            return isp;
        }).flatMap(isps::get).replaceWithVoid();
    }

    private Uni<Void> requireFreeName(String isp, String name, Long except) {
        return repository.nameTaken(isp, name, except).map(taken -> {
            if (taken) {
                throw ProblemException.conflict("appliance-exists",
                        "ISP " + isp + " already has an appliance named '" + name + "'");
            }
            return null;
        });
    }

    private Uni<Appliance> find(String isp, long id) {
        return repository.findOf(isp, id).map(a -> {
            if (a == null) {
                throw ProblemException.notFound("Appliance", id);
            }
            return a;
        });
    }

    private ApplianceView view(Appliance a) {
        return ApplianceMapper.toView(a, lastSeen.unwritten(a.id));
    }
}
