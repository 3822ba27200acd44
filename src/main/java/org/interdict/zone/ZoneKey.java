package org.interdict.zone;

import java.time.Instant;

/** One row of {@code zone_key}: a TSIG key of an ISP, its secret still sealed. Never leaves the service layer. */
record ZoneKey(long id, String isp, String name, String algorithm, byte[] sealedSecret, String createdBy,
        Instant createdAt, String revokedBy, Instant revokedAt) {

    boolean active() {
        return revokedAt == null;
    }
}
