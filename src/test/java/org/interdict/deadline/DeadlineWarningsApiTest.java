package org.interdict.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.interdict.notification.MailServer;
import org.interdict.notification.WebhookReceiver;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Rulesets;
import org.interdict.support.Tokens;
import org.interdict.support.Waits;
import org.junit.jupiter.api.Test;

/**
 * Deadlines about to pass are warned of once, to the recipients that have not done what the deadline asks, however
 * many runs there are, on one replica or two at once.
 */
@QuarkusTest
class DeadlineWarningsApiTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    DeadlineWarnings warnings;


    private static String registerWebhook(String token, String url) {
        return as(token).body(Map.of("url", url)).post("/api/v1/webhooks").then().statusCode(201).extract()
                .path("secret");
    }

    /** Two runs at once, as two replicas would, then a third: the warnings due are sent by exactly one of them. */
    private void runTwiceAtOnceAndAgain() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = threads.submit(warnings::warnDue);
            Future<Integer> second = threads.submit(warnings::warnDue);
            first.get();
            second.get();
        } finally {
            threads.shutdown();
        }
        warnings.warnDue();
    }

    private static List<WebhookReceiver.Received> calls(WebhookReceiver receiver, String event) {
        return receiver.received().stream().filter(r -> event.equals(r.header("Interdict-Event"))).toList();
    }

    @Test
    void anIspNotYetEnforcingADirectiveIsWarnedOnceBeforeItsEnforcementDeadline() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            String isp = Api.newIspWithContact();
            String enforcing = Api.newIspWithContact();
            String secret = registerWebhook(Tokens.ispEngineer("eng-" + isp, isp), hook.url("/hook"));
            Api.registerAppliance(isp, "resolver-1");
            String applied = Api.registerAppliance(enforcing, "resolver-1");
            long before = Rulesets.current(enforcing);
            Map<String, Object> body = new HashMap<>(Api.directive(Api.unique("DL"), Instant.now().minusSeconds(60),
                    null));
            body.put("audience", Map.of("isps", List.of(isp, enforcing)));
            body.put("enforcementDeadlineMinutes", 3);
            long id = as(OFFICER).body(body).post("/api/v1/directives").then().statusCode(201).extract().jsonPath()
                    .getLong("id");
            Api.addTargets(id, Api.unique("late") + ".example.vn");
            as(OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
            as(SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + id + "/approve").then().statusCode(200);
            // The appliance of the second ISP applies the version carrying the directive; the first ISP's does not.
            long carrying = Rulesets.await(enforcing, r -> r.getLong("current.version") > before)
                    .getLong("current.version");
            as(applied).body(Map.of("version", carrying, "applied", true)).post("/api/v1/appliances/self/status")
                    .then().statusCode(200);

            runTwiceAtOnceAndAgain();

            String cause = "directive:" + id + ":deadline:isp:" + isp;
            Waits.delivered(cause, 2);
            List<WebhookReceiver.Received> warned = calls(hook, "directive.deadline-approaching");
            assertThat(warned).hasSize(1);
            warned.get(0).assertSignedWith(secret);
            JsonNode data = json.readTree(warned.get(0).body()).get("data");
            assertThat(data.get("directive").asLong()).isEqualTo(id);
            assertThat(data.get("isp").asText()).isEqualTo(isp);
            assertThat(Instant.parse(data.get("enforcementDeadline").asText())).isAfter(Instant.now());
            assertThat(MailServer.messagesTo("noc@" + isp + ".example"))
                    .filteredOn(m -> subject(m).contains("Enforcement deadline approaching")).hasSize(1);
            assertThat(data.get("appliancesNotApplied").toString()).contains("resolver-1");
            assertThat(Db.queryString("select count(*) from deadline_warning where kind = 'directive-enforcement'"
                    + " and subject_id = ? and recipient = ?", id, "isp:" + isp)).isEqualTo("1");
            assertThat(Db.queryString("select count(*) from notification where cause = ?",
                    "directive:" + id + ":deadline:isp:" + enforcing)).isEqualTo("0");
            assertThat(MailServer.messagesTo("noc@" + enforcing + ".example"))
                    .filteredOn(m -> subject(m).contains("Enforcement deadline approaching")).isEmpty();
        }
    }

    @Test
    void anAdvisoryRecipientNotYetPatchedIsWarnedOnceAndAPatchedOneNot() throws Exception {
        String silent = Api.newAgency();
        String patched = Api.newAgency();
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            registerWebhook(Tokens.agency("p-" + silent, silent), hook.url("/hook"));
            Map<String, Object> advisory = new HashMap<>();
            advisory.put("title", "Lỗ hổng Spring4Shell " + Api.unique("adv"));
            advisory.put("severity", "critical");
            advisory.put("cves", List.of("CVE-2022-22965"));
            advisory.put("description", "Remote code execution through data binding on JDK 9+.");
            advisory.put("recommendedActions", "Upgrade to Spring Framework 5.3.18 or 5.2.20.");
            advisory.put("remediationDeadline", Instant.now().plus(2, ChronoUnit.HOURS).toString());
            advisory.put("audience", Map.of("agencies", List.of(silent, patched)));
            long id = as(OFFICER).body(advisory).post("/api/v1/advisories").then().statusCode(201).extract()
                    .jsonPath().getLong("id");
            as(SUPERVISOR).post("/api/v1/advisories/" + id + "/publish").then().statusCode(200);
            as(Tokens.agency("p-" + patched, patched)).body(Map.of("status", "patched"))
                    .post("/api/v1/advisories/" + id + "/recipients/agency:" + patched + "/status").then()
                    .statusCode(200);

            runTwiceAtOnceAndAgain();

            Waits.delivered("advisory:" + id + ":deadline:agency:" + silent, 2);
            List<WebhookReceiver.Received> warned = calls(hook, "advisory.deadline-approaching");
            assertThat(warned).hasSize(1);
            JsonNode data = json.readTree(warned.get(0).body()).get("data");
            assertThat(data.get("advisory").asLong()).isEqualTo(id);
            assertThat(data.get("recipient").asText()).isEqualTo("agency:" + silent);
            assertThat(MailServer.messagesTo("it@" + silent + ".example"))
                    .filteredOn(m -> subject(m).contains("Remediation deadline approaching")).hasSize(1);
            assertThat(MailServer.messagesTo("it@" + patched + ".example"))
                    .filteredOn(m -> subject(m).contains("Remediation deadline approaching")).isEmpty();
            assertThat(Db.queryString("select count(*) from notification where cause = ?",
                    "advisory:" + id + ":deadline:agency:" + patched)).isEqualTo("0");
        }
    }

    @Test
    void aRecipientWithoutTodaysSituationReportIsRemindedOnceAndOneThatReportedNot() throws Exception {
        String isp = Api.newIspWithContact();
        String agency = Api.newAgency();
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            String secret = registerWebhook(Tokens.ispEngineer("eng-" + isp, isp), hook.url("/hook"));
            Map<String, Object> period = new HashMap<>();
            period.put("name", "Lễ 30/4 – 1/5 " + Api.unique("p"));
            period.put("from", Instant.now().minus(1, ChronoUnit.DAYS).toString());
            period.put("to", Instant.now().plus(2, ChronoUnit.DAYS).toString());
            period.put("level", "highest");
            period.put("audience", Map.of("isps", List.of(isp), "agencies", List.of(agency)));
            long id = as(Tokens.ofAuthority("dic-quang-nam", "qnam-officer-test", "officer")).body(period)
                    .post("/api/v1/alert-periods").then().statusCode(201).extract().jsonPath().getLong("id");
            as(Tokens.agency("p-" + agency, agency)).body(Map.of("noIncident", true))
                    .post("/api/v1/alert-periods/" + id + "/recipients/agency:" + agency + "/situation-reports")
                    .then().statusCode(201);

            runTwiceAtOnceAndAgain();

            LocalDate today = LocalDate.now(VIETNAM);
            String cause = "alert-period:" + id + ":report-due:" + today + ":isp:" + isp;
            Waits.delivered(cause, 2);
            // Periods that other tests declared for every ISP may remind this one too: only this period's count.
            List<WebhookReceiver.Received> reminded = calls(hook, "alert-period.report-due").stream()
                    .filter(r -> periodOf(r) == id).toList();
            assertThat(reminded).hasSize(1);
            reminded.get(0).assertSignedWith(secret);
            JsonNode data = json.readTree(reminded.get(0).body()).get("data");
            assertThat(data.get("alertPeriod").asLong()).isEqualTo(id);
            assertThat(data.get("day").asText()).isEqualTo(today.toString());
            assertThat(MailServer.messagesTo("noc@" + isp + ".example"))
                    .filteredOn(m -> subject(m).contains("Situation report due: " + period.get("name"))).hasSize(1);
            assertThat(Db.queryString("select count(*) from notification where cause like ?",
                    "alert-period:" + id + ":report-due:%agency:" + agency)).isEqualTo("0");
        }
    }

    private long periodOf(WebhookReceiver.Received call) {
        try {
            return json.readTree(call.body()).get("data").get("alertPeriod").asLong();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
