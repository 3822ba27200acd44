package org.interdict.advisory.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * An advisory's content, whole, as an officer drafts it (and a supervisor revises it once published). Lists left out
 * are empty.
 *
 * @param remediationDeadline by when recipients should have remediated: afterwards, those not patched are late
 */
public record AdvisoryInput(
        @NotBlank @Size(max = 300) String title,
        @NotNull @Pattern(regexp = "critical|high|medium|low", message = "critical, high, medium or low") String severity,
        @Size(max = 100) List<@NotNull @Pattern(regexp = "CVE-\\d{4}-\\d{4,}",
                message = "a CVE identifier: CVE-YYYY-NNNN, four or more digits at the end") String> cves,
        @Size(max = 100) List<@Valid @NotNull AffectedProduct> affected,
        @NotBlank @Size(max = 20000) String description,
        @NotBlank @Size(max = 20000) String recommendedActions,
        @Size(max = 50) List<@NotNull @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+",
                message = "an http or https URL") String> references,
        @NotNull Instant remediationDeadline,
        @NotNull @Valid Audience audience) {

    public record AffectedProduct(@NotBlank @Size(max = 300) String product, @Size(max = 300) String versions) {}

    /**
     * Whom it addresses: every ISP, every agency, and the ISPs and agencies listed (registered ones). At least one
     * recipient must be named.
     */
    public record Audience(Boolean allIsps, Boolean allAgencies, @Size(max = 500) List<@NotNull String> isps,
            @Size(max = 500) List<@NotNull String> agencies) {

        public boolean everyIsp() {
            return Boolean.TRUE.equals(allIsps);
        }

        public boolean everyAgency() {
            return Boolean.TRUE.equals(allAgencies);
        }

        public List<String> listedIsps() {
            return isps == null ? List.of() : isps;
        }

        public List<String> listedAgencies() {
            return agencies == null ? List.of() : agencies;
        }
    }
}
