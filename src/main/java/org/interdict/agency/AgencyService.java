package org.interdict.agency;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.interdict.agency.dto.AgencyInput;
import org.interdict.agency.dto.AgencyView;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.error.ProblemException;
import org.interdict.persistence.Columns;
import org.interdict.persistence.Registries;
import org.interdict.persistence.Transactions;
import org.interdict.security.Actor;
import org.interdict.security.RecipientScope;

/**
 * The registry of agencies: read by the authorities' people, auditors and administrators, and by an agency's own
 * people for their agency only (any other is "not found"); written by administrators. Agencies are never deleted:
 * advisories and incidents keep referring to them; one that is gone is deactivated.
 */
@ApplicationScoped
public class AgencyService {

    private static final String SUBJECT = "agency";
    private static final String COLUMNS = "id, name_vi, name_en, authority_id, contacts, active, created_at,"
            + " updated_at, version";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Agency.ContactPoint>> CONTACTS = new TypeReference<>() {};

    private final AgroalDataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;

    public AgencyService(AgroalDataSource dataSource, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    public List<AgencyView> list(Actor actor) {
        return Transactions.read(dataSource, c -> {
            boolean every = RecipientScope.readsEveryRecipient(actor);
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from agency where ? or id = ?"
                    + " order by id")) {
                s.setBoolean(1, every);
                s.setString(2, every || actor.agency() == null ? "" : actor.agency());
                List<AgencyView> found = new ArrayList<>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        found.add(toView(read(rows)));
                    }
                }
                return found;
            }
        });
    }

    public AgencyView get(String id, Actor actor) {
        RecipientScope.requireAgency(actor, id);
        return Transactions.read(dataSource, c -> toView(find(c, id, false)
                .orElseThrow(() -> ProblemException.notFound("Agency", id))));
    }

    public AgencyView create(AgencyInput input, Actor actor) {
        if (input.id() == null) {
            throw ProblemException.invalid("id", "required", "the new agency's identifier is required");
        }
        return Transactions.inTransaction(dataSource, c -> {
            requireAuthority(c, input.authority());
            Instant now = clock.instant();
            Agency created = fromInput(input.id(), input, now, now, 0);
            // A concurrent registration of the same id waits on the key, then inserts nothing.
            try (PreparedStatement s = c.prepareStatement("insert into agency (" + COLUMNS + ")"
                    + " values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) on conflict (id) do nothing")) {
                bind(s, created);
                if (s.executeUpdate() == 0) {
                    throw ProblemException.conflict("agency-exists",
                            "Agency " + input.id() + " is already registered; change it with PUT");
                }
            }
            AgencyView view = toView(created);
            audit.append(c, AuditEvent.by(actor, now, "agency.created", SUBJECT, created.id(), Map.of("after", view)));
            return view;
        });
    }

    /** Replaces every field; with {@code expectedVersion} (the ETag read before), a version moved on is a 409. */
    public AgencyView replace(String id, AgencyInput input, Integer expectedVersion, Actor actor) {
        if (input.id() != null && !input.id().equals(id)) {
            throw ProblemException.invalid("id", "id-mismatch",
                    "'" + input.id() + "' is not the agency of the path (" + id + "); an id cannot be changed");
        }
        return Transactions.inTransaction(dataSource, c -> {
            Agency current = find(c, id, true).orElseThrow(() -> ProblemException.notFound("Agency", id));
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw ProblemException.conflict("stale-version", "Agency " + id + " is at version "
                        + current.version() + ", not " + expectedVersion + "; reload it and apply the change again");
            }
            requireAuthority(c, input.authority());
            Instant now = clock.instant();
            Agency replaced = fromInput(id, input, current.createdAt(), now, current.version() + 1);
            try (PreparedStatement s = c.prepareStatement("update agency set id = ?, name_vi = ?, name_en = ?,"
                    + " authority_id = ?, contacts = ?::jsonb, active = ?, created_at = ?, updated_at = ?, version = ?"
                    + " where id = ?")) {
                bind(s, replaced);
                s.setString(10, id);
                s.executeUpdate();
            }
            AgencyView after = toView(replaced);
            audit.append(c, AuditEvent.by(actor, now, "agency.updated", SUBJECT, id,
                    Map.of("before", toView(current), "after", after)));
            return after;
        });
    }

    /** The agency as stored; {@code lock} holds its row until the caller's transaction ends. */
    public static Optional<Agency> find(Connection c, String id, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from agency where id = ?"
                + (lock ? " for update" : ""))) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static void requireAuthority(Connection c, String authority) throws SQLException {
        if (authority != null) {
            Registries.AUTHORITY.requireRegistered(c, List.of(authority), "authority");
        }
    }

    private static Agency fromInput(String id, AgencyInput in, Instant createdAt, Instant updatedAt, int version) {
        List<Agency.ContactPoint> contacts = in.contacts() == null ? List.of() : in.contacts().stream()
                .map(p -> new Agency.ContactPoint(p.department().strip(), stripped(p.phone()), stripped(p.email())))
                .toList();
        return new Agency(id, in.nameVi().strip(), in.nameEn().strip(), in.authority(), contacts,
                in.active() == null || in.active(), createdAt, updatedAt, version);
    }

    static AgencyView toView(Agency a) {
        return new AgencyView(a.id(), a.nameVi(), a.nameEn(), a.authorityId(),
                a.contacts().stream().map(p -> new AgencyView.ContactPoint(p.department(), p.phone(), p.email()))
                        .toList(),
                a.active(), a.createdAt(), a.updatedAt(), a.version());
    }

    private static Agency read(ResultSet r) throws SQLException {
        try {
            return new Agency(r.getString("id"), r.getString("name_vi"), r.getString("name_en"),
                    r.getString("authority_id"), JSON.readValue(r.getString("contacts"), CONTACTS),
                    r.getBoolean("active"), Columns.instant(r, "created_at"), Columns.instant(r, "updated_at"),
                    r.getInt("version"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable contacts of agency " + r.getString("id"), e);
        }
    }

    private static void bind(PreparedStatement s, Agency a) throws SQLException {
        s.setString(1, a.id());
        s.setString(2, a.nameVi());
        s.setString(3, a.nameEn());
        s.setString(4, a.authorityId());
        try {
            s.setString(5, JSON.writeValueAsString(a.contacts()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        s.setBoolean(6, a.active());
        Columns.set(s, 7, a.createdAt());
        Columns.set(s, 8, a.updatedAt());
        s.setInt(9, a.version());
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
