package org.interdict.appliance;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A DNS resolver, DPI box, firewall or proxy of one ISP, with the hash of its current API token. The token itself
 * is never stored. Never leaves the service layer.
 */
@Entity
@Table(name = "appliance")
public class Appliance extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "isp_id")
    public String ispId;

    public String name;

    @Convert(converter = ApplianceKindConverter.class)
    public ApplianceKind kind;

    @Column(name = "preferred_format")
    public String preferredFormat;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "token_hint")
    public String tokenHint;

    @Column(name = "token_issued_at")
    public Instant tokenIssuedAt;

    @Column(name = "token_revoked_at")
    public Instant tokenRevokedAt;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
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
