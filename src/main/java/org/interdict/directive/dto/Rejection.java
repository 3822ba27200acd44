package org.interdict.directive.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record Rejection(@NotBlank @Size(max = 2000) String reason) {}
