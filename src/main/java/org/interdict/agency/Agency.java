package org.interdict.agency;

import java.time.Instant;
import java.util.List;

/**
 * A registered agency that authorities address beside ISPs: one row of {@code agency}.
 *
 * @param authorityId the authority it answers to in security matters; null when it answers to the Ministry directly
 */
public record Agency(String id, String nameVi, String nameEn, String authorityId, List<ContactPoint> contacts,
        boolean active, Instant createdAt, Instant updatedAt, int version) {

    /** Whom to write to or call about an advisory or an incident. */
    public record ContactPoint(String department, String phone, String email) {}

    public Agency {
        contacts = List.copyOf(contacts);
    }
}
