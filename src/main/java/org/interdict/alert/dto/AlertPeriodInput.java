package org.interdict.alert.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * An alert period as an authority declares it.
 *
 * @param enforcementDeadlineMinutes the enforcement deadline of directives approved during it, when shorter than
 *                                   theirs (e.g. 10 instead of 30); left out: unchanged
 * @param applianceSilenceMinutes    appliances of its ISPs not heard from for longer are flagged silent, when
 *                                   shorter than the usual interval; left out: unchanged
 */
public record AlertPeriodInput(
        @NotBlank @Size(max = 200) String name,
        @NotNull Instant from,
        @NotNull Instant to,
        @NotNull @Pattern(regexp = "elevated|high|highest", message = "elevated, high or highest") String level,
        @NotNull @Valid Audience audience,
        @Min(1) @Max(10_080) Integer enforcementDeadlineMinutes,
        @Min(1) @Max(10_080) Integer applianceSilenceMinutes) {

    /** Every ISP, every agency, and the listed ones; at least one recipient. */
    public record Audience(Boolean allIsps, Boolean allAgencies, @Size(max = 500) List<@NotNull String> isps,
            @Size(max = 500) List<@NotNull String> agencies) {

        public boolean everyIsp() {
            return Boolean.TRUE.equals(allIsps);
        }

        public boolean everyAgency() {
            return Boolean.TRUE.equals(allAgencies);
        }

        public List<String> listedIsps() {
            return isps == null ? List.of() : isps.stream().distinct().sorted().toList();
        }

        public List<String> listedAgencies() {
            return agencies == null ? List.of() : agencies.stream().distinct().sorted().toList();
        }
    }
}
