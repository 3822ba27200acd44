package org.interdict.appeal.dto;

import java.time.Instant;
import java.util.List;

/**
 * One appeal in an authority's review queue: the state of the authority's review of it, how old it is, its two
 * deadlines and the stages it is overdue for ({@code acknowledge}: no reviewer took it in time; {@code decide}: no
 * decision was confirmed in time). {@code isp} is set for an ISP's error report; {@code proposed} when a decision
 * waits for its confirmation; {@code returned} when the last proposal was sent back and the reviewer has not proposed
 * again; {@code suspendedUntil} while an interim suspension runs.
 */
public record AppealQueueItem(long id, String status, String appellantKind, String isp, String reportKind,
        String collateral, int targets, Instant receivedAt, long ageHours, Instant acknowledgeBy, Instant decideBy,
        List<String> overdue, String reviewer, boolean proposed, boolean returned, Instant suspendedUntil,
        int version) {}
