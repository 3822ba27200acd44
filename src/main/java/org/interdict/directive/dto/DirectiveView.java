package org.interdict.directive.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.interdict.authority.AuthorityRef;
import org.interdict.category.ReasonCategory;
import org.interdict.directive.DirectiveKind;
import org.interdict.directive.DirectiveStatus;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record DirectiveView(
        long id,
        String legalReference,
        String title,
        AuthorityRef authority,
        String authorityLegacy,
        @JsonProperty("implements") Link implementing,
        List<Link> implementedBy,
        LocalDate issuedOn,
        DirectiveKind kind,
        ReasonCategory category,
        String legalBasis,
        Audience audience,
        Instant effectiveFrom,
        Instant expiresAt,
        Takedown takedown,
        Long supersedes,
        Long escalatedFrom,
        Integer enforcementDeadlineMinutes,
        DirectiveStatus status,
        Step created,
        Step submitted,
        Step decided,
        String decisionComment,
        String rejectionReason,
        Revocation revocation,
        List<WaitingBehind> waitingBehind,
        int version,
        Instant updatedAt) {

    public record Audience(boolean allIsps, List<String> isps) {}

    /**
     * Another directive in a relay: the parent authority's directive this one implements, or one that implements
     * this one. {@code authority} is null for a directive recorded before the registry.
     */
    public record Link(long id, String legalReference, AuthorityRef authority) {}

    public record Takedown(String host, Instant deadline, Boolean complied, Instant recordedAt) {}

    /** Who did a step of the lifecycle, and when. */
    public record Step(String by, String name, Instant at) {}

    public record Revocation(String by, String name, Instant at, String reason, String reference) {}

    /**
     * An ISP for which this directive, in force, is not enforced yet because the circuit breaker holds that ISP's
     * rule set at {@code heldVersion} (held since {@code heldSince}) until a supervisor confirms or refuses it.
     */
    public record WaitingBehind(String isp, long heldVersion, Instant heldSince) {}
}
