package org.interdict.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.interdict.notification.MailServer;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AlertPeriodApiTest {

    private static final String QNAM_OFFICER = Tokens.ofAuthority("dic-quang-nam", "qnam-officer-test", "officer");
    private static final String QNAM_SUPERVISOR = Tokens.ofAuthority("dic-quang-nam", "qnam-supervisor-test",
            "supervisor");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** "Lễ 30/4 – 1/5" for the ISPs and agencies listed, from a day ago to two days ahead: 10 minutes, 5 minutes. */
    static long declare(List<String> isps, List<String> agencies) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Lễ 30/4 – 1/5");
        body.put("from", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        body.put("to", Instant.now().plus(2, ChronoUnit.DAYS).toString());
        body.put("level", "highest");
        body.put("audience", Map.of("isps", isps, "agencies", agencies));
        body.put("enforcementDeadlineMinutes", 10);
        body.put("applianceSilenceMinutes", 5);
        return as(QNAM_OFFICER).body(body).post("/api/v1/alert-periods").then().statusCode(201)
                .body("authority", equalTo("dic-quang-nam")).body("active", equalTo(true))
                .body("declaredBy", equalTo("qnam-officer-test"))
                .body("declaredByName", equalTo("Test qnam-officer-test")).extract().jsonPath().getLong("id");
    }

    @Test
    void directivesApprovedDuringThePeriodTakeItsShorterDeadline() {
        String addressed = Api.newIsp();
        String outside = Api.newIsp();
        long period = declare(List.of(addressed), List.of());

        long during = Api.approvedFor(List.of(addressed), Api.unique("ALERT"), Api.unique("alert") + ".example.vn");
        as(OFFICER).get("/api/v1/directives/" + during).then().statusCode(200)
                .body("enforcementDeadlineMinutes", equalTo(10));
        assertThat(Db.queryString("select summary->>'alertPeriod' from audit_entry where subject_type = 'directive'"
                + " and subject_id = ? and action like '%approved'", String.valueOf(during)))
                .isEqualTo(String.valueOf(period));
        as(OFFICER).get("/api/v1/directives/" + during + "/enforcement").then().statusCode(200)
                .body("deadlineMinutes", equalTo(10));

        long elsewhere = Api.approvedFor(List.of(outside), Api.unique("ALERT"), Api.unique("calm") + ".example.vn");
        as(OFFICER).get("/api/v1/directives/" + elsewhere).then().statusCode(200)
                .body("enforcementDeadlineMinutes", nullValue());
    }

    @Test
    void appliancesOfItsIspsAreFlaggedSilentSooner() {
        String addressed = Api.newIsp();
        String outside = Api.newIsp();
        declare(List.of(addressed), List.of());
        Api.registerAppliance(addressed, "resolver-1");
        Api.registerAppliance(outside, "resolver-1");
        Db.update("update appliance set last_seen_at = now() - interval '8 minutes' where isp_id in (?, ?)",
                addressed, outside);
        as(OFFICER).queryParam("isp", addressed).get("/api/v1/compliance").then().statusCode(200)
                .body("isps[0].appliancesDetail[0].silent", equalTo(true));
        as(OFFICER).queryParam("isp", outside).get("/api/v1/compliance").then().statusCode(200)
                .body("isps[0].appliancesDetail[0].silent", equalTo(false));
    }

    @Test
    void recipientsOweADailySituationReportAndMissedDaysShow() throws Exception {
        String isp = Api.newIsp();
        String agency = Api.newAgency();
        String otherAgency = Api.newAgency();
        long period = declare(List.of(isp), List.of(agency));
        String person = Tokens.agency("p-" + agency, agency);
        String reports = "/api/v1/alert-periods/" + period + "/recipients/agency:" + agency + "/situation-reports";

        assertThat(MailServer.awaitMessagesTo("it@" + agency + ".example", 1).get(0).getSubject())
                .contains("Lễ 30/4 – 1/5");
        as(person).body(Map.of("noIncident", true)).post(reports).then().statusCode(201)
                .body("state", equalTo("reported")).body("reportedBy", equalTo("p-" + agency))
                .body("reportedByName", equalTo("Test p-" + agency));
        as(person).body(Map.of("noIncident", true)).post(reports).then().statusCode(409)
                .body("code", equalTo("already-reported"));
        as(person).body(Map.of("noIncident", false)).post(reports).then().statusCode(400)
                .body("violations[0].field", equalTo("summary"));
        as(Tokens.agency("p-" + otherAgency, otherAgency)).get("/api/v1/alert-periods/" + period).then().statusCode(404);
        as(Tokens.agency("p-" + otherAgency, otherAgency)).body(Map.of("noIncident", true)).post(reports)
                .then().statusCode(404);
        as(person).get("/api/v1/alert-periods/" + period).then().statusCode(200)
                .body("audience.agencies", nullValue());

        JsonPath situation = as(OFFICER).get("/api/v1/alert-periods/" + period + "/situation-reports")
                .then().statusCode(200).extract().jsonPath();
        LocalDate today = LocalDate.now(VIETNAM);
        assertThat(state(situation, "agency:" + agency, today)).isEqualTo("reported");
        assertThat(situation.getString("find { it.recipient == 'agency:" + agency + "' && it.day == '" + today
                + "' }.reportedByName")).isEqualTo("Test p-" + agency);
        assertThat(state(situation, "isp:" + isp, today)).isEqualTo("due");
        assertThat(state(situation, "isp:" + isp, today.minusDays(1))).isEqualTo("missed");
        assertThat(situation.getList("recipient", String.class)).doesNotContain("agency:" + otherAgency);

        // A recipient reads its own days only; one the period does not address finds it not found.
        JsonPath own = as(person).get("/api/v1/alert-periods/" + period + "/situation-reports").then()
                .statusCode(200).extract().jsonPath();
        assertThat(own.getList("recipient", String.class)).containsOnly("agency:" + agency);
        assertThat(state(own, "agency:" + agency, today)).isEqualTo("reported");
        assertThat(state(own, "agency:" + agency, today.minusDays(1))).isEqualTo("missed");
        as(Tokens.ispEngineer("eng-" + isp, isp)).get("/api/v1/alert-periods/" + period + "/situation-reports")
                .then().statusCode(200).body("recipient.unique()", equalTo(List.of("isp:" + isp)));
        as(Tokens.agency("p-" + otherAgency, otherAgency)).get("/api/v1/alert-periods/" + period
                + "/situation-reports").then().statusCode(404);
    }

    @Test
    void anOpenPeriodIsEditedByItsAuthorityWithItsVersionAndItsRecipientsAreTold() throws Exception {
        String isp = Api.newIsp();
        String agency = Api.newAgency();
        String added = Api.newAgency();
        long period = declare(List.of(isp), List.of(agency));
        String path = "/api/v1/alert-periods/" + period;
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Lễ 30/4 – 1/5 (kéo dài)");
        body.put("from", as(OFFICER).get(path).then().extract().path("from"));
        body.put("to", Instant.now().plus(3, ChronoUnit.DAYS).toString());
        body.put("level", "high");
        body.put("audience", Map.of("isps", List.of(isp), "agencies", List.of(agency, added)));
        body.put("enforcementDeadlineMinutes", 15);

        as(QNAM_OFFICER).header("If-Match", "\"0\"").body(body).put(path).then().statusCode(200)
                .body("version", equalTo(1)).body("level", equalTo("high"))
                .body("enforcementDeadlineMinutes", equalTo(15)).body("updatedBy", equalTo("qnam-officer-test"))
                .body("updatedByName", equalTo("Test qnam-officer-test"));
        // The second of two people editing from version 0 is refused.
        as(QNAM_SUPERVISOR).header("If-Match", "\"0\"").body(body).put(path).then().statusCode(409)
                .body("code", equalTo("stale-version"));
        assertThat(MailServer.awaitMessagesTo("it@" + added + ".example", 1).get(0).getSubject())
                .contains("Alert period changed").contains("(kéo dài)");
        MailServer.awaitMessagesTo("it@" + agency + ".example", 2);
        assertThat(Db.queryString("select count(*) from audit_entry where subject_type = 'alert-period'"
                + " and subject_id = ? and action = 'alert-period.updated'", String.valueOf(period))).isEqualTo("1");

        as(Tokens.ofAuthority("dic-da-nang", "dnang-officer-test", "officer")).body(body).put(path).then()
                .statusCode(403).body("code", equalTo("other-authority"));
        body.put("to", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        as(QNAM_OFFICER).body(body).put(path).then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
        body.put("to", Instant.now().plus(3, ChronoUnit.DAYS).toString());
        body.put("from", Instant.now().minus(3, ChronoUnit.DAYS).toString());
        as(QNAM_OFFICER).body(body).put(path).then().statusCode(400)
                .body("violations[0].code", equalTo("already-started"));
    }

    @Test
    void aCancelledPeriodEndsNowWithItsReasonAndCanNoLongerChange() throws Exception {
        String isp = Api.newIsp();
        String agency = Api.newAgency();
        long period = declare(List.of(isp), List.of(agency));
        String path = "/api/v1/alert-periods/" + period;

        as(QNAM_OFFICER).body(Map.of("reason", " ")).post(path + "/cancel").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(QNAM_OFFICER).header("If-Match", "\"7\"").body(Map.of("reason", "Bão đã qua")).post(path + "/cancel")
                .then().statusCode(409).body("code", equalTo("stale-version"));
        as(QNAM_OFFICER).header("If-Match", "\"0\"").body(Map.of("reason", "Bão đã qua")).post(path + "/cancel")
                .then().statusCode(200).body("active", equalTo(false)).body("version", equalTo(1))
                .body("cancellationReason", equalTo("Bão đã qua")).body("cancelledBy", equalTo("qnam-officer-test"))
                .body("cancelledByName", equalTo("Test qnam-officer-test"));
        assertThat(MailServer.awaitMessagesTo("it@" + agency + ".example", 2).get(1).getSubject())
                .contains("Alert period cancelled");
        as(QNAM_OFFICER).body(Map.of("reason", "again")).post(path + "/cancel").then().statusCode(409)
                .body("code", equalTo("alert-period-cancelled"));
        as(QNAM_OFFICER).body(Map.of("reason", "unknown")).post("/api/v1/alert-periods/999999999/cancel").then()
                .statusCode(404);
        // No longer in force: directives approved now keep their own deadline.
        long after = Api.approvedFor(List.of(isp), Api.unique("ALERT"), Api.unique("after") + ".example.vn");
        as(OFFICER).get("/api/v1/directives/" + after).then().statusCode(200)
                .body("enforcementDeadlineMinutes", nullValue());
        assertThat(Db.queryString("select summary->>'reason' from audit_entry where subject_type = 'alert-period'"
                + " and subject_id = ? and action = 'alert-period.cancelled'", String.valueOf(period)))
                .isEqualTo("Bão đã qua");
    }

    @Test
    void aPeriodAndAReportRecordedBeforeNamesWereKeptShowTheSubjectAsTheName() {
        String agency = Api.newAgency();
        long period = declare(List.of(), List.of(agency));
        as(Tokens.agency("p-" + agency, agency)).body(Map.of("noIncident", true))
                .post("/api/v1/alert-periods/" + period + "/recipients/agency:" + agency + "/situation-reports")
                .then().statusCode(201);
        Db.update("update alert_period set declared_by_name = null where id = ?", period);
        Db.update("update situation_report set reported_by_name = null where alert_period_id = ?", period);

        as(OFFICER).get("/api/v1/alert-periods/" + period).then().statusCode(200)
                .body("declaredByName", equalTo("qnam-officer-test")).body("updatedByName", nullValue());
        as(OFFICER).get("/api/v1/alert-periods/" + period + "/situation-reports").then().statusCode(200)
                .body("find { it.state == 'reported' }.reportedByName", equalTo("p-" + agency));
    }

    @Test
    void aPeriodThatHasEndedCanNoLongerBeEditedOrCancelled() {
        long period = declare(List.of(Api.newIsp()), List.of());
        Db.update("update alert_period set starts_at = now() - interval '3 days', ends_at = now() - interval '1 day'"
                + " where id = ?", period);
        String path = "/api/v1/alert-periods/" + period;
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Lễ 30/4 – 1/5");
        body.put("from", Instant.now().minus(3, ChronoUnit.DAYS).toString());
        body.put("to", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        body.put("level", "high");
        body.put("audience", Map.of("allIsps", true));
        as(QNAM_OFFICER).body(body).put(path).then().statusCode(409).body("code", equalTo("alert-period-ended"));
        as(QNAM_OFFICER).body(Map.of("reason", "late")).post(path + "/cancel").then().statusCode(409)
                .body("code", equalTo("alert-period-ended"));
        as(QNAM_OFFICER).get(path).then().statusCode(200).body("version", equalTo(0)).body("active", equalTo(false));
    }

    @Test
    void complianceShowsWhoMissedAReportOrADeadlineDuringThePeriod() {
        String isp = Api.newIsp();
        String agency = Api.newAgency();
        long period = declare(List.of(isp), List.of(agency));
        as(Tokens.agency("p-" + agency, agency)).body(Map.of("noIncident", true, "day",
                        LocalDate.now(VIETNAM).minusDays(1).toString()))
                .post("/api/v1/alert-periods/" + period + "/recipients/agency:" + agency + "/situation-reports")
                .then().statusCode(201);
        long directive = Api.approvedFor(List.of(isp), Api.unique("ALERT"), Api.unique("missed") + ".example.vn");
        // Approved 20 minutes ago, its 10-minute deadline passed with no appliance of the ISP applying it.
        Db.update("update directive set decided_at = now() - interval '20 minutes',"
                + " effective_from = now() - interval '30 minutes' where id = ?", directive);

        JsonPath missed = as(QNAM_OFFICER).queryParam("alertPeriod", period).get("/api/v1/compliance/alert-periods")
                .then().statusCode(200).extract().jsonPath().setRootPath("[0]");
        LocalDate yesterday = LocalDate.now(VIETNAM).minusDays(1);
        assertThat(missed.getList("missedReports.findAll { it.recipient == 'isp:" + isp + "' }.day"))
                .contains(yesterday.toString());
        assertThat(missed.getList("missedReports.recipient")).doesNotContain("agency:" + agency);
        assertThat(missed.getList("missedDeadlines.findAll { it.isp == '" + isp + "' }.directive", Long.class))
                .containsExactly(directive);
        // Narrowed to an ISP the period does not address, the period is not shown.
        assertThat(as(QNAM_OFFICER).queryParam("isp", Api.newIsp()).get("/api/v1/compliance/alert-periods").then()
                .statusCode(200).extract().jsonPath().getList("alertPeriod", Long.class)).doesNotContain(period);
        // Another authority's people do not see the period.
        as(Tokens.ofAuthority("dic-da-nang", "dnang-officer-test", "officer")).queryParam("alertPeriod", period)
                .get("/api/v1/compliance/alert-periods").then().statusCode(404);
        as(Tokens.ispEngineer("eng-" + isp, isp)).get("/api/v1/compliance/alert-periods").then().statusCode(403);
    }

    private static String state(JsonPath situation, String recipient, LocalDate day) {
        return situation.getString("find { it.recipient == '" + recipient + "' && it.day == '" + day + "' }.state");
    }
}
