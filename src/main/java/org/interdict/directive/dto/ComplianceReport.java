package org.interdict.directive.dto;

import jakarta.validation.constraints.NotNull;

/** Whether the host of a takedown removed the content. */
public record ComplianceReport(@NotNull Boolean complied) {}
