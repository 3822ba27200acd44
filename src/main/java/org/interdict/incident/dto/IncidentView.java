package org.interdict.incident.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An incident as the caller may see it. Who reported it and who wrote each update are given by subject
 * ({@code reportedBy}, {@code by}) and by display name ({@code reportedByName}, {@code byName}; the subject when the
 * name was not kept).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentView(long id, String recipient, String type, String severity, Instant detectedAt,
        String affectedSystems, List<Indicator> indicators, String actionsTaken, String triage, String reportedBy,
        String reportedByName, Instant reportedAt, Long directive, List<Update> updates, int version) {

    /** A normalised indicator: its target type (DOMAIN, DOMAIN_TREE, URL, IP) and canonical value. */
    public record Indicator(String type, String value) {}

    public record Update(Instant at, String by, String byName, String side, String triage, String note) {}
}
