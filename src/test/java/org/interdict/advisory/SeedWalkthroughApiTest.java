package org.interdict.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.interdict.support.Api.ADMIN;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * The README's walkthrough of the seed's other half, on fresh ISPs, agencies and a provincial Department standing in
 * for vnpt, viettel, qnam-health, dnang-ioc and dic-quang-nam, so that it runs beside every other test.
 */
@QuarkusTest
class SeedWalkthroughApiTest {

    @Test
    void spring4ShellAdvisoryAlertPeriodAndADdosIncidentTurnedIntoADirective() throws Exception {
        String ispA = isp();
        String ispB = isp();
        String health = Api.newAgency();
        String ioc = Api.newAgency();
        String department = Api.unique("dic-walk");
        as(ADMIN).body(Map.of("id", department, "nameVi", "Sở " + department, "nameEn", "Department " + department,
                "level", "PROVINCIAL", "parent", "mic", "scope", Map.of("isps", List.of(ispA, ispB))))
                .post("/api/v1/authorities").then().statusCode(201);
        String qnamOfficer = Tokens.ofAuthority(department, "walk-officer", "officer");
        String qnamSupervisor = Tokens.ofAuthority(department, "walk-supervisor", "supervisor");
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            // The first ISP's engineer registers a webhook: what e-mails its contact point also reaches it, signed.
            String secret = as(Tokens.ispEngineer("walk-eng-a", ispA)).body(Map.of("url", hook.url("/walk")))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("secret");
            walk(ispA, ispB, health, ioc, department, qnamOfficer, qnamSupervisor);
            Waits.until(() -> events(hook).containsAll(List.of("advisory.published", "alert-period.declared",
                    "directive.effective")), "the walkthrough's webhook events");
            for (WebhookReceiver.Received call : hook.received()) {
                call.assertSignedWith(secret);
            }
        }
    }

    private static List<String> events(WebhookReceiver hook) {
        return hook.received().stream().map(call -> call.header("Interdict-Event")).toList();
    }

    private static void walk(String ispA, String ispB, String health, String ioc, String department,
            String qnamOfficer, String qnamSupervisor) {

        // The Ministry publishes the Spring4Shell advisory to every agency and ISP.
        long advisory = as(OFFICER).body(AdvisoryApiTest.spring4Shell(Map.of("allIsps", true, "allAgencies", true),
                Instant.now().plus(7, ChronoUnit.DAYS))).post("/api/v1/advisories").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(SUPERVISOR).post("/api/v1/advisories/" + advisory + "/publish").then().statusCode(200);

        // The Department declares the 30/4 - 1/5 alert period: 10 minutes to enforce instead of 30.
        long period = as(qnamOfficer).body(Map.of("name", "Lễ 30/4 – 1/5",
                        "from", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "to", Instant.now().plus(2, ChronoUnit.DAYS).toString(), "level", "highest",
                        "audience", Map.of("isps", List.of(ispA, ispB), "agencies", List.of(health, ioc)),
                        "enforcementDeadlineMinutes", 10, "applianceSilenceMinutes", 5))
                .post("/api/v1/alert-periods").then().statusCode(201).extract().jsonPath().getLong("id");

        // Two recipients acknowledge, one reports patched, one stays silent and, past the deadline, is late.
        String base = "/api/v1/advisories/" + advisory + "/recipients/";
        as(Tokens.agency("walk-health", health)).post(base + "agency:" + health + "/acknowledgement")
                .then().statusCode(200);
        as(Tokens.ispEngineer("walk-eng-a", ispA)).post(base + "isp:" + ispA + "/acknowledgement").then().statusCode(200);
        as(Tokens.ispEngineer("walk-eng-a", ispA)).body(Map.of("status", "patched", "note", "Spring 5.3.18"))
                .post(base + "isp:" + ispA + "/status").then().statusCode(200);
        Db.update("update advisory set remediation_deadline = now() - interval '1 minute' where id = ?", advisory);
        JsonPath tracking = as(OFFICER).get("/api/v1/advisories/" + advisory + "/tracking").then().statusCode(200)
                .extract().jsonPath();
        assertThat(standing(tracking, "isp:" + ispA)).isEqualTo("patched");
        assertThat(standing(tracking, "agency:" + health)).isEqualTo("late");
        assertThat(standing(tracking, "agency:" + ioc)).isEqualTo("late");

        // An ISP reports a DDoS with indicators; the Department's officer turns it into a draft, its supervisor
        // approves it, and the directive takes the period's 10-minute deadline.
        String c2 = Api.unique("ddos-c2") + ".example.vn";
        long incident = as(Tokens.ispEngineer("walk-eng-a", ispA)).body(Map.of("type", "ddos", "severity", "high",
                        "detectedAt", Instant.now().minusSeconds(600).toString(), "affectedSystems", "Resolvers",
                        "indicators", c2 + "\nhttp://" + c2 + "/panel"))
                .post("/api/v1/recipients/isp:" + ispA + "/incidents").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long directive = as(qnamOfficer).post("/api/v1/incidents/" + incident + "/directive-draft").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        as(qnamOfficer).post("/api/v1/directives/" + directive + "/submit").then().statusCode(200);
        as(qnamSupervisor).body(Map.of("confirmFlaggedTargets", List.of()))
                .post("/api/v1/directives/" + directive + "/approve").then().statusCode(200)
                .body("enforcementDeadlineMinutes", equalTo(10));

        // The ISP's contact point received the advisory and the alert period (and the directive now in force for it).
        Waits.until(() -> {
            List<String> subjects = MailServer.messagesTo("noc@" + ispA + ".example").stream()
                    .map(SeedWalkthroughApiTest::subject).toList();
            return subjects.stream().anyMatch(s -> s.contains("Spring4Shell"))
                    && subjects.stream().anyMatch(s -> s.contains("Lễ 30/4 – 1/5"));
        }, "the advisory's and the alert period's e-mails to the ISP's contact point");
        assertThat(Db.queryString("select summary->>'alertPeriod' from audit_entry where subject_type = 'directive'"
                + " and subject_id = ? and action like '%approved'", String.valueOf(directive)))
                .isEqualTo(String.valueOf(period));
    }

    private static String isp() {
        String id = Api.unique("isp");
        as(ADMIN).body(Map.of("id", id, "legalName", "ISP " + id, "licenceNumber", "L-" + id,
                "contact", Map.of("department", "NOC", "email", "noc@" + id + ".example")))
                .post("/api/v1/isps").then().statusCode(201);
        return id;
    }

    private static String standing(JsonPath tracking, String recipient) {
        return tracking.getString("recipients.find { it.recipient == '" + recipient + "' }.standing");
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
