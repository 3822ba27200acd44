package org.interdict.authority;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.interdict.category.ReasonCategory;

/**
 * An issuing authority as registered: one row of {@code authority} with its ISP scope.
 *
 * @param categories the reason categories it may issue; null when it may issue every category
 * @param allIsps    whether it may address every ISP; otherwise only {@code isps}
 * @param aliases    legacy spellings in free-text registers, matched when directives from before the registry are linked
 */
public record Authority(
        String id,
        String nameVi,
        String nameEn,
        AuthorityLevel level,
        String parentId,
        String jurisdiction,
        List<ContactPoint> contacts,
        List<String> aliases,
        Set<ReasonCategory> categories,
        boolean allIsps,
        Set<String> isps,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    /** Whom to call about an incident. */
    public record ContactPoint(String department, String phone, String email) {}

    public Authority {
        contacts = List.copyOf(contacts);
        aliases = List.copyOf(aliases);
        categories = categories == null ? null : Set.copyOf(categories);
        isps = Set.copyOf(isps);
    }

    public AuthorityRef ref() {
        return new AuthorityRef(id, nameVi, nameEn);
    }

    public boolean mayIssue(ReasonCategory category) {
        return categories == null || categories.contains(category);
    }

    public boolean mayAddress(String isp) {
        return allIsps || isps.contains(isp);
    }
}
