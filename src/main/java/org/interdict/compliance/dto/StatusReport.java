package org.interdict.compliance.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an appliance reports after trying to load a version: applied or not (then why), when, how many rules of
 * each type it loaded, and the rules it could not load.
 */
public record StatusReport(
        @NotNull @Positive Long version,
        @NotNull Boolean applied,
        @Size(max = 2000) String error,
        Instant appliedAt,
        Map<String, Integer> counts,
        @Valid @Size(max = 10000) List<RejectedRule> rejectedRules) {

    public record RejectedRule(@NotBlank @Size(max = 2000) String rule, @Size(max = 500) String reason) {}
}
