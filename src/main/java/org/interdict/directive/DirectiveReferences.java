package org.interdict.directive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.interdict.authority.AuthorityRef;
import org.interdict.authority.AuthorityRepository;
import org.interdict.directive.dto.DirectiveView;

/**
 * What the views of some directives name besides themselves, read in two queries whatever their number: their
 * authorities' names and the directives they relay.
 */
record DirectiveReferences(Map<String, AuthorityRef> authorities, Map<Long, DirectiveView.Link> relayed) {

    /** A relayed directive as read, before its authority's names are known. */
    private record Parent(String legalReference, String authorityId) {}

    static DirectiveReferences load(Connection c, Collection<Directive> directives) throws SQLException {
        List<Long> parents = directives.stream().map(d -> d.implementsId).filter(Objects::nonNull).distinct().toList();
        Map<Long, Parent> parentRows = new HashMap<>();
        if (!parents.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    "select id, legal_reference, authority_id from directive where id = any(?)")) {
                s.setArray(1, c.createArrayOf("bigint", parents.toArray()));
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        parentRows.put(rows.getLong(1), new Parent(rows.getString(2), rows.getString(3)));
                    }
                }
            }
        }
        Set<String> authorityIds = new HashSet<>();
        directives.forEach(d -> authorityIds.add(d.authorityId));
        parentRows.values().forEach(parent -> authorityIds.add(parent.authorityId()));
        authorityIds.remove(null);
        Map<String, AuthorityRef> authorities = AuthorityRepository.refs(c, authorityIds);
        Map<Long, DirectiveView.Link> relayed = new HashMap<>();
        parentRows.forEach((id, parent) -> relayed.put(id, new DirectiveView.Link(id, parent.legalReference(),
                parent.authorityId() == null ? null : authorities.get(parent.authorityId()))));
        return new DirectiveReferences(authorities, relayed);
    }

    static DirectiveReferences of(Connection c, Directive d) throws SQLException {
        return load(c, List.of(d));
    }

    AuthorityRef authorityOf(Directive d) {
        return d.authorityId == null ? null : authorities.get(d.authorityId);
    }

    DirectiveView.Link relayedBy(Directive d) {
        return d.implementsId == null ? null : relayed.get(d.implementsId);
    }
}
