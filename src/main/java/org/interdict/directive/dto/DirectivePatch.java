package org.interdict.directive.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.interdict.category.ReasonCategory;

/** Edits a draft; fields left out (null) stay as they are. {@code clearExpiry} removes the expiry, {@code clearImplements} the relay link. */
public record DirectivePatch(
        @Size(min = 1, max = 100) String legalReference,
        @Size(min = 1, max = 500) String title,
        LocalDate issuedOn,
        ReasonCategory category,
        @Size(max = 10_000) String legalBasis,
        @Valid AudienceInput audience,
        Instant effectiveFrom,
        Instant expiresAt,
        Boolean clearExpiry,
        @Valid TakedownInput takedown,
        Long supersedes,
        @Min(1) @Max(10_080) Integer enforcementDeadlineMinutes,
        @JsonProperty("implements") Long implementing,
        @Null(message = "is not set by the client: a directive is issued by the authority of the officer who drafts"
                + " it") String authority,
        Boolean clearImplements) {}
