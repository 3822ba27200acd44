package org.interdict.directive.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Revoking needs a reason and the legal reference of the revoking act. */
public record RevocationRequest(@NotBlank @Size(max = 2000) String reason, @NotBlank @Size(max = 100) String reference) {}
