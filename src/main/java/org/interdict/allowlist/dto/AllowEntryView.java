package org.interdict.allowlist.dto;

import java.time.Instant;
import org.interdict.compile.AllowType;

/**
 * A protected entry; {@code expiresAt} is set for a time-limited one (an appeal's interim suspension), {@code appealId}
 * for an entry made for an appeal (suspension or outcome).
 */
public record AllowEntryView(long id, AllowType type, String value, String reason, String source, String createdBy,
        Instant createdAt, Instant expiresAt, Long appealId) {}
