package org.interdict.zone.dto;

import java.time.Instant;

/**
 * A registered secondary, with the last transfer its address made (null before the first), the last version it
 * acknowledged a NOTIFY of and when (null before the first), and why the last NOTIFY failed (null when it did not;
 * it is sent again until acknowledged).
 */
public record SecondaryView(long id, String isp, String address, int port, String createdBy, Instant createdAt,
        TransferView lastTransfer, Long notifiedVersion, Instant notifiedAt, String notifyError) {}
