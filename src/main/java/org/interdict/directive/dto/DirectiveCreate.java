package org.interdict.directive.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.interdict.category.ReasonCategory;
import org.interdict.directive.DirectiveKind;

public record DirectiveCreate(
        @NotBlank @Size(max = 100) String legalReference,
        @NotBlank @Size(max = 500) String title,
        @NotNull LocalDate issuedOn,
        @NotNull DirectiveKind kind,
        @NotNull ReasonCategory category,
        @Size(max = 10_000) String legalBasis,
        @NotNull @Valid AudienceInput audience,
        @NotNull Instant effectiveFrom,
        Instant expiresAt,
        @Valid TakedownInput takedown,
        Long supersedes,
        @Min(1) @Max(10_080) Integer enforcementDeadlineMinutes,
        @JsonProperty("implements") Long implementing,
        @Null(message = "is not set by the client: a directive is issued by the authority of the officer who drafts"
                + " it") String authority) {}
