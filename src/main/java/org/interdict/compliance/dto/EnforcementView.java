package org.interdict.compliance.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * How a directive reached the appliances of each ISP it addresses: the clock starts when it came into force
 * (approved and effective); the deadline is that plus the directive's enforcement deadline.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnforcementView(long directive, String legalReference, String status, Instant inForceSince,
        Instant deadline, long deadlineMinutes, List<IspEnforcement> isps) {

    /**
     * {@code firstVersion} is null while no published version of the ISP carries the directive; {@code waitingBehind}
     * is present while it waits behind a version the circuit breaker holds.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IspEnforcement(String isp, Long firstVersion, Instant publishedAt, Instant enforcedAt,
            boolean withinDeadline, WaitingBehind waitingBehind, List<ApplianceEnforcement> appliances) {}

    /** The version of the ISP the circuit breaker holds, and since when the ISP's versions are held. */
    public record WaitingBehind(long heldVersion, Instant heldSince) {}

    /** {@code state}: ENFORCED (in time), LATE (confirmed after the deadline), PENDING, OVERDUE (none yet, too late). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApplianceEnforcement(long id, String name, Instant confirmedAt, Long timeToEnforceSeconds,
            String state) {}
}
