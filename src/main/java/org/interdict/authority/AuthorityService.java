package org.interdict.authority;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.authority.dto.AuthorityInput;
import org.interdict.authority.dto.AuthorityView;
import org.interdict.authority.dto.LegacyLinks;
import org.interdict.error.ProblemException;
import org.interdict.persistence.Registries;
import org.interdict.persistence.Transactions;
import org.interdict.security.Actor;

/**
 * The registry of issuing authorities: read by every signed-in person, written by administrators. Every write links
 * the legacy directives that name the authority ({@link LegacyAuthorities}). Authorities are never deleted:
 * directives keep referring to them; one that no longer issues orders is deactivated.
 */
@ApplicationScoped
public class AuthorityService {

    static final String SUBJECT = "authority";

    /**
     * Arbitrary, fixed: the advisory lock every write of the registry takes first. Writes are rare; one at a time,
     * each sees the chain of parents and the names of the others as they are, so that two writes cannot make a
     * cycle between them, and "the first registered authority takes a legacy text" holds.
     */
    static final long REGISTRY_LOCK = 0x0a_0d17_a3e9L;

    private final AgroalDataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;

    public AuthorityService(AgroalDataSource dataSource, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    public List<AuthorityView> list(AuthorityFilter filter, Actor viewer) {
        return Transactions.read(dataSource, c -> {
            List<Authority> found = AuthorityRepository.list(c, filter);
            Map<String, AuthorityRef> parents = AuthorityRepository.refs(c, found.stream()
                    .map(Authority::parentId).filter(Objects::nonNull).collect(Collectors.toSet()));
            return found.stream().map(a -> AuthorityMapper.toView(a, parents.get(a.parentId()), viewer)).toList();
        });
    }

    public AuthorityView get(String id, Actor viewer) {
        return Transactions.read(dataSource, c -> view(c, AuthorityRepository.find(c, id)
                .orElseThrow(() -> ProblemException.notFound("Authority", id)), viewer));
    }

    public AuthorityView create(AuthorityInput input, Actor actor) {
        if (input.id() == null) {
            throw ProblemException.invalid("id", "required", "the new authority's identifier is required");
        }
        AuthorityValidation.check(input);
        return Transactions.inTransaction(dataSource, c -> {
            lockRegistry(c);
            checkReferences(c, input.id(), input);
            Instant now = clock.instant();
            Authority created = AuthorityMapper.fromInput(input.id(), input, now, now, 0);
            if (!AuthorityRepository.insert(c, created)) {
                throw ProblemException.conflict("authority-exists",
                        "Authority " + input.id() + " is already registered; change it with PUT");
            }
            LegacyAuthorities.Linked linked = LegacyAuthorities.link(c, created.id());
            audit.append(c, AuditEvent.by(actor, now, "authority.created", SUBJECT, created.id(),
                    Map.of("after", AuthorityMapper.fields(created))));
            auditLinks(c, actor, now, created.id(), linked);
            return view(c, created, actor);
        });
    }

    /**
     * Replaces every field an administrator writes. With {@code expectedVersion} (the ETag read before), a version
     * that has moved on is a 409; a replacement that changes nothing writes nothing, and keeps the version.
     */
    public AuthorityView replace(String id, AuthorityInput input, Integer expectedVersion, Actor actor) {
        if (input.id() != null && !input.id().equals(id)) {
            throw ProblemException.invalid("id", "id-mismatch",
                    "'" + input.id() + "' is not the authority of the path (" + id + "); an id cannot be changed");
        }
        AuthorityValidation.check(input);
        return Transactions.inTransaction(dataSource, c -> {
            lockRegistry(c);
            Authority current = AuthorityRepository.lock(c, id)
                    .orElseThrow(() -> ProblemException.notFound("Authority", id));
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw ProblemException.conflict("stale-version", "Authority " + id + " is at version "
                        + current.version() + ", not " + expectedVersion + "; reload it and apply the change again");
            }
            checkReferences(c, id, input);
            Instant now = clock.instant();
            Authority replaced = AuthorityMapper.fromInput(id, input, current.createdAt(), now, current.version() + 1);
            Map<String, Object> before = AuthorityMapper.fields(current);
            Map<String, Object> after = AuthorityMapper.fields(replaced);
            if (before.equals(after)) {
                replaced = current;
            } else {
                AuthorityRepository.update(c, replaced);
            }
            LegacyAuthorities.Linked linked = LegacyAuthorities.link(c, id);
            if (replaced != current) {
                audit.append(c, AuditEvent.by(actor, now, "authority.updated", SUBJECT, id, changes(before, after)));
            }
            auditLinks(c, actor, now, id, linked);
            return view(c, replaced, actor);
        });
    }

    /** Links the legacy directives that name the authority, for instance those recorded before it was registered. */
    public LegacyLinks linkLegacy(String id, Actor actor) {
        return Transactions.inTransaction(dataSource, c -> {
            lockRegistry(c);
            if (AuthorityRepository.find(c, id).isEmpty()) {
                throw ProblemException.notFound("Authority", id);
            }
            LegacyAuthorities.Linked linked = LegacyAuthorities.link(c, id);
            auditLinks(c, actor, clock.instant(), id, linked);
            return new LegacyLinks(linked.directives());
        });
    }

    private void checkReferences(Connection c, String id, AuthorityInput input) throws SQLException {
        AuthorityValidation.checkParent(c, id, input.parent());
        if (input.scope() != null && input.scope().isps() != null) {
            Registries.ISP.requireRegistered(c, input.scope().isps(), "scope.isps");
        }
    }

    /** One entry per write for all the directives it linked, none when it linked nothing. */
    private void auditLinks(Connection c, Actor actor, Instant at, String id, LegacyAuthorities.Linked linked)
            throws SQLException {
        if (!linked.isEmpty()) {
            audit.append(c, AuditEvent.by(actor, at, "authority.legacy-linked", SUBJECT, id,
                    Map.of("directives", linked.directives(), "legacyTexts", linked.texts())));
        }
    }

    private static AuthorityView view(Connection c, Authority a, Actor viewer) throws SQLException {
        AuthorityRef parent = a.parentId() == null ? null : AuthorityRepository.refs(c, Set.of(a.parentId()))
                .get(a.parentId());
        return AuthorityMapper.toView(a, parent, viewer);
    }

    /** The fields that differ, as {@code before} and {@code after}. */
    private static Map<String, Object> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        before.forEach((field, value) -> {
            if (!Objects.equals(value, after.get(field))) {
                was.put(field, value);
                now.put(field, after.get(field));
            }
        });
        return Map.of("before", was, "after", now);
    }

    private static void lockRegistry(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            s.setLong(1, REGISTRY_LOCK);
            s.executeQuery().close();
        }
    }
}
