package org.interdict.notification;

import java.time.Instant;

/**
 * One row of the outbox: an e-mail ({@code subject}, {@code body}) or a webhook call ({@code event}, {@code payload}
 * as JSON text, {@code webhookId}, {@code owner}).
 */
record Notification(long id, Channel channel, String recipient, Long webhookId, String owner, String subject,
        String body, String event, String payload, String cause, Instant createdAt, DeliveryState state, int attempts,
        Instant nextAttemptAt, String lastError, Instant deliveredAt) {}
