package org.interdict.directive.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.interdict.target.TargetType;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetView(
        long id,
        TargetType type,
        String value,
        String input,
        List<Guard> guards,
        String justification,
        String confirmedBy,
        Instant confirmedAt,
        Instant createdAt) {

    /** A collateral-damage guard this target tripped. */
    public record Guard(String code, String message) {}
}
