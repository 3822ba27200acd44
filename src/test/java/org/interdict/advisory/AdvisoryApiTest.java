package org.interdict.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.interdict.support.Api.AUDITOR;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.interdict.notification.MailServer;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdvisoryApiTest {

    /** Spring4Shell, as the seed's advisory, addressed as {@code audience} with the given deadline. */
    static Map<String, Object> spring4Shell(Map<String, Object> audience, Instant deadline) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Lỗ hổng Spring4Shell trong Spring Framework");
        body.put("severity", "critical");
        body.put("cves", List.of("CVE-2022-22965"));
        body.put("affected", List.of(Map.of("product", "Spring Framework", "versions", "5.3.0-5.3.17, 5.2.0-5.2.19")));
        body.put("description", "Remote code execution through data binding on JDK 9+.");
        body.put("recommendedActions", "Upgrade to Spring Framework 5.3.18 or 5.2.20.");
        body.put("references", List.of("https://tanzu.vmware.com/security/cve-2022-22965"));
        body.put("remediationDeadline", deadline.toString());
        body.put("audience", audience);
        return body;
    }

    static long published(Map<String, Object> audience, Instant deadline) {
        long id = as(OFFICER).body(spring4Shell(audience, deadline)).post("/api/v1/advisories")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        as(SUPERVISOR).post("/api/v1/advisories/" + id + "/publish").then().statusCode(200);
        return id;
    }

    @Test
    void anAgencySeesOnlyAdvisoriesAddressedToItAndOnlyItsOwnStanding() {
        String mine = Api.newAgency();
        String other = Api.newAgency();
        String isp = Api.newIsp();
        String person = Tokens.agency("p-" + mine, mine);
        Instant deadline = Instant.now().plus(7, ChronoUnit.DAYS);
        long toMine = published(Map.of("agencies", List.of(mine), "isps", List.of(isp)), deadline);
        long toOther = published(Map.of("agencies", List.of(other)), deadline);

        JsonPath list = as(person).get("/api/v1/advisories").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("id", Long.class)).contains(toMine).doesNotContain(toOther);
        as(person).get("/api/v1/advisories/" + toMine).then().statusCode(200)
                .body("mine.recipient", equalTo("agency:" + mine))
                .body("audience.agencies", nullValue())
                .body("cves", equalTo(List.of("CVE-2022-22965")));
        as(person).get("/api/v1/advisories/" + toOther).then().statusCode(404);
        as(person).post("/api/v1/advisories/" + toOther + "/recipients/agency:" + mine + "/acknowledgement")
                .then().statusCode(404);
        // Another recipient's path is refused before anything is read.
        as(person).post("/api/v1/advisories/" + toOther + "/recipients/agency:" + other + "/acknowledgement")
                .then().statusCode(404);
        as(person).body(Map.of("status", "patched")).post("/api/v1/advisories/" + toMine + "/recipients/isp:" + isp
                + "/status").then().statusCode(404);
        as(Tokens.ispEngineer("e-" + isp, isp)).get("/api/v1/advisories/" + toMine).then().statusCode(200)
                .body("mine.recipient", equalTo("isp:" + isp));
    }

    @Test
    void publicationNeedsASecondPersonOfTheSameAuthority() {
        String both = Tokens.of("officer-and-supervisor", "officer", "supervisor");
        long id = as(both).body(spring4Shell(Map.of("allAgencies", true), Instant.now().plus(1, ChronoUnit.DAYS)))
                .post("/api/v1/advisories").then().statusCode(201).body("status", equalTo("DRAFT"))
                .body("draftedBy", equalTo("officer-and-supervisor"))
                .body("draftedByName", equalTo("Test officer-and-supervisor"))
                .extract().jsonPath().getLong("id");
        as(both).post("/api/v1/advisories/" + id + "/publish").then().statusCode(409).body("code", equalTo("four-eyes"));
        String otherAuthority = Tokens.ofAuthority("dic-da-nang", "dnang-sup", "supervisor");
        as(otherAuthority).post("/api/v1/advisories/" + id + "/publish").then().statusCode(404);
        as(Tokens.agency("p", "qnam-health")).get("/api/v1/advisories/" + id).then().statusCode(404);

        as(SUPERVISOR).post("/api/v1/advisories/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("revision", equalTo(1))
                .body("publishedBy", equalTo("supervisor-chi"))
                .body("publishedByName", equalTo("Test supervisor-chi"));
        as(SUPERVISOR).post("/api/v1/advisories/" + id + "/publish").then().statusCode(409)
                .body("code", equalTo("advisory-published"));
        as(Tokens.agency("p", "qnam-health")).get("/api/v1/advisories/" + id).then().statusCode(200);
        assertThat(Db.queryString("select string_agg(action, ',' order by id) from audit_entry"
                + " where subject_type = 'advisory' and subject_id = ?", String.valueOf(id)))
                .isEqualTo("advisory.drafted,advisory.published");
    }

    @Test
    void twoSupervisorsPublishingAtOnceOneWinsTheOtherGetsAConflict() throws Exception {
        long id = as(OFFICER).body(spring4Shell(Map.of("allIsps", true), Instant.now().plus(1, ChronoUnit.DAYS)))
                .post("/api/v1/advisories").then().statusCode(201).extract().jsonPath().getLong("id");
        String second = Tokens.of("supervisor-giang", "supervisor");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> calls = List.of(
                    () -> as(SUPERVISOR).post("/api/v1/advisories/" + id + "/publish").statusCode(),
                    () -> as(second).post("/api/v1/advisories/" + id + "/publish").statusCode());
            List<Integer> statuses = pool.invokeAll(calls).stream().map(AdvisoryApiTest::get).sorted().toList();
            assertThat(statuses).containsExactly(200, 409);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void badCvesReferencesAndAnEmptyAudienceAreRefusedByField() {
        Map<String, Object> body = spring4Shell(Map.of("allIsps", true), Instant.now());
        body.put("cves", List.of("CVE-2022-22965", "CVE-22-1", "cve-2022-1234"));
        body.put("references", List.of("ftp://example.org/x"));
        JsonPath refused = as(OFFICER).body(body).post("/api/v1/advisories").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        assertThat(refused.getList("violations.field", String.class))
                .contains("cves[1]", "cves[2]", "references[0]").doesNotContain("cves[0]");

        as(OFFICER).body(spring4Shell(Map.of(), Instant.now())).post("/api/v1/advisories").then().statusCode(400)
                .body("violations[0].field", equalTo("audience")).body("violations[0].code", equalTo("no-recipient"));
        as(OFFICER).body(spring4Shell(Map.of("agencies", List.of("no-such-agency")), Instant.now()))
                .post("/api/v1/advisories").then().statusCode(400)
                .body("violations[0].code", equalTo("unknown-agency"));
    }

    @Test
    void theAuthorityTracksWhoAcknowledgedPatchedIsLateOrSilent() {
        String patched = Api.newAgency();
        String acknowledged = Api.newAgency();
        String silent = Api.newAgency();
        Map<String, Object> audience = Map.of("agencies", List.of(patched, acknowledged, silent));
        long id = published(audience, Instant.now().plus(2, ChronoUnit.DAYS));
        String base = "/api/v1/advisories/" + id + "/recipients/agency:";
        as(Tokens.agency("a-" + acknowledged, acknowledged)).post(base + acknowledged + "/acknowledgement")
                .then().statusCode(200).body("acknowledgedRevision", equalTo(1))
                .body("acknowledgedBy", equalTo("a-" + acknowledged))
                .body("acknowledgedByName", equalTo("Test a-" + acknowledged));
        as(Tokens.agency("a-" + patched, patched))
                .body(Map.of("status", "patched", "note", "Upgraded to 5.3.18",
                        "at", Instant.now().minusSeconds(3600).toString()))
                .post(base + patched + "/status").then().statusCode(200).body("status", equalTo("patched"));
        as(Tokens.agency("a-" + patched, patched)).body(Map.of("status", "patched",
                "at", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .post(base + patched + "/status").then().statusCode(400).body("violations[0].field", equalTo("at"));

        JsonPath tracking = as(OFFICER).get("/api/v1/advisories/" + id + "/tracking").then().statusCode(200)
                .extract().jsonPath();
        assertThat(standing(tracking, patched)).isEqualTo("patched");
        assertThat(standing(tracking, acknowledged)).isEqualTo("acknowledged");
        assertThat(standing(tracking, silent)).isEqualTo("silent");
        assertThat(tracking.getInt("counts.silent")).isEqualTo(1);
        assertThat(tracking.getString("recipients.find { it.recipient == 'agency:" + patched
                + "' }.acknowledgedByName")).as("a status report acknowledges").isEqualTo("Test a-" + patched);
        assertThat(Db.queryString("select reported_by_name from advisory_status_report where advisory_id = ?", id))
                .isEqualTo("Test a-" + patched);

        String csv = as(AUDITOR).get("/api/v1/advisories/" + id + "/tracking.csv").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv).startsWith("recipient,name,standing,").contains("agency:" + patched + ",")
                .contains("Upgraded to 5.3.18");
        as(Tokens.ofAuthority("dic-da-nang", "dnang-off", "officer")).get("/api/v1/advisories/" + id + "/tracking")
                .then().statusCode(404);

        // Past the deadline, whoever is not patched is late.
        Db.update("update advisory set remediation_deadline = now() - interval '1 minute' where id = ?", id);
        tracking = as(OFFICER).get("/api/v1/advisories/" + id + "/tracking").then().extract().jsonPath();
        assertThat(standing(tracking, silent)).isEqualTo("late");
        assertThat(standing(tracking, acknowledged)).isEqualTo("late");
        assertThat(standing(tracking, patched)).isEqualTo("patched");
    }

    @Test
    void aRevisionTellsRecipientsAgainAndAWithdrawnAdvisoryTakesNoReports() {
        String agency = Api.newAgency();
        String added = Api.newAgency();
        long id = published(Map.of("agencies", List.of(agency)), Instant.now().plus(2, ChronoUnit.DAYS));
        String person = Tokens.agency("p-" + agency, agency);
        String ack = "/api/v1/advisories/" + id + "/recipients/agency:" + agency + "/acknowledgement";
        as(person).post(ack).then().statusCode(200);

        Map<String, Object> revised = spring4Shell(Map.of("agencies", List.of(agency, added)),
                Instant.now().plus(3, ChronoUnit.DAYS));
        revised.put("recommendedActions", "Upgrade to 5.3.18; as a stop-gap, disallow class.* binding.");
        as(OFFICER).body(revised).post("/api/v1/advisories/" + id + "/revisions").then().statusCode(403);
        as(SUPERVISOR).body(revised).post("/api/v1/advisories/" + id + "/revisions").then().statusCode(200)
                .body("revision", equalTo(2));
        JsonPath tracking = as(OFFICER).get("/api/v1/advisories/" + id + "/tracking").then().extract().jsonPath();
        assertThat(standing(tracking, agency)).as("acknowledged revision 1 only").isEqualTo("silent");
        assertThat(standing(tracking, added)).isEqualTo("silent");
        as(person).post(ack).then().statusCode(200).body("acknowledgedRevision", equalTo(2));

        as(OFFICER).body(Map.of("reason", "Superseded by the vendor's guidance"))
                .post("/api/v1/advisories/" + id + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawnBy", equalTo("officer-an")).body("withdrawnByName", equalTo("Test officer-an"));
        as(person).get("/api/v1/advisories").then().statusCode(200).body("id", hasItem((int) id));
        as(person).post(ack).then().statusCode(409).body("code", equalTo("advisory-withdrawn"));
        as(SUPERVISOR).body(Map.of("reason", "again")).post("/api/v1/advisories/" + id + "/withdraw")
                .then().statusCode(409).body("code", equalTo("advisory-withdrawn"));
    }

    @Test
    void onlyTheAuthorityEditsItsDraftAndOnlyWhileADraft() {
        Map<String, Object> body = spring4Shell(Map.of("allIsps", true), Instant.now().plus(1, ChronoUnit.DAYS));
        long id = as(OFFICER).body(body).post("/api/v1/advisories").then().statusCode(201).header("ETag", "\"0\"")
                .extract().jsonPath().getLong("id");
        body.put("severity", "high");
        as(OFFICER).header("If-Match", "\"0\"").body(body).put("/api/v1/advisories/" + id).then().statusCode(200)
                .body("severity", equalTo("high")).body("version", equalTo(1));
        as(OFFICER).header("If-Match", "\"0\"").body(body).put("/api/v1/advisories/" + id).then().statusCode(409)
                .body("code", equalTo("stale-version"));
        body.put("severity", "urgent");
        as(OFFICER).body(body).put("/api/v1/advisories/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("severity"));
        as(Tokens.ofAuthority("dic-da-nang", "dnang-off", "officer")).get("/api/v1/advisories")
                .then().statusCode(200).body("id", not(hasItem((int) id)));
    }

    @Test
    void publicationAndRevisionEmailTheRecipientsContactPoints() throws Exception {
        String agency = Api.newAgency();
        long id = published(Map.of("agencies", List.of(agency)), Instant.now().plus(2, ChronoUnit.DAYS));
        String contact = "it@" + agency + ".example";
        assertThat(MailServer.awaitMessagesTo(contact, 1).get(0).getSubject())
                .startsWith("[CRITICAL]").contains("Spring4Shell");
        as(SUPERVISOR).body(spring4Shell(Map.of("agencies", List.of(agency)), Instant.now().plus(3, ChronoUnit.DAYS)))
                .post("/api/v1/advisories/" + id + "/revisions").then().statusCode(200);
        assertThat(MailServer.awaitMessagesTo(contact, 2).get(1).getSubject()).contains("(2)");
        assertThat(Db.queryString("select count(*) from notification where cause like ?", "advisory:" + id + ":%"))
                .isEqualTo("2");
    }

    private static String standing(JsonPath tracking, String agency) {
        return tracking.getString("recipients.find { it.recipient == 'agency:" + agency + "' }.standing");
    }

    private static Integer get(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
