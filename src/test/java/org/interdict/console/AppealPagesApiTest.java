package org.interdict.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interdict.support.Api;
import org.interdict.support.Appeals;
import org.interdict.support.Db;
import org.interdict.support.Rulesets;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The console's appeal pages, called with the API's bearer tokens (the pages accept them) and the CSRF token their
 * forms carry: overdue appeals flagged in the queue; the review's refusals (reviewer involved, four eyes) said in
 * words on the appeal's page with the API's 409; an ISP engineer's error report filed and listed.
 */
@QuarkusTest
class AppealPagesApiTest {

    private static final String UNINVOLVED_SUPERVISOR = Tokens.of("supervisor-dao", "supervisor");

    /** A page's form token and the cookie it is checked against. */
    private record Form(String cookie, String token, String version) {}

    @Test
    void theQueueFlagsOverdueAppealsAndTheReviewsRefusalsAreSaidInWords() throws Exception {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String name = Api.unique("review-page") + ".example.vn";
        Api.approvedFor(List.of(isp), Api.unique("77/QD"), name);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);
        long id = Appeals.received(List.of(name)).id();
        Db.update("update appeal_review set received_at = received_at - interval '6 days' where appeal_id = ?", id);

        String queue = Api.as(Api.OFFICER).header("Accept-Language", "en").get("/console/appeals").then()
                .statusCode(200).extract().asString();
        assertThat(queue).contains("id=\"appeal-" + id + "\" class=\"overdue\"")
                .contains("id=\"overdue-acknowledge-" + id + "\"").contains("id=\"overdue-decide-" + id + "\"");

        // The supervisor who approved the order may not take the appeal up.
        Form involved = form(Api.SUPERVISOR, id);
        String refused = post(Api.SUPERVISOR, involved, "/console/appeals/" + id + "/review", Map.of()).then()
                .statusCode(409).extract().asString();
        assertThat(refused).contains("id=\"refusal-code\">reviewer-involved")
                .contains("You drafted, submitted or approved an order this appeal contests");

        // Another supervisor takes it up and proposes; confirming their own proposal is refused (four eyes).
        post(UNINVOLVED_SUPERVISOR, form(UNINVOLVED_SUPERVISOR, id), "/console/appeals/" + id + "/review", Map.of())
                .then().statusCode(303);
        post(UNINVOLVED_SUPERVISOR, form(UNINVOLVED_SUPERVISOR, id), "/console/appeals/" + id + "/proposal",
                Map.of("outcome", "UPHELD", "reasons", "The address serves the blocked site only.")).then()
                .statusCode(303);
        String fourEyes = post(UNINVOLVED_SUPERVISOR, form(UNINVOLVED_SUPERVISOR, id),
                "/console/appeals/" + id + "/decision", Map.of()).then().statusCode(409).extract().asString();
        assertThat(fourEyes).contains("id=\"refusal-code\">four-eyes").contains("Four eyes:")
                .contains("The address serves the blocked site only.");

        // A second supervisor sends the proposal back: the remarks are required, then shown in the history.
        Form confirming = form(SECOND_SUPERVISOR, id);
        String noRemarks = post(SECOND_SUPERVISOR, confirming, "/console/appeals/" + id + "/proposal/return",
                Map.of("remarks", "")).then().statusCode(400).extract().asString();
        assertThat(noRemarks).contains("id=\"refusal\"").contains("remarks");
        post(SECOND_SUPERVISOR, confirming, "/console/appeals/" + id + "/proposal/return",
                Map.of("remarks", "Say which of the two sites the address serves.")).then().statusCode(303);
        String returned = Api.as(UNINVOLVED_SUPERVISOR).header("Accept-Language", "en")
                .get("/console/appeals/" + id).then().statusCode(200).extract().asString();
        assertThat(returned).contains("id=\"history-returned\"").contains("Say which of the two sites")
                .doesNotContain("id=\"history-proposal\"").contains("id=\"propose\"");
        String vietnamese = Api.as(UNINVOLVED_SUPERVISOR).header("Accept-Language", "vi")
                .get("/console/appeals/" + id).then().statusCode(200).extract().asString();
        assertThat(vietnamese).contains("trả lại");
        assertThat(Api.as(Api.OFFICER).header("Accept-Language", "en").get("/console/appeals").then().statusCode(200)
                .extract().asString()).contains("id=\"returned-" + id + "\"");

        // With no proposal waiting, another supervisor may take the review over; the reviewer is offered no such form.
        assertThat(returned).doesNotContain("id=\"take-over\"");
        post(SECOND_SUPERVISOR, form(SECOND_SUPERVISOR, id), "/console/appeals/" + id + "/review", Map.of()).then()
                .statusCode(303);
        String takenOver = Api.as(SECOND_SUPERVISOR).header("Accept-Language", "en").get("/console/appeals/" + id
                + "?done=taken").then().statusCode(200).extract().asString();
        assertThat(takenOver).contains("Taken up by Test supervisor-second-pages");

        // A form shown before someone else acted is refused, not applied twice.
        String stale = post(Api.OFFICER, involved, "/console/appeals/" + id + "/review", Map.of()).then()
                .statusCode(409).extract().asString();
        assertThat(stale).contains("id=\"refusal\"");
        assertThat(Db.queryString("select status from appeal_review where appeal_id = ?", id))
                .isEqualTo("UNDER_REVIEW");
    }

    @Test
    void anIspEngineerReportsAnErrorAndFollowsTheReport() {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String name = Api.unique("clinic") + ".example.vn";
        Api.approvedFor(List.of(isp), Api.unique("12/QD"), name);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);
        String engineer = Tokens.ispEngineer(Api.unique("eng"), isp);
        String path = "/console/isps/" + isp + "/error-reports";

        Form blank = form(engineer, path);
        String refused = post(engineer, blank, path, Map.of("kind", "false-positive", "targets",
                Api.unique("free") + ".example.vn", "description", "<b>hospital</b>")).then().statusCode(400)
                .extract().asString();
        assertThat(refused).contains("id=\"refusal-code\">invalid-report").contains("Line 1")
                .doesNotContain("<b>hospital</b>").contains("&lt;b&gt;hospital&lt;/b&gt;");

        String filed = post(engineer, form(engineer, path), path, Map.of("kind", "shared-address", "targets", name,
                "description", "The address also serves the provincial hospital.")).then().statusCode(303)
                .extract().header("Location");
        String report = filed.substring(filed.indexOf("filed=") + 6);
        String list = Api.as(engineer).header("Accept-Language", "en").get(path + "?filed=" + report).then()
                .statusCode(200).extract().asString();
        assertThat(list).contains("Report " + report + " is filed.").contains("id=\"report-" + report + "\"")
                .contains(name).contains("Shared address");
        Api.as(Tokens.ispEngineer(Api.unique("eng"), Api.newIsp())).get(path).then().statusCode(404);
    }

    /** Neither involved in the orders nor the reviewer: the second pair of eyes. */
    private static final String SECOND_SUPERVISOR = Tokens.of("supervisor-second-pages", "supervisor");

    private static Form form(String token, long appeal) {
        return form(token, "/console/appeals/" + appeal);
    }

    private static Form form(String token, String page) {
        Response shown = Api.as(token).header("Accept-Language", "en").get(page);
        shown.then().statusCode(200);
        Matcher csrf = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(shown.asString());
        assertThat(csrf.find()).as("the form's token").isTrue();
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(shown.asString());
        return new Form(shown.getCookie("csrf-token"), csrf.group(1), version.find() ? version.group(1) : null);
    }

    private static Response post(String token, Form form, String action, Map<String, String> fields) {
        var request = given().redirects().follow(false).auth().oauth2(token).header("Accept-Language", "en")
                .cookie("csrf-token", form.cookie()).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", form.token());
        if (form.version() != null) {
            request.formParam("version", form.version());
        }
        fields.forEach(request::formParam);
        return request.post(action);
    }
}
