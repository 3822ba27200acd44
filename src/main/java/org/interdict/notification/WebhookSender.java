package org.interdict.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.interdict.config.InterdictConfig;

/**
 * Calls a webhook endpoint: POST of {@code {"event", "id", "occurredAt", "data"}} signed with the endpoint's secret,
 * with {@code Interdict-Event} and {@code Interdict-Delivery} (the notification's id, the same on every retry, so that
 * a receiver can ignore a call it already handled). Any 2xx is a delivery; anything else, including a redirect (not
 * followed), is a failed attempt.
 */
@ApplicationScoped
public class WebhookSender {

    private final ObjectMapper json;
    private final HttpClient client;
    private final Duration timeout;

    public WebhookSender(ObjectMapper json, InterdictConfig config) {
        this.json = json;
        this.timeout = config.notifications().webhookTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(config.notifications().webhookConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    AttemptResult send(Notification notification, WebhookEndpoint endpoint, String secret, long unixSeconds) {
        byte[] body = body(notification);
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Interdict")
                .header("Interdict-Event", notification.event())
                .header("Interdict-Delivery", String.valueOf(notification.id()))
                .header("Interdict-Signature", WebhookSignature.header(secret, unixSeconds, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? AttemptResult.success(status)
                    : AttemptResult.failure(status, "the receiver answered HTTP " + status);
        } catch (HttpTimeoutException e) {
            return AttemptResult.failure(null, "no answer within the timeout (" + e.getMessage() + ")");
        } catch (IOException e) {
            return AttemptResult.failure(null, "cannot reach the receiver: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AttemptResult.failure(null, "interrupted while calling the receiver (shutting down)");
        }
    }

    private byte[] body(Notification notification) {
        try {
            ObjectNode envelope = json.createObjectNode();
            envelope.put("event", notification.event());
            envelope.put("id", notification.id());
            envelope.put("occurredAt", notification.createdAt().toString());
            envelope.set("data", json.readTree(notification.payload()));
            return json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored payload of notification " + notification.id() + " is not JSON", e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "the connection failed" : message;
    }
}
