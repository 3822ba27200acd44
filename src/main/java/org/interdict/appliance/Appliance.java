package org.interdict.appliance;

import java.time.Instant;

/**
 * A DNS resolver, DPI box, firewall or proxy of one ISP, with the hash of its current API token: one row of
 * {@code appliance}. The token itself is never stored. Never leaves the service layer.
 */
public class Appliance {
    public Long id;
    public String ispId;
    public String name;
    public ApplianceKind kind;
    public String preferredFormat;
    public String tokenHash;
    public String tokenHint;
    public Instant tokenIssuedAt;
    public Instant tokenRevokedAt;
    public Instant lastSeenAt;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;

    /** Replaces the token: the previous one stops matching at once, since only the new hash is kept. */
    void issue(ApplianceTokens.Issued token, Instant now) {
        tokenHash = token.hash();
        tokenHint = token.hint();
        tokenIssuedAt = now;
        tokenRevokedAt = null;
        updatedAt = now;
    }
}
