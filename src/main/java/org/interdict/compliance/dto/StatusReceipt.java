package org.interdict.compliance.dto;

import java.time.Instant;

/** The stored report, and the ISP's current version so the appliance knows at once whether it is behind. */
public record StatusReceipt(long id, long appliance, String isp, long version, boolean applied, Instant receivedAt,
        Long currentVersion) {}
