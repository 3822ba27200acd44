package org.interdict.allowlist.dto;

import java.time.Instant;
import org.interdict.compile.AllowType;

public record AllowEntryView(long id, AllowType type, String value, String reason, String source, String createdBy,
        Instant createdAt) {}
