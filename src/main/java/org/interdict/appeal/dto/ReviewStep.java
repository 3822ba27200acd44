package org.interdict.appeal.dto;

import jakarta.validation.constraints.NotNull;

/** A step on a review that changes nothing but its state: the review's version the caller saw (409 when stale). */
public record ReviewStep(@NotNull Integer version) {}
