package org.interdict.compliance.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** Per ISP: its current version and, per appliance, what it runs, how far behind, and whether it went silent. */
public record ComplianceView(Instant at, List<IspCompliance> isps) {

    /** Whether the ISP's current version carries every approved change, or a newer one waits for a supervisor. */
    public enum RulesetState {
        CURRENT,
        HELD
    }

    /**
     * {@code rulesetState} HELD: the circuit breaker holds version {@code heldVersion} (held since {@code heldSince});
     * the approvals since the current version reach no appliance until a supervisor decides. The appliance counts
     * compare with the current version. {@code zoneTransfers}: the last zone transfer of each address that took the
     * ISP's zone by DNS, the secondaries' acknowledgement of a version.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IspCompliance(String isp, RulesetState rulesetState, Long currentVersion, Instant currentPublishedAt,
            Long heldVersion, Instant heldSince, int appliances, int current, int behind, int silent,
            List<ApplianceCompliance> appliancesDetail, List<ZoneTransferCompliance> zoneTransfers) {}

    /**
     * The last transfer of the ISP's zone to one address: the serial (the version) it received, by AXFR or IXFR, when,
     * and whether that is the current version.
     */
    public record ZoneTransferCompliance(String address, long serial, String kind, Instant at, boolean current) {}

    /**
     * {@code behindVersions}: published versions newer than the one applied; {@code behindSeconds}: since the first of
     * them was published. {@code failures}: failed reports since the last successful one.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApplianceCompliance(long id, String name, String kind, boolean tokenRevoked, Long appliedVersion,
            Instant appliedReportedAt, int behindVersions, Long behindSeconds, Instant lastSeenAt, boolean silent,
            int failures, String lastError) {}
}
