package org.interdict.appeal.dto;

import java.time.Instant;
import java.util.List;

/**
 * An appeal as the reviewers of one authority see it: what was filed, the contested targets with the orders blocking
 * them (those of this authority are the ones it decides for: {@code decidedHere}), the evidence files, and the state
 * of this authority's review. {@code version} is the review's, sent back with every step.
 */
public record AppealReviewView(long id, String authority, String status, String appealStatus, String appellantKind,
        String email, String isp, String reportKind, String collateral, String grounds, Instant filedAt,
        Instant receivedAt, Instant acknowledgeBy, Instant decideBy, List<String> overdue, List<Target> targets,
        List<Evidence> evidence, String reviewer, Instant takenAt, Proposal proposal, Decision decision,
        Suspension suspension, Returned returned, int version) {

    /** A contested target; {@code lifted} once this authority lifted it, {@code suspended} while suspended. */
    public record Target(long id, String type, String value, boolean decidedHere, boolean lifted, boolean suspended,
            List<Order> orders) {}

    /** An order that blocked the target when the appeal was filed. */
    public record Order(long id, String legalReference, String authority, String status) {}

    /** An evidence file, downloaded at {@code /api/v1/appeals/{id}/evidence/{evidenceId}}. */
    public record Evidence(long id, String fileName, String mediaType, int size, String sha256) {}

    /** The reviewer's proposal, waiting for a second person's confirmation. */
    public record Proposal(String outcome, List<Long> liftTargets, String reasons, String proposedBy,
            Instant proposedAt) {}

    /** The last proposal sent back to the reviewer, while the review is open: by whom, when and why. */
    public record Returned(String returnedBy, Instant returnedAt, String remarks) {}

    /** The confirmed decision. */
    public record Decision(String outcome, List<Long> liftedTargets, String reasons, String proposedBy,
            String confirmedBy, Instant decidedAt) {}

    /** The interim suspension of targets of this authority, until it lapses. */
    public record Suspension(String suspendedBy, Instant suspendedAt, Instant until, List<String> targets) {}
}
