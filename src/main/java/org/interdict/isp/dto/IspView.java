package org.interdict.isp.dto;

import java.time.Instant;

public record IspView(
        String id, String legalName, String licenceNumber, Contact contact, boolean active,
        Instant createdAt, Instant updatedAt) {

    /** Whom to call about an incident at this ISP. */
    public record Contact(String department, String phone, String email) {}
}
