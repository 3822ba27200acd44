package org.interdict.isp;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.error.ProblemException;
import org.interdict.isp.dto.IspCreate;
import org.interdict.isp.dto.IspPatch;
import org.interdict.isp.dto.IspView;
import org.interdict.persistence.Columns;
import org.interdict.persistence.Transactions;
import org.interdict.ruleset.ChangeLog;
import org.interdict.security.Actor;
import org.interdict.security.IspVisibility;

/**
 * The registry of ISPs. An ISP's record (licence, contact points) is for the authorities and for that ISP's own
 * engineers: an engineer lists only their own ISP, and any other is "not found", as for an unknown one.
 */
@ApplicationScoped
public class IspService {

    private static final String COLUMNS = "id, legal_name, licence_number, contact_department, contact_phone,"
            + " contact_email, active, created_at, updated_at";

    private final AgroalDataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;

    public IspService(AgroalDataSource dataSource, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    public List<IspView> list(Actor actor) {
        return Transactions.read(dataSource, c -> {
            Optional<String> bound = IspVisibility.boundIsp(actor);
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from isp"
                    + " where ? or id = ? order by id")) {
                s.setBoolean(1, bound.isEmpty());
                s.setString(2, bound.orElse(null));
                List<IspView> found = new ArrayList<>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        found.add(IspMapper.toView(read(rows)));
                    }
                }
                return found;
            }
        });
    }

    public IspView get(String id, Actor actor) {
        IspVisibility.requireRead(actor, id);
        return Transactions.read(dataSource, c -> IspMapper.toView(require(c, id, false)));
    }

    public IspView create(IspCreate request, Actor actor) {
        return Transactions.inTransaction(dataSource, c -> {
            Isp isp = new Isp();
            isp.id = request.id();
            isp.legalName = request.legalName().strip();
            isp.licenceNumber = request.licenceNumber().strip();
            IspMapper.applyContact(isp, request.contact());
            isp.active = request.active() == null || request.active();
            isp.createdAt = clock.instant();
            isp.updatedAt = isp.createdAt;
            // A concurrent registration of the same id waits on the key, then inserts nothing.
            try (PreparedStatement s = c.prepareStatement("insert into isp (" + COLUMNS + ")"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing")) {
                bind(s, isp);
                if (s.executeUpdate() == 0) {
                    throw ProblemException.conflict("isp-exists", "ISP " + request.id() + " is already registered");
                }
            }
            ChangeLog.record(c, null, "isp-registered:" + isp.id, isp.createdAt);
            IspView view = IspMapper.toView(isp);
            audit.append(c, AuditEvent.by(actor, isp.createdAt, "isp.created", "isp", isp.id, Map.of("after", view)));
            return view;
        });
    }

    public IspView patch(String id, IspPatch patch, Actor actor) {
        return Transactions.inTransaction(dataSource, c -> {
            Isp isp = require(c, id, true);
            Instant now = clock.instant();
            if (patch.active() != null && patch.active() != isp.active) {
                ChangeLog.record(c, null, (patch.active() ? "isp-activated:" : "isp-deactivated:") + id, now);
            }
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
            isp.updatedAt = now;
            try (PreparedStatement s = c.prepareStatement("update isp set id = ?, legal_name = ?, licence_number = ?,"
                    + " contact_department = ?, contact_phone = ?, contact_email = ?, active = ?, created_at = ?,"
                    + " updated_at = ? where id = ?")) {
                bind(s, isp);
                s.setString(10, id);
                s.executeUpdate();
            }
            IspView after = IspMapper.toView(isp);
            audit.append(c, AuditEvent.by(actor, now, "isp.updated", "isp", id, Map.of("before", before, "after", after)));
            return after;
        });
    }

    /** The ISP, or "not found"; {@code lock} holds its row until the caller's transaction ends. */
    public Isp require(Connection c, String id, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from isp where id = ?"
                + (lock ? " for update" : ""))) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw ProblemException.notFound("ISP", id);
                }
                return read(rows);
            }
        }
    }

    private static Isp read(ResultSet r) throws SQLException {
        Isp isp = new Isp();
        isp.id = r.getString("id");
        isp.legalName = r.getString("legal_name");
        isp.licenceNumber = r.getString("licence_number");
        isp.contactDepartment = r.getString("contact_department");
        isp.contactPhone = r.getString("contact_phone");
        isp.contactEmail = r.getString("contact_email");
        isp.active = r.getBoolean("active");
        isp.createdAt = Columns.instant(r, "created_at");
        isp.updatedAt = Columns.instant(r, "updated_at");
        return isp;
    }

    private static void bind(PreparedStatement s, Isp isp) throws SQLException {
        s.setString(1, isp.id);
        s.setString(2, isp.legalName);
        s.setString(3, isp.licenceNumber);
        s.setString(4, isp.contactDepartment);
        s.setString(5, isp.contactPhone);
        s.setString(6, isp.contactEmail);
        s.setBoolean(7, isp.active);
        Columns.set(s, 8, isp.createdAt);
        Columns.set(s, 9, isp.updatedAt);
    }
}
