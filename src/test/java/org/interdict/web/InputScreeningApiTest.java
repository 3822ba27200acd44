package org.interdict.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.interdict.support.Api.ADMIN;
import static org.interdict.support.Api.AUDITOR;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.interdict.error.Violation;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.junit.jupiter.api.Test;

/** Input that no operation can take is refused with 400 or 415 and names its field or line, never a 500. */
@QuarkusTest
class InputScreeningApiTest {

    @Test
    void aMisspeltFieldIsRefusedNamingItRatherThanIgnored() {
        Map<String, Object> body = new java.util.HashMap<>(Api.directive(Api.unique("typo"), Instant.now(), null));
        body.put("expiresOn", "2027-01-01T00:00:00Z");
        as(OFFICER).body(body).post("/api/v1/directives").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("expiresOn"))
                .body("violations[0].code", equalTo("unknown-field"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("expiresAt"));
        assertThat(Db.queryString("select count(*) from directive where legal_reference = ?", body.get("legalReference")))
                .isEqualTo("0");
    }

    @Test
    void aNulInAJsonFieldIsRefusedNamingItsPath() {
        Map<String, Object> body = Api.directive(Api.unique("nul"), Instant.now(), null);
        body.put("title", "a\u0000b");
        as(OFFICER).body(body).post("/api/v1/directives").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("title")).body("violations[0].code", equalTo("nul-character"));

        Map<String, Object> nested = Api.directive(Api.unique("nul"), Instant.now(), null);
        nested.put("audience", Map.of("isps", List.of("vnpt", "x\u0000y")));
        as(OFFICER).body(nested).post("/api/v1/directives").then().statusCode(400)
                .body("violations[0].field", equalTo("audience.isps.1"));
    }

    @Test
    void aNulInAQueryOrPathParameterIsRefusedNamingIt() {
        as(OFFICER).queryParam("q", "a\u0000b").get("/api/v1/directives").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("q")).body("violations[0].code", equalTo("nul-character"));
        as(AUDITOR).queryParam("actor", "officer\u0000").get("/api/v1/audit").then().statusCode(400)
                .body("violations[0].field", equalTo("actor"));
        as(OFFICER).urlEncodingEnabled(false).get("/api/v1/isps/a%00b").then().statusCode(400)
                .body("violations[0].field", equalTo("isp"));
        String longName = "n".repeat(1_000) + "\u0000";
        String field = as(OFFICER).queryParam(longName, "x").get("/api/v1/directives").then().statusCode(400)
                .extract().jsonPath().getString("violations[0].field");
        assertThat(field).hasSize(Violation.ECHO_LIMIT + 1).endsWith("…");
    }

    @Test
    void aNulInATextImportIsRefusedNamingItsLine() {
        long id = Api.draft(Api.unique("nul-text"));
        given().auth().oauth2(OFFICER).contentType("text/plain; charset=UTF-8")
                .body("ok.example.vn\ngoogle.com # justification: a\u0000b\n")
                .post("/api/v1/directives/" + id + "/targets").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].line", equalTo(2)).body("violations[0].code", equalTo("nul-character"));
        given().auth().oauth2(SUPERVISOR).contentType("text/plain; charset=UTF-8")
                .body("nul-reason.example.vn because\u0000\n").post("/api/v1/allowlist").then().statusCode(400)
                .body("violations[0].line", equalTo(1));
    }

    @Test
    void jsonWithTrailingGarbageIsRefused() {
        String id = "isp-" + Api.unique("t").substring(2);
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"id\":\"" + id + "\",\"legalName\":\"x\",\"licenceNumber\":\"y\"} xyz")
                .post("/api/v1/isps").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("malformed-body"));
        as(ADMIN).get("/api/v1/isps/" + id).then().statusCode(404);
    }

    @Test
    void aBodyInAnotherCharsetIsRefusedWith415() {
        long id = Api.draft(Api.unique("charset"));
        given().auth().oauth2(OFFICER).contentType("text/plain; charset=ISO-8859-1")
                .body("caf\u00e9.vn\n".getBytes(StandardCharsets.ISO_8859_1))
                .post("/api/v1/directives/" + id + "/targets").then().statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("unsupported-charset"))
                .body("violations[0].field", equalTo("Content-Type"));
        given().auth().oauth2(ADMIN).contentType("application/json; charset=UTF-16")
                .body("{}".getBytes(StandardCharsets.UTF_16)).post("/api/v1/isps").then().statusCode(415);
        given().auth().oauth2(OFFICER).contentType("text/plain; charset=us-ascii").body("ascii.example.vn\n")
                .post("/api/v1/directives/" + id + "/targets").then().statusCode(200);
    }

    @Test
    void aLongBadLineIsEchoedCut() {
        long id = Api.draft(Api.unique("long-line"));
        String line = "a".repeat(5_000) + "!.example.vn";
        JsonPath refused = given().auth().oauth2(OFFICER).contentType("text/plain; charset=UTF-8").body(line)
                .post("/api/v1/directives/" + id + "/targets").then().statusCode(400).extract().jsonPath();
        String input = refused.getString("violations[0].input");
        assertThat(input).hasSize(Violation.ECHO_LIMIT + 1).endsWith("…").startsWith("aaaa");
        assertThat(refused.getString("violations[0].message")).doesNotContain(line).hasSizeLessThan(500);
    }
}
