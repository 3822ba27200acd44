package org.interdict.alert.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an alert period ends now: told to its recipients and kept in the audit log. */
public record AlertPeriodCancellation(@NotBlank @Size(max = 2000) String reason) {}
