package org.interdict.isp;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.List;
import java.util.TreeSet;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.error.Violation;
import org.interdict.isp.dto.IspCreate;
import org.interdict.isp.dto.IspPatch;
import org.interdict.isp.dto.IspView;
import org.interdict.ruleset.ChangeLog;
import org.interdict.security.Actor;

@ApplicationScoped
public class IspService {

    private final IspRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    public IspService(IspRepository repository, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<IspView>> list() {
        return repository.listOrdered().map(list -> list.stream().map(IspMapper::toView).toList());
    }

    @WithSession
    public Uni<IspView> get(String id) {
        return find(id).map(IspMapper::toView);
    }

    @WithTransaction
    public Uni<IspView> create(IspCreate request, Actor actor) {
        return repository.findById(request.id()).flatMap(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("isp-exists", "ISP " + request.id() + " is already registered");
            }
            Isp isp = new Isp();
            isp.id = request.id();
            isp.legalName = request.legalName().strip();
            isp.licenceNumber = request.licenceNumber().strip();
            IspMapper.applyContact(isp, request.contact());
            isp.active = request.active() == null || request.active();
            isp.createdAt = clock.instant();
            isp.updatedAt = isp.createdAt;
            return repository.persist(isp).call(() -> ChangeLog.record(null, "isp-registered:" + isp.id, isp.createdAt))
                    .map(IspMapper::toView)
                    .call(view -> audit.append(AuditEvent.by(actor, isp.createdAt, "isp.created", "isp", isp.id,
                            Map.of("after", view))));
        });
    }

    @WithTransaction
    public Uni<IspView> patch(String id, IspPatch patch, Actor actor) {
        return find(id).call(isp -> patch.active() == null || patch.active() == isp.active
                ? Uni.createFrom().voidItem()
                : ChangeLog.record(null, (patch.active() ? "isp-activated:" : "isp-deactivated:") + id, clock.instant()))
                .flatMap(isp -> {
            IspView before = IspMapper.toView(isp);
            if (patch.legalName() != null) {
                isp.legalName = patch.legalName().strip();
            }
            if (patch.licenceNumber() != null) {
                isp.licenceNumber = patch.licenceNumber().strip();
            }
            IspMapper.applyContact(isp, patch.contact());
            if (patch.active() != null) {
                isp.active = patch.active();
            }
            isp.updatedAt = clock.instant();
            IspView after = IspMapper.toView(isp);
            return audit.append(AuditEvent.by(actor, isp.updatedAt, "isp.updated", "isp", id,
                    Map.of("before", before, "after", after))).replaceWith(after);
        });
    }

    /**
     * Refuses, naming each one, the identifiers that are not registered ISPs. Runs inside the caller's session.
     */
    public Uni<Void> requireRegistered(Collection<String> ids, String field) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return repository.existing(ids).map(found -> {
            TreeSet<String> unknown = new TreeSet<>(ids);
            unknown.removeAll(found);
            if (!unknown.isEmpty()) {
                List<Violation> violations = unknown.stream()
                        .map(u -> Violation.ofField(field, "unknown-isp", "'" + u + "' is not a registered ISP"))
                        .toList();
                throw new ProblemException(ErrorCategory.INVALID, "invalid-request", "Invalid request",
                        "Unknown ISP identifier(s): " + String.join(", ", unknown), violations, violations.size());
            }
            return null;
        });
    }

    private Uni<Isp> find(String id) {
        return repository.findById(id).map(isp -> {
            if (isp == null) {
                throw ProblemException.notFound("ISP", id);
            }
            return isp;
        });
    }
}
