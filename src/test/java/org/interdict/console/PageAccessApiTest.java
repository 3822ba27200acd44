package org.interdict.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interdict.support.Api;
import org.interdict.support.Appeals;
import org.interdict.support.Rulesets;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Every console page, read by each kind of caller: the same roles and scopes as the API decide, so a page is 200 to
 * those who may see it, 403 to a role that may not, and 404 for another ISP's records. A browser without a session
 * is sent to sign in (302), never shown a page. An agency's person sees the advisories, incidents and alert periods
 * of the agency, and another agency's person finds them not found. Pages also accept the API's bearer tokens (hybrid
 * sign-in), which is how this test calls them.
 */
@QuarkusTest
class PageAccessApiTest {

    private static final String ENGINEER = "engineer";
    private static final String FOREIGN_ENGINEER = "foreign-engineer";
    private static final String FOREIGN_OFFICER = "foreign-officer";
    private static final String FOREIGN_SUPERVISOR = "foreign-supervisor";
    private static final String AGENCY = "agency";
    private static final String FOREIGN_AGENCY = "foreign-agency";

    @Test
    void everyPageAnswersEachCallerAsItsRolesAndScopesSay() throws Exception {
        String isp = Api.newIsp();
        String other = Api.newIsp();
        long draft = Api.draft(Api.unique("page-access"), List.of(isp));
        long first = Rulesets.current(isp);
        String contested = Api.unique("page-access") + ".example.vn";
        Api.approvedFor(List.of(isp), Api.unique("page-access"), contested);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);
        long appeal = Appeals.received(List.of(contested)).id();
        String agency = Api.newAgency();
        String otherAgency = Api.newAgency();
        String agencyToken = Tokens.agency("person-" + agency, agency);
        long advisory = publishedAdvisoryTo(agency);
        long incident = Api.as(agencyToken).body(Map.of("type", "phishing", "severity", "low",
                        "detectedAt", Instant.now().minusSeconds(600).toString(), "affectedSystems", "mail",
                        "indicators", "login-" + agency + ".example.vn"))
                .post("/api/v1/recipients/agency:" + agency + "/incidents").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        long period = Api.as(Api.OFFICER).body(Map.of("name", Api.unique("page-access"),
                        "from", Instant.now().minusSeconds(60).toString(),
                        "to", Instant.now().plus(1, ChronoUnit.DAYS).toString(), "level", "elevated",
                        "audience", Map.of("agencies", List.of(agency))))
                .post("/api/v1/alert-periods").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("officer", Api.OFFICER);
        tokens.put("supervisor", Api.SUPERVISOR);
        tokens.put("auditor", Api.AUDITOR);
        tokens.put("admin", Api.ADMIN);
        tokens.put(ENGINEER, Tokens.ispEngineer("eng-" + isp, isp));
        tokens.put(FOREIGN_ENGINEER, Tokens.ispEngineer("eng-" + other, other));
        tokens.put(FOREIGN_OFFICER, Tokens.ofAuthority("dic-quang-nam", "qn-officer-page", "officer"));
        tokens.put(FOREIGN_SUPERVISOR, Tokens.ofAuthority("dic-quang-nam", "qn-supervisor-page", "supervisor"));
        tokens.put(AGENCY, agencyToken);
        tokens.put(FOREIGN_AGENCY, Tokens.agency("person-" + otherAgency, otherAgency));

        // Expected status per caller, in the order of the tokens above.
        Map<String, int[]> pages = new LinkedHashMap<>();
        pages.put("/", new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200});
        pages.put("/console/directives", new int[] {200, 200, 200, 200, 200, 200, 200, 200, 403, 403});
        pages.put("/console/directives/" + draft, new int[] {200, 200, 200, 200, 404, 404, 200, 200, 403, 403});
        pages.put("/console/directives/" + draft + "/targets",
                new int[] {200, 200, 200, 200, 404, 404, 200, 200, 403, 403});
        pages.put("/console/review", new int[] {403, 200, 403, 403, 403, 403, 403, 200, 403, 403});
        pages.put("/console/held", new int[] {403, 200, 403, 200, 403, 403, 403, 200, 403, 403});
        pages.put("/console/allowlist", new int[] {200, 200, 200, 200, 403, 403, 200, 200, 403, 403});
        pages.put("/console/audit", new int[] {403, 403, 200, 200, 403, 403, 403, 403, 403, 403});
        pages.put("/console/transparency", new int[] {403, 403, 200, 200, 403, 403, 403, 403, 403, 403});
        pages.put("/console/transparency/report.csv", new int[] {403, 403, 200, 200, 403, 403, 403, 403, 403, 403});
        pages.put("/console/notifications", new int[] {403, 403, 200, 200, 403, 403, 403, 403, 403, 403});
        pages.put("/console/lookup", new int[] {200, 200, 200, 200, 200, 200, 200, 200, 403, 403});
        pages.put("/console/isps/" + isp, new int[] {200, 200, 200, 200, 200, 404, 200, 200, 403, 403});
        pages.put("/console/isps/" + isp + "/compliance", new int[] {200, 200, 200, 200, 200, 404, 200, 200, 403, 403});
        pages.put("/console/admin/isps", new int[] {403, 403, 403, 200, 403, 403, 403, 403, 403, 403});
        pages.put("/console/admin/authorities", new int[] {403, 403, 403, 200, 403, 403, 403, 403, 403, 403});
        pages.put("/console/admin/authorities/dic-quang-nam",
                new int[] {403, 403, 403, 200, 403, 403, 403, 403, 403, 403});
        pages.put("/console/admin/keys", new int[] {403, 403, 403, 200, 403, 403, 403, 403, 403, 403});
        pages.put("/console/appeals", new int[] {200, 200, 403, 403, 403, 403, 200, 200, 403, 403});
        pages.put("/console/appeals/" + appeal, new int[] {200, 200, 403, 403, 403, 403, 404, 404, 403, 403});
        pages.put("/console/isps/" + isp + "/error-reports",
                new int[] {403, 403, 403, 403, 200, 404, 403, 403, 403, 403});

        pages.put("/console/admin/agencies", new int[] {403, 403, 403, 200, 403, 403, 403, 403, 403, 403});
        pages.put("/console/admin/agencies/" + agency, new int[] {403, 403, 403, 200, 403, 403, 403, 403, 403, 403});
        pages.put("/console/advisories", new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200});
        pages.put("/console/advisories/new", new int[] {200, 403, 403, 403, 403, 403, 200, 403, 403, 403});
        pages.put("/console/advisories/" + advisory, new int[] {200, 200, 200, 200, 404, 404, 200, 200, 200, 404});
        pages.put("/console/advisories/" + advisory + "/edit",
                new int[] {200, 200, 403, 403, 403, 403, 403, 403, 403, 403});
        pages.put("/console/advisories/" + advisory + "/tracking",
                new int[] {200, 200, 200, 200, 403, 403, 404, 404, 403, 403});
        pages.put("/console/advisories/" + advisory + "/tracking.csv",
                new int[] {200, 200, 200, 200, 403, 403, 404, 404, 403, 403});
        pages.put("/console/incidents", new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200});
        pages.put("/console/incidents/new", new int[] {403, 403, 403, 403, 200, 200, 403, 403, 200, 200});
        pages.put("/console/incidents/" + incident, new int[] {200, 200, 200, 200, 404, 404, 200, 200, 200, 404});
        pages.put("/console/alerts", new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200});
        pages.put("/console/alerts/new", new int[] {200, 200, 403, 403, 403, 403, 200, 200, 403, 403});
        pages.put("/console/alerts/" + period, new int[] {200, 200, 200, 200, 404, 404, 200, 200, 200, 404});
        pages.put("/console/alerts/" + period + "/edit", new int[] {200, 200, 403, 403, 403, 403, 403, 403, 403, 403});

        List<String> wrong = new ArrayList<>();
        List<String> callers = List.copyOf(tokens.keySet());
        pages.forEach((page, expected) -> {
            for (int i = 0; i < callers.size(); i++) {
                Response answer = given().redirects().follow(false).auth().oauth2(tokens.get(callers.get(i)))
                        .get(page);
                if (answer.statusCode() != expected[i]) {
                    wrong.add(page + " as " + callers.get(i) + ": " + answer.statusCode() + ", expected "
                            + expected[i]);
                } else if (expected[i] != 200) {
                    assertThat(answer.contentType()).as(page + " as " + callers.get(i)).startsWith("text/html");
                    assertThat(answer.asString()).as(page + " as " + callers.get(i)).doesNotContain("Exception");
                }
            }
            Response anonymous = given().redirects().follow(false).get(page);
            if (anonymous.statusCode() != 302) {
                wrong.add(page + " without a session: " + anonymous.statusCode() + ", expected 302");
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** An advisory of the Ministry to {@code agency} only, drafted by an officer and published by a supervisor. */
    private static long publishedAdvisoryTo(String agency) {
        long id = Api.as(Api.OFFICER).body(Map.of("title", Api.unique("page-access"), "severity", "high",
                        "description", "d", "recommendedActions", "a",
                        "remediationDeadline", Instant.now().plus(7, ChronoUnit.DAYS).toString(),
                        "audience", Map.of("agencies", List.of(agency))))
                .post("/api/v1/advisories").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.as(Api.SUPERVISOR).post("/api/v1/advisories/" + id + "/publish").then().statusCode(200);
        return id;
    }

    @Test
    void thePublicAppealPagesAnswerAnyoneAndKeepTheAppealBehindItsKey() throws Exception {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String contested = Api.unique("public-access") + ".example.vn";
        Api.approvedFor(List.of(isp), Api.unique("public-access"), contested);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);
        Appeals.Received appeal = Appeals.received(List.of(contested));
        for (String token : List.of("", Api.OFFICER, Api.ADMIN)) {
            var caller = token.isEmpty() ? Appeals.anonymous() : Appeals.anonymous().auth().oauth2(token);
            caller.redirects().follow(false).get("/public/appeals/new").then().statusCode(200);
        }
        Appeals.anonymous().queryParam("key", appeal.key()).get("/public/appeals/" + appeal.id()).then()
                .statusCode(200);
        Appeals.anonymous().queryParam("key", appeal.key() + "x").get("/public/appeals/" + appeal.id()).then()
                .statusCode(404);
        Appeals.anonymous().auth().oauth2(Api.ADMIN).get("/public/appeals/" + appeal.id()).then().statusCode(404);
    }
}
