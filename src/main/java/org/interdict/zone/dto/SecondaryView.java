package org.interdict.zone.dto;

import java.time.Instant;

/** A registered secondary, with the last transfer its address made (null before the first). */
public record SecondaryView(long id, String isp, String address, int port, String createdBy, Instant createdAt,
        TransferView lastTransfer) {}
