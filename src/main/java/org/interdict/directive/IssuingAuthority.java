package org.interdict.directive;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;
import org.interdict.authority.Authority;
import org.interdict.authority.AuthorityRepository;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.security.Actor;

/**
 * What an authority may do with directives: only its own officers and supervisors act on its directives, only while
 * it is registered and active, only for the reason categories and ISPs of its scope, and a relay implements a
 * directive of an authority above it. Refusals are 403 with a stable code (400 for a bad relay link).
 */
final class IssuingAuthority {

    private IssuingAuthority() {}

    /** The caller's authority, registered and active: officers and supervisors act only for one. */
    static Authority ofActor(Connection c, Actor actor) throws SQLException {
        Authority authority = AuthorityRepository.find(c, actor.authority())
                .orElseThrow(() -> forbidden("unknown-authority", "Your sign-in names authority '" + actor.authority()
                        + "', which is not registered; ask an administrator to register it"));
        if (!authority.active()) {
            throw forbidden("inactive-authority", "Authority '" + authority.id() + "' is inactive; its officers and"
                    + " supervisors cannot act on directives");
        }
        return authority;
    }

    /** Refuses a caller who does not work for the authority that issued the directive. */
    static void requireOwn(Directive d, Actor actor, String action) {
        if (d.authorityId == null) {
            throw forbidden("legacy-authority", "Directive " + d.id + " was recorded before the registry of"
                    + " authorities (issuer '" + d.authorityLegacy + "'); an administrator must register that"
                    + " authority before anyone can " + action + " it");
        }
        if (!d.authorityId.equals(actor.authority())) {
            throw forbidden("other-authority", "Directive " + d.id + " was issued by '" + d.authorityId
                    + "'; only its officers and supervisors may " + action + " it");
        }
    }

    /** Refuses a directive whose category or ISPs lie outside what its authority may order. */
    static void requireInScope(Authority authority, Directive d) {
        if (!authority.mayIssue(d.category)) {
            throw forbidden("category-out-of-scope", "Authority '" + authority.id() + "' may not issue directives of"
                    + " category '" + d.category.code() + "'");
        }
        if (authority.allIsps()) {
            return;
        }
        if (d.allIsps) {
            throw forbidden("isp-out-of-scope", "Authority '" + authority.id() + "' may address only ISPs "
                    + new TreeSet<>(authority.isps()) + ", not every ISP; list them in audience.isps");
        }
        List<String> outside = List.of(d.audience).stream().filter(isp -> !authority.mayAddress(isp)).toList();
        if (!outside.isEmpty()) {
            throw forbidden("isp-out-of-scope", "Authority '" + authority.id() + "' may not address ISP"
                    + (outside.size() == 1 ? " '" + outside.get(0) + "'" : "s " + outside) + "; its scope is "
                    + new TreeSet<>(authority.isps()));
        }
    }

    /**
     * A relay implements an approved directive of an authority above the relaying one. The link is checked when it
     * is set; nothing is inherited from the parent directive.
     */
    static void requireRelayable(Connection c, Directive relay, long parentId) throws SQLException {
        Directive parent = DirectiveRepository.find(c, parentId);
        if (parent == null) {
            throw ProblemException.invalid("implements", "unknown-directive",
                    "directive " + parentId + " does not exist");
        }
        if (parent.id.equals(relay.id)) {
            throw ProblemException.invalid("implements", "not-a-parent-directive", "a directive cannot implement itself");
        }
        if (!parent.status.isApproved()) {
            throw ProblemException.invalid("implements", "implements-not-approved", "directive " + parentId + " ("
                    + parent.legalReference + ") is " + parent.status + "; only an approved directive can be relayed");
        }
        if (parent.authorityId == null || relay.authorityId == null
                || !AuthorityRepository.isAncestor(c, parent.authorityId, relay.authorityId)) {
            throw ProblemException.invalid("implements", "not-a-parent-directive", "directive " + parentId + " ("
                    + parent.legalReference + ") was issued by '" + (parent.authorityId == null
                            ? parent.authorityLegacy : parent.authorityId)
                    + "', which is not above '" + relay.authorityId + "'; a relay implements a parent authority's"
                    + " directive");
        }
    }

    private static ProblemException forbidden(String code, String detail) {
        return new ProblemException(ErrorCategory.FORBIDDEN, code, "Forbidden", detail);
    }
}
