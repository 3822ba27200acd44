package org.interdict.appliance.dto;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Fields left out (null) stay as they are. */
public record AppliancePatch(
        @Size(max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Pattern(regexp = Formats.PATTERN, message = Formats.MESSAGE) String preferredFormat) {}
