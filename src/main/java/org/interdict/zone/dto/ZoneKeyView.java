package org.interdict.zone.dto;

import java.time.Instant;

/** A TSIG key as the API shows it: its name and times, never its secret. {@code active} is false once revoked. */
public record ZoneKeyView(long id, String isp, String name, String algorithm, boolean active, String createdBy,
        Instant createdAt, String revokedBy, Instant revokedAt) {}
