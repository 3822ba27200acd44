package org.interdict.advisory.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A recipient's remediation status.
 *
 * @param at when the status was reached; left out: now. Not in the future.
 */
public record StatusReport(
        @NotNull @Pattern(regexp = "not-affected|investigating|mitigated|patched",
                message = "not-affected, investigating, mitigated or patched") String status,
        @Size(max = 4000) String note,
        Instant at) {}
