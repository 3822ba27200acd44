package org.interdict.appeal.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A reviewer's proposed decision: {@code outcome} UPHELD, PARTIALLY_LIFTED (the targets in {@code liftTargets}, by
 * their ids in the appeal), LIFTED (every target the authority decides for) or INADMISSIBLE; the written reasons,
 * which the appellant reads; the review's version.
 */
public record DecisionProposal(@NotBlank String outcome, List<Long> liftTargets,
        @NotBlank @Size(max = 20000) String reasons, @NotNull Integer version) {}
