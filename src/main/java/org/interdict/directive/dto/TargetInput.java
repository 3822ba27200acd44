package org.interdict.directive.dto;

import jakarta.validation.constraints.Size;
import org.interdict.target.TargetType;

/**
 * One target in a JSON import. Without {@code type} it is read like a line of text ({@code *.example.vn} is a tree).
 * A {@code justification} lets a target that trips a guard be stored, flagged for the supervisor. The value has no
 * length limit of its own: the target parser refuses one longer than its type allows, as it does a line of text.
 */
public record TargetInput(TargetType type, String value, @Size(max = 2000) String justification) {}
