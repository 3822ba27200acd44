package org.interdict.appliance;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interdict.appliance.dto.ApplianceCreate;
import org.interdict.appliance.dto.AppliancePatch;
import org.interdict.appliance.dto.ApplianceView;
import org.interdict.appliance.dto.IssuedToken;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.error.ProblemException;
import org.interdict.isp.IspService;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.persistence.Transactions;
import org.interdict.security.Actor;
import org.interdict.security.IspVisibility;

/**
 * Registering an ISP's appliances and issuing, rotating and revoking their tokens. Token changes lock the
 * appliance's row without waiting: of two changes at once, one is made and the other is refused with 409, so nobody
 * is handed a token that another request has already replaced. Once a change commits, this replica forgets the old
 * token before answering, so it is refused from the next request on; other replicas forget it on the notification.
 */
@ApplicationScoped
public class ApplianceService {

    private final AgroalDataSource dataSource;
    private final IspService isps;
    private final LastSeen lastSeen;
    private final ValidTokens validTokens;
    private final AuditLog audit;
    private final Clock clock;

    public ApplianceService(AgroalDataSource dataSource, IspService isps, LastSeen lastSeen, ValidTokens validTokens,
            AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.isps = isps;
        this.lastSeen = lastSeen;
        this.validTokens = validTokens;
        this.audit = audit;
        this.clock = clock;
    }

    public IssuedToken register(String isp, ApplianceCreate request, Actor actor) {
        IspVisibility.requireWrite(actor, isp);
        String name = request.name().strip();
        return Transactions.inTransaction(dataSource, c -> {
            isps.require(c, isp, false);
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
            if (!ApplianceRepository.insert(c, a)) {
                throw nameTaken(isp, name);
            }
            record(c, actor, now, "registered", a, Map.of());
            return new IssuedToken(token.token(), view(a));
        });
    }

    public Page<ApplianceView> list(String isp, Long afterId, int limit, Actor actor) {
        IspVisibility.requireRead(actor, isp);
        List<Appliance> rows = Transactions.read(dataSource, c -> {
            isps.require(c, isp, false);
            return ApplianceRepository.page(c, isp, afterId, limit + 1);
        });
        boolean more = rows.size() > limit;
        List<Appliance> items = more ? rows.subList(0, limit) : rows;
        return new Page<>(items.stream().map(this::view).toList(),
                more ? Cursors.encode(items.get(items.size() - 1).id) : null);
    }

    public ApplianceView get(String isp, long id, Actor actor) {
        IspVisibility.requireRead(actor, isp);
        return Transactions.read(dataSource, c -> {
            isps.require(c, isp, false);
            return view(found(ApplianceRepository.findOf(c, isp, id), id));
        });
    }

    /** The appliance whose token authenticated the request. */
    public ApplianceView self(long id) {
        return Transactions.read(dataSource, c -> view(found(ApplianceRepository.find(c, id), id)));
    }

    public ApplianceView patch(String isp, long id, AppliancePatch patch, Actor actor) {
        IspVisibility.requireWrite(actor, isp);
        String name = patch.name() == null ? null : patch.name().strip();
        return Transactions.inTransaction(dataSource, c -> {
            Appliance a = locked(c, isp, id, false);
            if (name != null && !name.equals(a.name) && ApplianceRepository.nameTaken(c, isp, name, a.id)) {
                throw nameTaken(isp, name);
            }
            Map<String, Object> before = fields(a);
            if (name != null) {
                a.name = name;
            }
            if (patch.preferredFormat() != null) {
                a.preferredFormat = patch.preferredFormat();
            }
            a.updatedAt = clock.instant();
            try {
                ApplianceRepository.update(c, a);
            } catch (SQLException e) {
                // Another rename to the same name committed meanwhile.
                if ("23505".equals(e.getSQLState())) {
                    throw nameTaken(isp, name);
                }
                throw e;
            }
            record(c, actor, a.updatedAt, "updated", a, Map.of("before", before, "after", fields(a)));
            return view(a);
        });
    }

    /** Issues a new token; the previous one, revoked or not, stops working when this commits. */
    public IssuedToken rotate(String isp, long id, Actor actor) {
        IspVisibility.requireWrite(actor, isp);
        IssuedToken issued = Transactions.inTransaction(dataSource, c -> {
            Appliance a = locked(c, isp, id, true);
            ApplianceTokens.Issued token = ApplianceTokens.issue();
            a.issue(token, clock.instant());
            ApplianceRepository.update(c, a);
            record(c, actor, a.tokenIssuedAt, "token-rotated", a, Map.of());
            return new IssuedToken(token.token(), view(a));
        });
        validTokens.forgetAppliance(id);
        return issued;
    }

    public ApplianceView revoke(String isp, long id, Actor actor) {
        IspVisibility.requireWrite(actor, isp);
        ApplianceView revoked = Transactions.inTransaction(dataSource, c -> {
            Appliance a = locked(c, isp, id, true);
            if (a.tokenRevokedAt != null) {
                throw ProblemException.conflict("token-already-revoked",
                        "The token of appliance " + id + " was revoked at " + a.tokenRevokedAt);
            }
            a.tokenRevokedAt = clock.instant();
            a.updatedAt = a.tokenRevokedAt;
            ApplianceRepository.update(c, a);
            record(c, actor, a.tokenRevokedAt, "token-revoked", a, Map.of());
            return view(a);
        });
        validTokens.forgetAppliance(id);
        return revoked;
    }

    public void delete(String isp, long id, Actor actor) {
        IspVisibility.requireWrite(actor, isp);
        Transactions.inTransaction(dataSource, c -> {
            Appliance a = locked(c, isp, id, true);
            ApplianceRepository.delete(c, a.id);
            record(c, actor, clock.instant(), "removed", a, Map.of("before", fields(a)));
            return null;
        });
        validTokens.forgetAppliance(id);
    }

    /** An audit entry naming the appliance; the token itself is never recorded, only its hint. */
    private void record(Connection c, Actor actor, Instant at, String action, Appliance a, Map<String, Object> details)
            throws SQLException {
        Map<String, Object> summary = new LinkedHashMap<>(fields(a));
        summary.putAll(details);
        audit.append(c, AuditEvent.by(actor, at, "appliance." + action, "appliance", a.id, summary));
    }

    private static Map<String, Object> fields(Appliance a) {
        return Map.of("isp", a.ispId, "name", a.name, "kind", a.kind.code(), "preferredFormat", a.preferredFormat,
                "tokenHint", a.tokenHint);
    }

    private Appliance locked(Connection c, String isp, long id, boolean nowait) throws SQLException {
        isps.require(c, isp, false);
        return found(ApplianceRepository.lockOf(c, isp, id, nowait), id);
    }

    private static Appliance found(Appliance a, long id) {
        if (a == null) {
            throw ProblemException.notFound("Appliance", id);
        }
        return a;
    }

    private static ProblemException nameTaken(String isp, String name) {
        return ProblemException.conflict("appliance-exists",
                "ISP " + isp + " already has an appliance named '" + name + "'");
    }

    private ApplianceView view(Appliance a) {
        return ApplianceMapper.toView(a, lastSeen.unwritten(a.id));
    }
}
