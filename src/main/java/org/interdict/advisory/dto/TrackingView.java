package org.interdict.advisory.dto;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The issuing authority's view of an advisory's recipients at {@code at}: each one's standing, and how many stand
 * where ({@code counts}: patched, acknowledged, late, silent).
 */
public record TrackingView(long advisory, int revision, Instant remediationDeadline, Instant at,
        Map<String, Integer> counts, List<RecipientState> recipients) {}
