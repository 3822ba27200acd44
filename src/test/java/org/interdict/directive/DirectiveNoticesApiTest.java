package org.interdict.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.interdict.notification.MailServer;
import org.interdict.notification.WebhookReceiver;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Tokens;
import org.interdict.support.Waits;
import org.junit.jupiter.api.Test;

/**
 * A block directive in force for an ISP reaches the ISP's contact point by e-mail and its webhook, once, in the
 * transaction that puts it in force; never another ISP's; child-abuse targets only counted; nothing lost while SMTP
 * is down.
 */
@QuarkusTest
class DirectiveNoticesApiTest {

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    DirectiveScheduler scheduler;


    static String registerWebhook(String isp, String url) {
        return as(Tokens.ispEngineer("eng-" + isp, isp)).body(Map.of("url", url)).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("secret");
    }

    private static long submitted(String isp, String category, Instant effectiveFrom, String... lines) {
        Map<String, Object> body = new HashMap<>(Api.directive(Api.unique("CD"), effectiveFrom, null));
        body.put("audience", Map.of("isps", List.of(isp)));
        body.put("category", category);
        long id = as(OFFICER).body(body).post("/api/v1/directives").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Api.addTargets(id, lines);
        as(OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
        return id;
    }

    private static void approve(long id) {
        as(SUPERVISOR).body(Map.of("confirmFlaggedTargets", List.of())).post("/api/v1/directives/" + id + "/approve")
                .then().statusCode(200);
    }

    @Test
    void theAddressedIspIsToldOnceByEmailAndSignedWebhookAndAnotherIspNever() throws Exception {
        try (WebhookReceiver addressedHook = WebhookReceiver.start(); WebhookReceiver otherHook = WebhookReceiver.start()) {
            String isp = Api.newIspWithContact();
            String other = Api.newIspWithContact();
            String secret = registerWebhook(isp, addressedHook.url("/hook"));
            registerWebhook(other, otherHook.url("/hook"));
            String host = Api.unique("scam") + ".example.vn";
            long id = submitted(isp, "fraud", Instant.now().minusSeconds(60), host,
                    "https://" + Api.unique("pay") + ".example.vn/login");
            approve(id);

            MimeMessage mail = MailServer.awaitMessagesTo("noc@" + isp + ".example", 1).get(0);
            assertThat(mail.getSubject()).contains("New block directive");
            String text = GreenMailUtil.getBody(mail);
            assertThat(text).contains("mic").contains("fraud").contains(host);

            WebhookReceiver.Received call = addressedHook.awaitRequests(1).get(0);
            call.assertSignedWith(secret);
            assertThat(call.header("Interdict-Event")).isEqualTo("directive.effective");
            JsonNode data = json.readTree(call.body()).get("data");
            assertThat(data.get("directive").asLong()).isEqualTo(id);
            assertThat(data.get("authority").asText()).isEqualTo("mic");
            assertThat(data.get("category").asText()).isEqualTo("fraud");
            assertThat(data.get("targetCount").asInt()).isEqualTo(2);
            assertThat(data.get("targets").toString()).contains(host);
            assertThat(data.get("enforcementDeadlineMinutes").asInt()).isPositive();
            assertThat(Instant.parse(data.get("enforcementDeadline").asText()))
                    .isAfter(Instant.parse(data.get("inForceSince").asText()));

            Waits.delivered("directive:" + id + ":effective", 2);
            assertThat(addressedHook.received()).hasSize(1);
            assertThat(MailServer.messagesTo("noc@" + isp + ".example")).hasSize(1);
            assertThat(otherHook.received()).isEmpty();
            assertThat(MailServer.messagesTo("noc@" + other + ".example")).isEmpty();
            assertThat(Db.queryString("select count(*) from notification where cause = ? and owner = ?",
                    "directive:" + id + ":effective", "isp:" + other)).isEqualTo("0");
        }
    }

    @Test
    void childAbuseTargetsAreCountedNeverListed() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            String isp = Api.newIspWithContact();
            registerWebhook(isp, hook.url("/hook"));
            String host = Api.unique("csam") + ".example.vn";
            approve(submitted(isp, "child-abuse", Instant.now().minusSeconds(60), host));

            JsonNode data = json.readTree(hook.awaitRequests(1).get(0).body()).get("data");
            assertThat(data.get("targetCount").asInt()).isEqualTo(1);
            assertThat(data.get("targetCounts").get("DOMAIN").asInt()).isEqualTo(1);
            assertThat(data.has("targets")).isFalse();
            assertThat(hook.received().get(0).text()).doesNotContain(host);
            assertThat(GreenMailUtil.getBody(MailServer.awaitMessagesTo("noc@" + isp + ".example", 1).get(0)))
                    .doesNotContain(host);
        }
    }

    @Test
    void aScheduledDirectiveIsToldWhenItIsActivatedNotWhenApproved() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            String isp = Api.newIspWithContact();
            registerWebhook(isp, hook.url("/hook"));
            long id = submitted(isp, "gambling", Instant.now().plusSeconds(3600), Api.unique("bet") + ".example.vn");
            approve(id);
            assertThat(Db.queryString("select status from directive where id = ?", id)).isEqualTo("SCHEDULED");
            assertThat(Db.queryString("select count(*) from notification where cause = ?",
                    "directive:" + id + ":effective")).isEqualTo("0");

            Db.update("update directive set effective_from = now() - interval '1 second' where id = ?", id);
            scheduler.applyTransitions();

            assertThat(hook.awaitRequests(1).get(0).header("Interdict-Event")).isEqualTo("directive.effective");
            assertThat(MailServer.awaitMessagesTo("noc@" + isp + ".example", 1)).hasSize(1);
            scheduler.applyTransitions();
            Waits.delivered("directive:" + id + ":effective", 2);
            assertThat(hook.received()).hasSize(1);
        }
    }

    @Test
    void aNoticeQueuedWhileSmtpIsDownArrivesOnceItIsBack() {
        String isp = Api.newIspWithContact();
        long id = submitted(isp, "fraud", Instant.now().minusSeconds(60), Api.unique("outage") + ".example.vn");
        String to = "noc@" + isp + ".example";
        MailServer.stopServer();
        try {
            approve(id);
            awaitAttempts(to);
            assertThat(Db.queryString("select state from notification where recipient = ?", to)).isEqualTo("pending");
        } finally {
            MailServer.startServer();
        }
        assertThat(MailServer.awaitMessagesTo(to, 1)).hasSize(1);
        Waits.delivered("directive:" + id + ":effective", 1);
        assertThat(MailServer.messagesTo(to)).hasSize(1);
    }

    private static void awaitAttempts(String recipient) {
        Waits.until(() -> {
            String made = Db.queryString("select attempts from notification where recipient = ?", recipient);
            return made != null && Integer.parseInt(made) >= 1;
        }, recipient + " attempted");
    }
}
