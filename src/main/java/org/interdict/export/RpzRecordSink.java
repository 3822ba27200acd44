package org.interdict.export;

import java.io.IOException;

/** Receives the policy records of a response policy zone one by one, as the RPZ export writes them. */
public interface RpzRecordSink {

    /**
     * One {@code CNAME} record.
     *
     * @param owner the owner name relative to the zone's origin
     * @param ttl seconds
     * @param target the CNAME target as the zone file writes it ({@code .} for NXDOMAIN, or the landing host)
     */
    void record(String owner, int ttl, String target) throws IOException;
}
