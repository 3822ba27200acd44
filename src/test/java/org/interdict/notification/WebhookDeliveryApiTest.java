package org.interdict.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.interdict.persistence.Transactions;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

/** Webhook events reach a real HTTP receiver, signed, retried until it accepts them, and given up after the last try. */
@QuarkusTest
class WebhookDeliveryApiTest {

    @Inject
    Notifications notifications;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anEventIsPostedSignedWithTheEndpointsSecret() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String isp = Api.newIsp();
            String secret = register(isp, receiver.url("/interdict"));

            queue("isp:" + isp, "advisory.published", Map.of("advisory", 7, "title", "Lỗ hổng OpenSSL"),
                    "advisory:7:published");

            WebhookReceiver.Received call = receiver.awaitRequests(1).get(0);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/interdict");
            assertThat(call.header("Content-Type")).startsWith("application/json");
            assertThat(call.header("Interdict-Event")).isEqualTo("advisory.published");
            String id = Db.queryString("select id from notification where owner = ?", "isp:" + isp);
            assertThat(call.header("Interdict-Delivery")).isEqualTo(id);
            call.assertSignedWith(secret);

            JsonNode body = json.readTree(call.body());
            assertThat(body.get("event").asText()).isEqualTo("advisory.published");
            assertThat(body.get("id").asText()).isEqualTo(id);
            assertThat(Instant.parse(body.get("occurredAt").asText())).isBefore(Instant.now().plusSeconds(1));
            assertThat(body.get("data").get("advisory").asInt()).isEqualTo(7);
            assertThat(body.get("data").get("title").asText()).isEqualTo("Lỗ hổng OpenSSL");

            EmailDeliveryApiTest.await(() -> "delivered".equals(state(id)), "notification " + id + " delivered");
            assertThat(Db.queryString("select http_status || ' ' || delivered from notification_attempt"
                    + " where notification_id = ?", Long.parseLong(id))).isEqualTo("200 true");
        }
    }

    @Test
    void aReceiverAnswering500IsCalledAgainWithTheSameDeliveryIdUntilItAccepts() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().answer(500)) {
            String isp = Api.newIsp();
            String secret = register(isp, receiver.url("/hook"));

            queue("isp:" + isp, "incident.reported", Map.of("incident", 3), "incident:3:reported");

            List<WebhookReceiver.Received> calls = receiver.awaitRequests(2);
            assertThat(calls.get(1).header("Interdict-Delivery")).isEqualTo(calls.get(0).header("Interdict-Delivery"));
            calls.get(1).assertSignedWith(secret);
            String id = calls.get(0).header("Interdict-Delivery");
            EmailDeliveryApiTest.await(() -> "delivered".equals(state(id)), "notification " + id + " delivered");
            assertThat(Db.queryString("select string_agg(coalesce(http_status::text, '-') || ':' || delivered, ','"
                    + " order by id) from notification_attempt where notification_id = ?", Long.parseLong(id)))
                    .isEqualTo("500:false,200:true");
            assertThat(Db.queryString("select attempts from notification where id = ?", Long.parseLong(id)))
                    .isEqualTo("2");
        }
    }

    @Test
    void aReceiverThatNeverAcceptsIsGivenUpAfterTheLastAttemptAndCounted() {
        double before = failedWebhooks();
        try (WebhookReceiver receiver = WebhookReceiver.start().answer(503, 503, 503, 503, 503, 503)) {
            String isp = Api.newIsp();
            register(isp, receiver.url("/down"));

            queue("isp:" + isp, "incident.reported", Map.of("incident", 4), "incident:4:reported");

            String id = Db.queryString("select id from notification where owner = ?", "isp:" + isp);
            EmailDeliveryApiTest.await(() -> "failed".equals(state(id)), "notification " + id + " failed");
            // interdict.notifications.max-attempts is 4 in tests.
            assertThat(receiver.received()).hasSize(4);
            assertThat(Db.queryString("select attempts || ' ' || last_error from notification where id = ?",
                    Long.parseLong(id))).isEqualTo("4 the receiver answered HTTP 503");
            // Other owners' calls may fail meanwhile (the suite shares one service), so at least this one is counted.
            assertThat(failedWebhooks()).isGreaterThanOrEqualTo(before + 1);
        }
    }

    @Test
    void nothingIsQueuedForAnOwnerWithoutActiveEndpoints() {
        String isp = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        long id = Api.as(engineer).body(Map.of("url", "http://127.0.0.1:9/hook")).post("/api/v1/webhooks").then()
                .statusCode(201).extract().jsonPath().getLong("webhook.id");
        Api.as(engineer).post("/api/v1/webhooks/" + id + "/deactivate").then().statusCode(200);

        queue("isp:" + isp, "advisory.published", Map.of("advisory", 8), "advisory:8:published");
        queue("isp:no-endpoints-" + isp, "advisory.published", Map.of("advisory", 8), "advisory:8:published");

        assertThat(Db.queryString("select count(*) from notification where owner in (?, ?)", "isp:" + isp,
                "isp:no-endpoints-" + isp)).isEqualTo("0");
    }

    @Test
    void callsWaitingForAnEndpointAreGivenUpWhenItIsDeactivated() {
        String isp = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        // Port 9 (discard) refuses connections on loopback: every attempt fails and the call keeps waiting.
        long endpoint = Api.as(engineer).body(Map.of("url", "http://127.0.0.1:9/hook")).post("/api/v1/webhooks")
                .then().statusCode(201).extract().jsonPath().getLong("webhook.id");
        queue("isp:" + isp, "advisory.published", Map.of("advisory", 9), "advisory:9:published");
        String id = Db.queryString("select id from notification where owner = ?", "isp:" + isp);
        EmailDeliveryApiTest.await(() -> !"0".equals(Db.queryString("select attempts from notification where id = ?",
                Long.parseLong(id))), "a first attempt");

        Api.as(engineer).post("/api/v1/webhooks/" + endpoint + "/deactivate").then().statusCode(200);

        assertThat(Db.queryString("select state || ' ' || last_error from notification where id = ?",
                Long.parseLong(id))).isEqualTo("failed " + WebhookEndpoints.DEACTIVATED);
    }

    private double failedWebhooks() {
        return metrics.get("interdict.notifications.failed").tag("channel", "webhook").counter().count();
    }

    private static String register(String isp, String url) {
        return Api.as(Tokens.ispEngineer("eng-" + isp, isp)).body(Map.of("url", url)).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("secret");
    }

    private void queue(String owner, String event, Object payload, String cause) {
        Transactions.inTransaction(dataSource, c -> {
            notifications.webhook(c, owner, event, payload, cause);
            return null;
        });
    }

    private static String state(String id) {
        return Db.queryString("select state from notification where id = ?", Long.parseLong(id));
    }
}
