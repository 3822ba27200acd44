package org.interdict.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * An alert period's page in the console, called with the API's bearer tokens (the pages accept them) and the CSRF
 * token every page carries: the declaring authority's people edit the period through the declaration form, filled
 * with what it says now, and cancel it with a reason; another authority's people are refused both; a recipient sees
 * its own situation reports day by day, and nobody else's.
 */
@QuarkusTest
class AlertPagesApiTest {

    private static final ZoneId CONSOLE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String QNAM_OFFICER = Tokens.ofAuthority("dic-quang-nam", "qnam-officer-pages", "officer");
    private static final String DNANG_OFFICER = Tokens.ofAuthority("dic-da-nang", "dnang-officer-pages", "officer");

    /** A page's CSRF token and the cookie it is checked against. */
    private record Csrf(String cookie, String token) {}

    @Test
    void theDeclaringAuthorityEditsAPeriodThroughItsFormAndTheChangeIsAudited() {
        String isp = Api.newIsp();
        String added = Api.newIsp();
        long id = declare(List.of(isp), List.of());
        String page = "/console/alerts/" + id;
        String declaredFrom = Api.as(QNAM_OFFICER).get("/api/v1/alert-periods/" + id).then().extract().path("from");

        assertThat(html(QNAM_OFFICER, page, "en", 200)).contains("id=\"edit\" href=\"" + page + "/edit\"")
                .contains("id=\"cancel-form\"");
        String form = html(QNAM_OFFICER, page + "/edit", "en", 200);
        // Shown to the minute in the console's zone, as the declaration form takes it; the version it was read at.
        String shownFrom = LocalDateTime.ofInstant(Instant.parse(declaredFrom), CONSOLE_ZONE)
                .truncatedTo(ChronoUnit.MINUTES).toString();
        assertThat(value(form, "from")).isEqualTo(shownFrom);
        assertThat(value(form, "name")).startsWith("Lễ 30/4 – 1/5");
        assertThat(value(form, "version")).isEqualTo("0");
        assertThat(form).contains("id=\"isp-" + isp + "\" name=\"isp\" value=\"" + isp + "\" checked")
                .contains("<option value=\"highest\" selected>");

        String newEnd = LocalDateTime.now(CONSOLE_ZONE).plusDays(3).truncatedTo(ChronoUnit.MINUTES).toString();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Lễ 30/4 – 1/5 (kéo dài)");
        // The period has started: its start, left as shown, stays what it was to the second.
        fields.put("from", shownFrom);
        fields.put("to", newEnd);
        fields.put("level", "high");
        fields.put("enforcementDeadlineMinutes", "15");
        fields.put("version", "0");
        Csrf csrf = csrf(QNAM_OFFICER, page + "/edit");
        Response saved = post(QNAM_OFFICER, csrf, page + "/edit", fields, List.of(isp, added));
        saved.then().statusCode(303);
        assertThat(saved.header("Location")).endsWith(page + "?done=edited");

        Api.as(QNAM_OFFICER).get("/api/v1/alert-periods/" + id).then().statusCode(200)
                .body("name", equalTo("Lễ 30/4 – 1/5 (kéo dài)")).body("level", equalTo("high"))
                .body("from", equalTo(declaredFrom))
                .body("to", equalTo(LocalDateTime.parse(newEnd).atZone(CONSOLE_ZONE).toInstant().toString()))
                .body("enforcementDeadlineMinutes", equalTo(15)).body("audience.isps", containsInAnyOrder(isp, added))
                .body("version", equalTo(1)).body("updatedBy", equalTo("qnam-officer-pages"))
                .body("updatedByName", equalTo("Test qnam-officer-pages"));
        assertThat(Db.queryString("select count(*) from audit_entry where subject_type = 'alert-period'"
                + " and subject_id = ? and action = 'alert-period.updated' and actor = 'qnam-officer-pages'",
                String.valueOf(id))).isEqualTo("1");
        String edited = html(QNAM_OFFICER, page + "?done=edited", "en", 200);
        assertThat(edited).contains("The alert period was changed: its recipients are told.");
        // People by name, not by sign-in subject.
        assertThat(text(edited, "declared-by")).startsWith("Test qnam-officer-pages · ");
        assertThat(text(edited, "changed-by")).startsWith("Test qnam-officer-pages · ");

        // The same form sent again, read at version 0: someone changed the period meanwhile.
        String stale = post(QNAM_OFFICER, csrf, page + "/edit", fields, List.of(isp)).then().statusCode(409)
                .extract().asString();
        assertThat(stale).contains("id=\"refusal-code\">stale-version").contains("(kéo dài)");

        // A field the service refuses comes back beside the field, with what was typed.
        fields.put("version", "1");
        fields.put("to", LocalDateTime.now(CONSOLE_ZONE).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString());
        assertThat(post(QNAM_OFFICER, csrf, page + "/edit", fields, List.of(isp)).then().statusCode(400).extract()
                .asString()).contains("id=\"to-error\"").contains("the period must end in the future");
        fields.put("to", "tomorrow");
        fields.put("name", " ");
        assertThat(post(QNAM_OFFICER, csrf, page + "/edit", fields, List.of(isp)).then().statusCode(400).extract()
                .asString()).contains("id=\"to-error\">is not a valid value").contains("id=\"name-error\"");
        Api.as(QNAM_OFFICER).get("/api/v1/alert-periods/" + id).then().body("version", equalTo(1));
    }

    @Test
    void anotherAuthoritysPeopleAreRefusedTheFormsInWords() {
        long id = declare(List.of(Api.newIsp()), List.of());
        String page = "/console/alerts/" + id;

        assertThat(html(DNANG_OFFICER, page, "en", 200)).doesNotContain("id=\"edit\"")
                .doesNotContain("id=\"cancel-form\"");
        assertThat(html(DNANG_OFFICER, page + "/edit", "en", 403)).contains("other-authority");
        Csrf csrf = csrf(DNANG_OFFICER, page);
        Map<String, String> fields = Map.of("name", "Taken over", "from", "2030-01-01T00:00", "to",
                "2030-01-02T00:00", "level", "high", "allIsps", "true", "version", "0");
        assertThat(post(DNANG_OFFICER, csrf, page + "/edit", fields, List.of()).then().statusCode(403).extract()
                .asString()).contains("id=\"refusal-code\">other-authority").contains("value=\"Taken over\"");
        assertThat(post(DNANG_OFFICER, csrf, page + "/cancel", Map.of("reason", "not ours"), List.of()).then()
                .statusCode(403).extract().asString()).contains("id=\"refusal-code\">other-authority");
        Api.as(QNAM_OFFICER).get("/api/v1/alert-periods/" + id).then().body("version", equalTo(0))
                .body("active", equalTo(true));
        html(DNANG_OFFICER, "/console/alerts/999999999/edit", "en", 404);
    }

    @Test
    void cancellingEndsThePeriodAndAMissingReasonIsSaidBesideItsFieldInVietnamese() {
        long id = declare(List.of(Api.newIsp()), List.of());
        String page = "/console/alerts/" + id;

        assertThat(html(QNAM_OFFICER, page, "vi", 200)).contains("Lý do hủy").contains("Hủy giai đoạn cảnh báo")
                .contains(">Sửa</a>");
        assertThat(html(QNAM_OFFICER, page + "/edit", "vi", 200)).contains("Sửa giai đoạn cảnh báo: Lễ 30/4 – 1/5")
                .contains("Lưu thay đổi").contains("Quay lại giai đoạn cảnh báo");

        Csrf csrf = csrf(QNAM_OFFICER, page);
        String refused = post(QNAM_OFFICER, csrf, page + "/cancel", Map.of("reason", " ", "version", "0"), List.of(),
                "vi").then().statusCode(400).extract().asString();
        assertThat(refused).contains("id=\"reason-error\">không được để trống").contains("aria-invalid=\"true\"");
        Api.as(QNAM_OFFICER).get("/api/v1/alert-periods/" + id).then().body("active", equalTo(true));

        Response cancelled = post(QNAM_OFFICER, csrf, page + "/cancel",
                Map.of("reason", "Bão đã qua", "version", "0"), List.of(), "vi");
        cancelled.then().statusCode(303);
        assertThat(cancelled.header("Location")).endsWith(page + "?done=cancelled");
        Api.as(QNAM_OFFICER).get("/api/v1/alert-periods/" + id).then().body("active", equalTo(false))
                .body("cancellationReason", equalTo("Bão đã qua")).body("cancelledBy", equalTo("qnam-officer-pages"))
                .body("cancelledByName", equalTo("Test qnam-officer-pages"));
        String ended = html(QNAM_OFFICER, page + "?done=cancelled", "vi", 200);
        assertThat(text(ended, "cancelled-by")).startsWith("Test qnam-officer-pages · ").endsWith(": Bão đã qua");
        assertThat(ended)
                .contains("Đã hủy giai đoạn cảnh báo: giai đoạn đã kết thúc").contains("Người hủy")
                .contains("Bão đã qua").doesNotContain("id=\"cancel-form\"").doesNotContain("id=\"edit\"");

        // Ended, it can no longer change: the form is refused, and a form shown before is refused in words.
        assertThat(html(QNAM_OFFICER, page + "/edit", "en", 409)).contains("alert-period-cancelled");
        Map<String, String> fields = Map.of("name", "Lễ", "from", "2030-01-01T00:00", "to", "2030-01-02T00:00",
                "level", "high", "allIsps", "true", "version", "1");
        assertThat(post(QNAM_OFFICER, csrf, page + "/edit", fields, List.of()).then().statusCode(409).extract()
                .asString()).contains("id=\"refusal-code\">alert-period-cancelled");
    }

    @Test
    void aRecipientSeesItsOwnDaysOnly() {
        String isp = Api.newIsp();
        String other = Api.newIsp();
        String agency = Api.newAgency();
        long id = declare(List.of(isp, other), List.of(agency));
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        Api.as(engineer).body(Map.of("noIncident", false, "summary", "Resolvers flooded for ten minutes"))
                .post("/api/v1/alert-periods/" + id + "/recipients/isp:" + isp + "/situation-reports").then()
                .statusCode(201);
        LocalDate today = LocalDate.now(CONSOLE_ZONE);
        LocalDate yesterday = today.minusDays(1);

        String own = html(engineer, "/console/alerts/" + id, "en", 200);
        assertThat(own).contains("Your situation reports").contains("id=\"own-days\"")
                .doesNotContain("id=\"today\"").doesNotContain("id=\"missed\"").doesNotContain(other)
                .doesNotContain(agency);
        assertThat(row(own, today)).contains("Reported", "Resolvers flooded for ten minutes", "Test eng-" + isp);
        assertThat(text(own, "situation-sent")).contains("report was sent by Test eng-" + isp + " at ");
        assertThat(row(own, yesterday)).contains("Missed");
        assertThat(html(engineer, "/console/alerts/" + id, "vi", 200)).contains("Báo cáo tình hình của đơn vị bạn")
                .contains("Bỏ lỡ");
    }

    /** "Lễ 30/4 – 1/5" of Quảng Nam for the ISPs and agencies listed, from a day ago to two days ahead. */
    private static long declare(List<String> isps, List<String> agencies) {
        return Api.as(QNAM_OFFICER).body(Map.of("name", "Lễ 30/4 – 1/5 " + Api.unique("pages"),
                        "from", Instant.now().minus(1, ChronoUnit.DAYS).toString(),
                        "to", Instant.now().plus(2, ChronoUnit.DAYS).toString(), "level", "highest",
                        "audience", Map.of("isps", isps, "agencies", agencies)))
                .post("/api/v1/alert-periods").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String html(String token, String path, String language, int status) {
        Response answer = given().redirects().follow(false).auth().oauth2(token).header("Accept-Language", language)
                .get(path);
        answer.then().statusCode(status).contentType(startsWith("text/html"));
        String body = answer.asString();
        assertThat(body).doesNotContain("Exception");
        return body;
    }

    /** The value a page's field (by id) shows. */
    private static String value(String page, String id) {
        Matcher found = Pattern.compile("id=\"" + id + "\"[^>]*value=\"([^\"]*)\"|name=\"" + id
                + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(found.find()).as("field " + id).isTrue();
        return found.group(1) != null ? found.group(1) : found.group(2);
    }

    /** The text of a page's element (by id) that holds no other element. */
    private static String text(String page, String id) {
        Matcher found = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
        assertThat(found.find()).as("element " + id).isTrue();
        return found.group(1);
    }

    /** The row of the recipient's own reports for {@code day}. */
    private static String row(String page, LocalDate day) {
        int start = page.indexOf("id=\"day-" + day + "\"");
        assertThat(start).as("the row of " + day).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static Csrf csrf(String token, String page) {
        Response shown = given().auth().oauth2(token).get(page);
        shown.then().statusCode(200);
        Matcher meta = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"").matcher(shown.asString());
        assertThat(meta.find()).as("the page's CSRF token").isTrue();
        return new Csrf(shown.getCookie("csrf-token"), meta.group(1));
    }

    private static Response post(String token, Csrf csrf, String action, Map<String, String> fields,
            List<String> isps) {
        return post(token, csrf, action, fields, isps, "en");
    }

    private static Response post(String token, Csrf csrf, String action, Map<String, String> fields,
            List<String> isps, String language) {
        var request = given().redirects().follow(false).auth().oauth2(token).header("Accept-Language", language)
                .cookie("csrf-token", csrf.cookie()).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", csrf.token());
        fields.forEach(request::formParam);
        isps.forEach(isp -> request.formParam("isp", isp));
        return request.post(action);
    }
}
