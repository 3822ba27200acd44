package org.interdict.lookup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.interdict.support.Api;
import org.interdict.support.Rulesets;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PublicLookupApiTest {

    @Test
    void namesThePublishedOrderInPlainWordsWithoutSignInOrCookie() {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String name = Api.unique("xoso") + ".example.vn";
        String reference = Api.unique("1353/BTTTT-CATTT");
        Api.approvedFor(List.of(isp), reference, name);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);

        Response response = anonymous().queryParam("q", "https://" + name.toUpperCase() + "/trang?x=1")
                .queryParam("isp", isp).get("/public/v1/lookup");
        response.then().statusCode(200).contentType("application/json")
                .header("Cache-Control", equalTo("max-age=60"));
        assertThat(response.getHeaders().hasHeaderWithName("Set-Cookie")).isFalse();
        JsonPath answer = response.jsonPath();
        assertThat(answer.getBoolean("listed")).isTrue();
        assertThat(answer.getList("orders.reference")).containsExactly(reference);
        assertThat(answer.getString("orders[0].authority.nameEn")).isEqualTo("Ministry of Information and Communications");
        assertThat(answer.getString("orders[0].issuedOn")).isEqualTo("2026-11-20");
        assertThat(answer.getString("orders[0].category")).isEqualTo("phishing");
        assertThat(answer.getString("orders[0].plainWords.en")).contains("passwords");
        assertThat(answer.getString("orders[0].plainWords.vi")).contains("mật khẩu");
        assertThat(Instant.parse(answer.getString("orders[0].inForceSince"))).isBefore(Instant.now());
        assertThat(answer.getString("notice.en")).isNotBlank();
        assertThat(answer.getMap("").keySet()).doesNotContain("rules", "allowlisted", "version", "at");

        // without an ISP every active ISP's rule set answers; a name nothing blocks is not listed
        assertThat(anonymous().queryParam("q", name).get("/public/v1/lookup").jsonPath().getList("orders.reference"))
                .contains(reference);
        assertThat(anonymous().queryParam("q", "nothing-" + name).get("/public/v1/lookup").jsonPath()
                .getBoolean("listed")).isFalse();
    }

    @Test
    void aNameBlockedOnlyForChildAbuseIsAnsweredExactlyAsANameNothingBlocks() {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String hidden = Api.unique("hidden") + ".example.vn";
        String unblocked = Api.unique("hidden") + ".example.vn"; // same length and shape
        Map<String, Object> body = Api.directive(Api.unique("ca"), Instant.now().minusSeconds(60), null);
        body.put("category", "child-abuse");
        body.put("audience", Map.of("isps", List.of(isp)));
        long withheld = as(OFFICER).body(body).post("/api/v1/directives").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Api.addTargets(withheld, hidden);
        as(OFFICER).post("/api/v1/directives/" + withheld + "/submit").then().statusCode(200);
        as(SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + withheld + "/approve").then().statusCode(200);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);
        // the rule is in force: the signed-in lookup sees it
        assertThat(as(OFFICER).queryParam("q", hidden).queryParam("isp", isp).get("/api/v1/lookup").jsonPath()
                .getBoolean("blocked")).isTrue();

        for (String ispParam : new String[] {isp, null}) {
            String forHidden = publicAnswer(hidden, ispParam).replace(hidden, "NAME");
            String forUnblocked = publicAnswer(unblocked, ispParam).replace(unblocked, "NAME");
            assertThat(forHidden).isEqualTo(forUnblocked).doesNotContain("child");
        }
        String page = anonymous().queryParam("q", hidden).queryParam("lang", "en").get("/public/lookup").then()
                .statusCode(200).extract().asString();
        String unblockedPage = anonymous().queryParam("q", unblocked).queryParam("lang", "en").get("/public/lookup")
                .then().statusCode(200).extract().asString();
        assertThat(page.replace(hidden, "NAME")).isEqualTo(unblockedPage.replace(unblocked, "NAME"));
    }

    @Test
    void refusesBadQuestionsNamingQAndAnUnknownIsp() {
        anonymous().get("/public/v1/lookup").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("q"));
        anonymous().queryParam("q", "10.0.0.0/8").get("/public/v1/lookup").then().statusCode(400)
                .body("violations[0].field", equalTo("q"));
        anonymous().queryParam("q", "example.vn").queryParam("isp", "no-such-isp").get("/public/v1/lookup").then()
                .statusCode(404);
        anonymous().queryParam("q", "example.vn").queryParam("at", "2020-01-01T00:00:00Z").get("/public/v1/lookup")
                .then().statusCode(200).body("at", equalTo(null));
    }

    @Test
    void oneAddressPastItsAllowanceIsRefusedWith429AndRetryAfterWhileAnotherIsNot() {
        String address = randomAddress();
        int refused = 0;
        Response last = null;
        for (int i = 0; i < 30; i++) {
            Response response = given().header("X-Forwarded-For", address).queryParam("q", "example.vn")
                    .get("/public/v1/lookup");
            if (response.statusCode() == 429) {
                refused++;
                last = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(5);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(last.jsonPath().getString("code")).isEqualTo("rate-limited");
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 60);
        // the pages count against the same allowance; another address has its own
        given().header("X-Forwarded-For", address).get("/public/lookup").then().statusCode(429);
        anonymous().queryParam("q", "example.vn").get("/public/v1/lookup").then().statusCode(200);
    }

    private static String publicAnswer(String q, String isp) {
        RequestSpecification request = anonymous().queryParam("q", q);
        if (isp != null) {
            request.queryParam("isp", isp);
        }
        return request.get("/public/v1/lookup").then().statusCode(200).extract().asString();
    }

    /** A request from an address of its own, so that no other test's requests count against its allowance. */
    static RequestSpecification anonymous() {
        return given().header("X-Forwarded-For", randomAddress());
    }

    static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
