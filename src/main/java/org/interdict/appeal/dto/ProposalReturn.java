package org.interdict.appeal.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A proposed decision sent back to the reviewer: what the confirmer disagrees with, for the reviewer to read. */
public record ProposalReturn(@NotBlank @Size(max = 20000) String remarks, @NotNull Integer version) {}
