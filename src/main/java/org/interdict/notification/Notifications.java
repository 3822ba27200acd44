package org.interdict.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.interdict.persistence.DatabaseErrors;

/**
 * Queues e-mails and webhook events in the caller's transaction, in the outbox: they are sent after the commit (never
 * if it rolls back), retried with backoff, and kept in the delivery log whatever happens.
 */
@ApplicationScoped
public class Notifications {

    private final ObjectMapper json;
    private final Clock clock;
    private final NotificationMetrics metrics;

    public Notifications(ObjectMapper json, Clock clock, NotificationMetrics metrics) {
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Queues the e-mail in the caller's transaction: it is sent after commit, retried with backoff, never lost. */
    public void email(Connection connection, EmailNotice notice) {
        Objects.requireNonNull(notice, "notice");
        try {
            NotificationStore.insertEmail(connection, notice, clock.instant());
            NotificationStore.wakeUpAfterCommit(connection);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
        metrics.queued(Channel.EMAIL, 1);
    }

    /**
     * Queues a JSON event for every active webhook endpoint registered by {@code owner} (e.g. "isp:vnpt",
     * "agency:qnam-health", "authority:mic"), in the caller's transaction. {@code event} names it, e.g.
     * "advisory.published"; {@code payload} is serialised with the application's Jackson ObjectMapper. Nothing
     * happens if the owner has none.
     */
    public void webhook(Connection connection, String owner, String event, Object payload, String cause) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(cause, "cause");
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the payload of " + event + " cannot be written as JSON", e);
        }
        int queued;
        try {
            List<WebhookEndpoint> endpoints = WebhookStore.activeOf(connection, owner);
            Instant now = clock.instant();
            for (WebhookEndpoint endpoint : endpoints) {
                NotificationStore.insertWebhook(connection, endpoint, event, body, cause, now);
            }
            if (!endpoints.isEmpty()) {
                NotificationStore.wakeUpAfterCommit(connection);
            }
            queued = endpoints.size();
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
        metrics.queued(Channel.WEBHOOK, queued);
    }
}
