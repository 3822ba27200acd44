package org.interdict.agency.dto;

import java.time.Instant;
import java.util.List;

public record AgencyView(String id, String nameVi, String nameEn, String authority, List<ContactPoint> contacts,
        boolean active, Instant createdAt, Instant updatedAt, int version) {

    public record ContactPoint(String department, String phone, String email) {}
}
