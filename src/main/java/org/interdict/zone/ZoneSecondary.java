package org.interdict.zone;

import java.time.Instant;

/** One row of {@code zone_secondary}: a DNS server of an ISP that transfers its zone and is sent NOTIFY. */
record ZoneSecondary(long id, String isp, String address, int port, String createdBy, Instant createdAt) {}
