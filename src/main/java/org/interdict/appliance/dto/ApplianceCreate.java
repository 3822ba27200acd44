package org.interdict.appliance.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.interdict.appliance.ApplianceKind;

/** Registers an appliance; {@code name} is unique within its ISP. */
public record ApplianceCreate(
        @NotBlank @Size(max = 100) String name,
        @NotNull ApplianceKind kind,
        @NotNull @Pattern(regexp = Formats.PATTERN, message = Formats.MESSAGE) String preferredFormat) {}
