package org.interdict.directive.dto;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A supervisor's approval. Every target flagged by a guard must be listed in {@code confirmFlaggedTargets}:
 * approving them is an explicit act, never a side effect.
 */
public record Decision(List<Long> confirmFlaggedTargets, @Size(max = 2000) String comment) {}
