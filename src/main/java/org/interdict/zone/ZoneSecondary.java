package org.interdict.zone;

import java.time.Instant;

/**
 * One row of {@code zone_secondary}: a DNS server of an ISP that transfers its zone and is sent NOTIFY, with the
 * last version it acknowledged a NOTIFY of (null before the first) and why the last attempt failed (null when it
 * did not).
 */
record ZoneSecondary(long id, String isp, String address, int port, String createdBy, Instant createdAt,
        Long notifiedVersion, Instant notifiedAt, String notifyError) {}
