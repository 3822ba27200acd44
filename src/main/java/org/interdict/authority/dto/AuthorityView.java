package org.interdict.authority.dto;

import java.time.Instant;
import java.util.List;
import org.interdict.authority.AuthorityLevel;
import org.interdict.authority.AuthorityRef;
import org.interdict.category.ReasonCategory;

/** An authority as the registry shows it; {@code version} is also its ETag. */
public record AuthorityView(
        String id,
        String nameVi,
        String nameEn,
        AuthorityLevel level,
        AuthorityRef parent,
        String jurisdiction,
        List<ContactPoint> contacts,
        List<String> aliases,
        Scope scope,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    /** Whom to call about an incident. */
    public record ContactPoint(String department, String phone, String email) {}

    /**
     * What the authority may order.
     *
     * @param categories null when it may issue every category
     * @param isps       the ISPs it may address when not {@code allIsps}, as far as the caller may see them
     */
    public record Scope(List<ReasonCategory> categories, boolean allIsps, List<String> isps) {}
}
