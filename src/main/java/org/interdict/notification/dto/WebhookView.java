package org.interdict.notification.dto;

import java.time.Instant;

/** A registered webhook endpoint; its secret is never shown again after it was issued. */
public record WebhookView(long id, String owner, String url, boolean active, String createdBy, Instant createdAt,
        String secretRotatedBy, Instant secretRotatedAt, String deactivatedBy, Instant deactivatedAt) {}
