package org.interdict.notification.dto;

import java.time.Instant;
import org.interdict.notification.Channel;
import org.interdict.notification.DeliveryState;

/**
 * A notification in the delivery log: an e-mail ({@code subject}) or a webhook call ({@code event}, {@code webhookId},
 * {@code owner}), where it went, why, and how far its delivery got.
 */
public record NotificationView(long id, Channel channel, String recipient, String cause, String subject, String event,
        Long webhookId, String owner, Instant createdAt, DeliveryState state, int attempts, Instant nextAttemptAt,
        String lastError, Instant deliveredAt) {}
