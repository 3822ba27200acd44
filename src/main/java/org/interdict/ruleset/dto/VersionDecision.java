package org.interdict.ruleset.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A supervisor's confirmation or refusal of a held version, with the reason on the record. */
public record VersionDecision(@NotBlank @Size(max = 2000) String reason) {}
