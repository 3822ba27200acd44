package org.interdict.compliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Rulesets;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ComplianceApiTest {

    private static final String STATUS = "/api/v1/appliances/self/status";

    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    @Test
    void appliancesReportWhatTheyAppliedAndComplianceShowsWhoIsCurrentAndWhoIsBehind() {
        String current = Api.newIsp();
        String late = Api.newIsp();
        long currentBefore = Rulesets.current(current);
        long lateBefore = Rulesets.current(late);
        long id = Api.approvedFor(List.of(current, late), Api.unique("enf"), Api.unique("enforce") + ".example.vn");
        long currentNow = Rulesets.await(current, s -> s.getLong("current.version") > currentBefore).getLong("current.version");
        long lateNow = Rulesets.await(late, s -> s.getLong("current.version") > lateBefore).getLong("current.version");
        String upToDate = Api.registerAppliance(current, "resolver-1");
        String lagging = Api.registerAppliance(late, "resolver-1");

        as(upToDate).body(Map.of("version", currentNow, "applied", true, "appliedAt", Instant.now().toString(),
                "counts", Map.of("DOMAIN", 1))).post(STATUS).then().statusCode(200)
                .body("currentVersion", equalTo((int) currentNow)).body("isp", equalTo(current));
        as(lagging).body(Map.of("version", lateBefore, "applied", true)).post(STATUS).then().statusCode(200);
        as(lagging).body(Map.of("version", lateNow, "applied", false, "error", "rpz zone failed to load",
                "rejectedRules", List.of(Map.of("rule", "x.example.vn", "reason", "too long")))).post(STATUS)
                .then().statusCode(200);

        JsonPath all = as(OFFICER).get("/api/v1/compliance").then().statusCode(200).extract().jsonPath();
        Map<String, Object> ok = isp(all, current);
        assertThat(ok).containsEntry("currentVersion", (int) currentNow).containsEntry("current", 1)
                .containsEntry("behind", 0).containsEntry("silent", 0);
        Map<String, Object> behind = isp(all, late);
        assertThat(behind).containsEntry("behind", 1);
        JsonPath lagged = as(OFFICER).queryParam("isp", late).get("/api/v1/compliance").jsonPath();
        assertThat(lagged.getLong("isps[0].appliancesDetail[0].appliedVersion")).isEqualTo(lateBefore);
        assertThat(lagged.getInt("isps[0].appliancesDetail[0].behindVersions")).isEqualTo(1);
        assertThat(lagged.getInt("isps[0].appliancesDetail[0].failures")).isEqualTo(1);
        assertThat(lagged.getString("isps[0].appliancesDetail[0].lastError")).isEqualTo("rpz zone failed to load");

        String engineer = Tokens.ispEngineer("eng-" + current, current);
        assertThat(as(engineer).get("/api/v1/compliance").jsonPath().getList("isps.isp")).containsExactly(current);
        as(engineer).queryParam("isp", late).get("/api/v1/compliance").then().statusCode(404);

        JsonPath enforcement = as(OFFICER).get("/api/v1/directives/" + id + "/enforcement").then().statusCode(200)
                .extract().jsonPath();
        assertThat(enforcement.getLong("deadlineMinutes")).isEqualTo(30);
        assertThat(enforcement.getLong("isps.find { it.isp == '" + current + "' }.firstVersion")).isEqualTo(currentNow);
        assertThat(enforcement.getString("isps.find { it.isp == '" + current + "' }.appliances[0].state"))
                .isEqualTo("ENFORCED");
        assertThat(enforcement.getBoolean("isps.find { it.isp == '" + current + "' }.withinDeadline")).isTrue();
        assertThat(enforcement.getString("isps.find { it.isp == '" + late + "' }.appliances[0].state"))
                .isEqualTo("PENDING");
        as(Tokens.ispEngineer("eng-" + late, late)).get("/api/v1/directives/" + id + "/enforcement").then()
                .statusCode(200).body("isps.isp", equalTo(List.of(late)));
    }

    @Test
    void reportsOfAnotherIspsVersionOrOfNoVersionAreRefused() {
        String mine = Api.newIsp();
        String other = Api.newIsp();
        long mineNow = Rulesets.current(mine);
        long otherBefore = Rulesets.current(other);
        Api.approvedFor(List.of(other), Api.unique("other"), Api.unique("only-other") + ".example.vn");
        long otherNow = Rulesets.await(other, s -> s.getLong("current.version") > otherBefore).getLong("current.version");
        assertThat(otherNow).isGreaterThan(mineNow);
        String token = Api.registerAppliance(mine, "fw-1");

        as(token).body(Map.of("version", otherNow, "applied", true)).post(STATUS).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("unknown-version"));
        as(token).body(Map.of("version", 999999, "applied", true)).post(STATUS).then().statusCode(404);
        as(token).body(Map.of("applied", true)).post(STATUS).then().statusCode(400);
        as(token).body(Map.of("version", mineNow, "applied", false)).post(STATUS).then().statusCode(400)
                .body("violations[0].field", equalTo("error"));
        as(Tokens.of("pretender", "appliance")).body(Map.of("version", mineNow, "applied", true)).post(STATUS)
                .then().statusCode(403);
        as(OFFICER).body(Map.of("version", mineNow, "applied", true)).post(STATUS).then().statusCode(403);
    }

    @Test
    void prometheusShowsVersionsAndCompileTimes() {
        String isp = Api.newIsp();
        Rulesets.current(isp);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String metrics = "";
        String gauge = "interdict_ruleset_current_version{isp=\"" + isp + "\"}";
        while (Instant.now().isBefore(deadline) && !metrics.contains(gauge)) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
            metrics = given().get(metricsUrl).then().statusCode(200).extract().asString();
        }
        assertThat(metrics).contains(gauge)
                .contains("interdict_compile_duration_seconds_count").contains("interdict_appliances_silent")
                .contains("interdict_directives_past_enforcement_deadline");
        given().get(metricsUrl).then().body(containsString("interdict_appliances_behind"));
    }

    @Test
    void theLateDirectivesGaugeCountsAnOrderPastItsDeadlineUntilItIsEnforced() throws Exception {
        String isp = Api.newIsp();
        long before = Rulesets.current(isp);
        String appliance = Api.registerAppliance(isp, "resolver-late");
        long id = Api.approvedFor(List.of(isp), Api.unique("late"), Api.unique("late") + ".example.vn");
        long version = Rulesets.await(isp, s -> s.getLong("current.version") > before).getLong("current.version");
        long baseline = awaitLate(n -> true);
        // Approved two hours ago, as far as the deadline is concerned: its 30 minutes have passed.
        try (var c = Db.connect(); var s = c.prepareStatement("update directive set decided_at = decided_at - interval"
                + " '2 hours', effective_from = effective_from - interval '2 hours' where id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        awaitLate(n -> n == baseline + 1);

        as(appliance).body(Map.of("version", version, "applied", true)).post(STATUS).then().statusCode(200);
        awaitLate(n -> n == baseline);
    }

    /** The gauge's value once {@code wanted} holds (it is refreshed every second in tests). */
    private long awaitLate(java.util.function.LongPredicate wanted) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Pattern line = Pattern.compile("(?m)^interdict_directives_past_enforcement_deadline (\\S+)$");
        long value = -1;
        while (Instant.now().isBefore(deadline)) {
            Matcher m = line.matcher(given().get(metricsUrl).then().statusCode(200).extract().asString());
            value = m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
            if (value >= 0 && wanted.test(value)) {
                return value;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
        }
        throw new AssertionError("the late-directives gauge stayed at " + value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> isp(JsonPath all, String isp) {
        return (Map<String, Object>) all.getList("isps", Map.class).stream().filter(i -> isp.equals(i.get("isp")))
                .findFirst().orElseThrow();
    }

}
