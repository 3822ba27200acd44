package org.interdict.incident.dto;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A status update: from the reporter, a note ({@code closed} true to close its incident); from the authority, a
 * triage state (new, acknowledged, in-progress, closed) with an optional note.
 */
public record IncidentUpdate(
        @Pattern(regexp = "new|acknowledged|in-progress|closed", message = "new, acknowledged, in-progress or closed")
        String triage,
        @Size(max = 10000) String note) {}
