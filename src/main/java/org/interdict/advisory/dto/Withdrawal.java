package org.interdict.advisory.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record Withdrawal(@NotBlank @Size(max = 2000) String reason) {}
