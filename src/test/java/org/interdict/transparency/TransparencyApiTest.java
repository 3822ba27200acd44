package org.interdict.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.interdict.support.Api.AUDITOR;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Rulesets;
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
        long ministryTotal = report.getLong("authorities.find { it.authority?.id == 'mic' }.directives");
        assertThat(ministryTotal).isEqualTo(report.getList("counts.findAll { it.authority?.id == 'mic' }.directives",
                Long.class).stream().mapToLong(Long::longValue).sum()).isPositive();

        String csv = as(AUDITOR).queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .queryParam("format", "csv").get("/api/v1/transparency").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv).startsWith("month,authority,authority_name_vi,authority_name_en,category,kind,directives,targets")
                .contains(",mic,Bộ Thông tin và Truyền thông,Ministry of Information and Communications,child-abuse,BLOCK,")
                .doesNotContain(hidden);
    }

    @Test
    void anIspCountsInTheTimeToEnforceOnceAnApplianceConfirmsAVersionCarryingTheDirective() {
        String isp = Api.newIsp();
        Rulesets.current(isp);
        long id = Api.approvedFor(List.of(isp), Api.unique("tte"), Api.unique("tte") + ".example.vn");
        long version = Rulesets.await(isp, s -> s.getList("current.changes.directiveId").contains((int) id))
                .getLong("current.version");
        String appliance = Api.registerAppliance(isp, "resolver-tte");
        String entry = "timeToEnforce.find { it.isp == '" + isp + "' }";
        assertThat(november().getMap(entry)).isNull();

        as(appliance).body(Map.of("version", version, "applied", true)).post("/api/v1/appliances/self/status")
                .then().statusCode(200);
        JsonPath report = november();
        assertThat(report.getLong(entry + ".directives")).isPositive();
        assertThat(report.getDouble(entry + ".medianSeconds")).isNotNegative();
    }

    private static JsonPath november() {
        return as(AUDITOR).queryParam("from", "2026-11-01").queryParam("to", "2026-11-30").get("/api/v1/transparency")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void csvCellsASpreadsheetWouldRunAreWrittenAsText() {
        long id = Api.approved(Api.unique("csv"), Api.unique("csv") + ".example.vn");
        // The one free text in the counts: the authority of a directive recorded before the registry.
        Db.update("update directive set authority_id = null, authority_legacy = ? where id = ?",
                "=HYPERLINK(\"http://evil.example\",\"click\")", id);

        String csv = as(AUDITOR).queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .queryParam("format", "csv").get("/api/v1/transparency").then().statusCode(200).extract().asString();
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",")
                .doesNotContain(",=HYPERLINK");
    }

    @Test
    void theRangeIsAtMostTenYears() {
        as(AUDITOR).queryParam("from", "2016-01-01").queryParam("to", "2025-12-31").get("/api/v1/transparency")
                .then().statusCode(200);
        as(AUDITOR).queryParam("from", "2016-01-01").queryParam("to", "2026-01-01").get("/api/v1/transparency")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("to")).body("violations[0].code", equalTo("range-too-wide"));
        as(AUDITOR).queryParam("from", "2000-01-01").get("/api/v1/transparency").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        as(AUDITOR).queryParam("from", "9999-12-01").queryParam("to", "9999-12-31").get("/api/v1/transparency")
                .then().statusCode(200).body("directives", hasSize(0));
    }

    /** The timeout (5 s in tests) covers waiting for a lock: a held lock makes the report take too long. */
    @Test
    void aReportThatTakesTooLongIsStoppedAndSaysSo() throws Exception {
        try (Connection lock = Db.connect()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("lock table directive in access exclusive mode");
            }
            as(AUDITOR).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31").get("/api/v1/transparency")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("code", equalTo("report-timeout"));
            assertThat(Db.queryString("select count(*) from pg_stat_activity where state = 'active'"
                    + " and query like '%to_char(d.issued_on%' and pid <> pg_backend_pid()")).isEqualTo("0");
            lock.rollback();
        }
        as(AUDITOR).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31").get("/api/v1/transparency")
                .then().statusCode(200);
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
