package org.interdict.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.interdict.support.Api.AUDITOR;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Map;
import org.interdict.support.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TransparencyApiTest {

    @Test
    void countsChildAbuseTargetsWithoutEverShowingThem() {
        String hidden = Api.unique("hidden") + ".example.vn";
        String shown = Api.unique("shown") + ".example.vn";
        Map<String, Object> body = Api.directive(Api.unique("ca"), Instant.now().minusSeconds(60), null);
        body.put("category", "child-abuse");
        long withheld = as(OFFICER).body(body).post("/api/v1/directives").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Api.addTargets(withheld, hidden);
        as(OFFICER).post("/api/v1/directives/" + withheld + "/submit").then().statusCode(200);
        as(SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + withheld + "/approve").then().statusCode(200);
        long listed = Api.approved(Api.unique("ph"), shown);

        String json = as(AUDITOR).queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get("/api/v1/transparency").then().statusCode(200).extract().asString();
        JsonPath report = JsonPath.from(json);
        assertThat(json).doesNotContain(hidden).contains(shown);
        assertThat(report.getBoolean("directives.find { it.id == " + withheld + " }.targetsWithheld")).isTrue();
        assertThat(report.getLong("directives.find { it.id == " + withheld + " }.targetCount")).isEqualTo(1);
        assertThat(report.getList("directives.find { it.id == " + listed + " }.targets")).containsExactly(shown);
        assertThat(report.getList("counts.findAll { it.category == 'child-abuse' }.targets", Long.class))
                .isNotEmpty().allMatch(n -> n >= 1);
        assertThat(report.getList("counts.month")).contains("2026-11");

        String csv = as(AUDITOR).queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .queryParam("format", "csv").get("/api/v1/transparency").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv).startsWith("month,authority,category,kind,directives,targets").contains(",child-abuse,BLOCK,")
                .doesNotContain(hidden);
    }

    @Test
    void isForAuditorsUnlessMadePublic() {
        given().get("/api/v1/transparency").then().statusCode(401).contentType("application/problem+json");
        as(OFFICER).get("/api/v1/transparency").then().statusCode(403);
        as(AUDITOR).queryParam("format", "xml").get("/api/v1/transparency").then().statusCode(400);
        as(AUDITOR).queryParam("from", "2026-12-01").queryParam("to", "2026-11-01").get("/api/v1/transparency")
                .then().statusCode(400);
    }
}
