package org.interdict.appeal.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An appeal as its status page shows it to whoever holds the tracking link, with the review of each authority whose
 * orders it contests: state, outcome and the written reasons once decided, and any interim suspension.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppealStatusView(long id, String status, String appellantKind, String collateral, Instant filedAt,
        Instant receivedAt, List<ContestedTarget> targets, List<String> evidence, List<Review> reviews) {

    /**
     * A contested target and the references of the published orders that blocked it when the appeal was filed;
     * {@code lifted} once every authority concerned lifted it.
     */
    public record ContestedTarget(String type, String value, List<String> orders, boolean lifted) {}

    /** One authority's review: its state, its outcome and reasons once decided, a running interim suspension. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Review(String authority, String status, String outcome, String reasons, Instant decidedAt,
            Instant suspendedUntil) {}
}
