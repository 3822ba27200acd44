package org.interdict.notification.dto;

import java.time.Instant;

/** One delivery attempt: when, whether it was delivered, the receiver's HTTP status (webhooks), the error, how long. */
public record AttemptView(Instant at, boolean delivered, Integer httpStatus, String error, int durationMs) {}
