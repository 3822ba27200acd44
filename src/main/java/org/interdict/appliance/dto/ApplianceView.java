package org.interdict.appliance.dto;

import java.time.Instant;
import org.interdict.appliance.ApplianceKind;

/** An appliance as the API shows it: never its token nor the token's hash. */
public record ApplianceView(
        long id, String isp, String name, ApplianceKind kind, String preferredFormat, TokenStatus token,
        Instant lastSeenAt, String createdBy, Instant createdAt, Instant updatedAt) {

    /**
     * What may be shown of the current token: its first characters, to tell tokens apart, and its times.
     * {@code active} is false once revoked.
     */
    public record TokenStatus(String hint, Instant issuedAt, Instant revokedAt, boolean active) {}
}
