package org.interdict.advisory.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An advisory as the caller may see it. Recipients see the audience's flags but not the other recipients it
 * lists, and {@code mine}: their own acknowledgement and remediation status. Who drafted, published and withdrew it
 * is given by subject ({@code draftedBy}...) and by display name ({@code draftedByName}...; the subject when the
 * name was not kept).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdvisoryView(
        long id, String authority, String status, int revision, String title, String severity, List<String> cves,
        List<AdvisoryInput.AffectedProduct> affected, String description, String recommendedActions,
        List<String> references, Instant remediationDeadline, AudienceView audience, String draftedBy,
        String draftedByName, Instant draftedAt, String publishedBy, String publishedByName, Instant publishedAt,
        Instant revisedAt, String withdrawnBy, String withdrawnByName, Instant withdrawnAt, String withdrawalReason,
        int version, RecipientState mine) {

    public record AudienceView(boolean allIsps, boolean allAgencies, List<String> isps, List<String> agencies) {}
}
