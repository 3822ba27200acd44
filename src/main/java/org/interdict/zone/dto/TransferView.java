package org.interdict.zone.dto;

import java.time.Instant;

/** The last transfer an address made of a zone: the serial it received, how, with which key, and when. */
public record TransferView(String address, long serial, String kind, String keyName, Instant at) {}
