package org.interdict.directive.dto;

import jakarta.validation.constraints.Size;

/** The block draft made from an unheeded takedown; its reference and title default to the takedown's. */
public record EscalationRequest(@Size(min = 1, max = 100) String legalReference, @Size(min = 1, max = 500) String title) {}
