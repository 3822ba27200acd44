package org.interdict.ruleset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Rulesets;
import org.junit.jupiter.api.Test;

/**
 * What the circuit breaker still holds with its default limits (10 % of at least 1,000 rules): changes no approval
 * explains. And how a held version shows: rule-set status, compliance, enforcement, metrics.
 */
@QuarkusTest
class HeldVersionsApiTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    @Inject
    HeldVersions heldVersions;

    private static String[] names(String prefix, int count) {
        String unique = Api.unique(prefix);
        return IntStream.range(0, count).mapToObj(i -> "n" + i + "." + unique + ".example.vn").toArray(String[]::new);
    }

    private static JsonPath awaitChange(String isp, long directive, String change) {
        return Rulesets.await(isp, s -> s.getList("current.changes.findAll { it.change == '" + change
                + "' }.directiveId").contains((int) directive));
    }

    @Test
    void aMassRevocationIsHeldAndWhatWaitsBehindItSaysSo() throws Exception {
        String isp = Api.newIsp();
        awaitChange(isp, Api.approvedFor(List.of(isp), Api.unique("base"), names("base", 1200)), "approved");
        long big = Api.draft(Api.unique("big"), List.of(isp));
        Api.addTargets(big, names("big", 300));
        as(OFFICER).post("/api/v1/directives/" + big + "/submit").then().statusCode(200);
        // 300 rules on 1,200: the supervisor sees them all, and approving them is not held.
        as(SUPERVISOR).post("/api/v1/directives/" + big + "/preview").then().statusCode(200)
                .body("audiences.find { it.isps.contains('" + isp + "') }.rulesAdded", equalTo(300))
                .body("audiences.find { it.isps.contains('" + isp + "') }.breakerWouldHold", equalTo(false));
        as(SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + big + "/approve").then().statusCode(200);
        JsonPath approved = awaitChange(isp, big, "approved");
        assertThat(approved.getInt("current.added")).isEqualTo(300);
        assertThat(approved.getInt("current.unexplained")).isZero();
        assertThat(approved.getString("held")).isNull();
        long published = approved.getLong("current.version");

        as(SUPERVISOR).body(Map.of("reason", "annulled", "reference", "9/QD-TA"))
                .post("/api/v1/directives/" + big + "/revoke").then().statusCode(200);
        JsonPath held = Rulesets.await(isp, s -> s.get("held") != null);
        assertThat(held.getLong("current.version")).isEqualTo(published);
        assertThat(held.getInt("held.removed")).isEqualTo(300);
        assertThat(held.getInt("held.unexplained")).isEqualTo(300);
        long firstHeld = held.getLong("held.version");
        Instant since = Instant.parse(held.getString("held.heldSince"));

        // An order approved meanwhile answers ACTIVE and waits behind the held version; its own rule is expected.
        long waiting = Api.draft(Api.unique("waiting"), List.of(isp));
        Api.addTargets(waiting, names("waiting", 1));
        as(OFFICER).post("/api/v1/directives/" + waiting + "/submit").then().statusCode(200);
        as(SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + waiting + "/approve").then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("waitingBehind.isp", equalTo(List.of(isp)))
                .body("waitingBehind[0].heldVersion", equalTo((int) firstHeld));
        assertThat(heldVersions.waitingBehind(waiting)).extracting(HeldVersions.Held::isp).containsExactly(isp);
        JsonPath stillHeld = Rulesets.await(isp,
                s -> s.get("held") != null && s.getLong("held.version") > firstHeld);
        long heldNumber = stillHeld.getLong("held.version");
        assertThat(stillHeld.getLong("current.version")).isEqualTo(published);
        assertThat(stillHeld.getInt("held.unexplained")).isEqualTo(300);
        assertThat(Instant.parse(stillHeld.getString("held.heldSince"))).as("passed on by the superseded version")
                .isEqualTo(since);
        assertThat(heldVersions.waitingBehind(waiting)).containsExactly(new HeldVersions.Held(isp, heldNumber, since));
        try (var c = Db.connect()) {
            assertThat(heldVersions.all(c)).contains(new HeldVersions.Held(isp, heldNumber, since));
        }

        as(OFFICER).get("/api/v1/directives/" + waiting).then().statusCode(200)
                .body("waitingBehind[0].heldVersion", equalTo((int) heldNumber))
                .body("waitingBehind[0].heldSince", equalTo(since.toString()));
        JsonPath enforcement = as(OFFICER).get("/api/v1/directives/" + waiting + "/enforcement").then().statusCode(200)
                .extract().jsonPath().setRootPath("isps.find { it.isp == '" + isp + "' }");
        assertThat(enforcement.getLong("waitingBehind.heldVersion")).isEqualTo(heldNumber);
        assertThat(Instant.parse(enforcement.getString("waitingBehind.heldSince"))).isEqualTo(since);
        assertThat(enforcement.getString("firstVersion")).isNull();
        JsonPath compliance = as(OFFICER).queryParam("isp", isp).get("/api/v1/compliance").then().statusCode(200)
                .extract().jsonPath().setRootPath("isps[0]");
        assertThat(compliance.getString("rulesetState")).isEqualTo("HELD");
        assertThat(compliance.getLong("heldVersion")).isEqualTo(heldNumber);
        assertThat(Instant.parse(compliance.getString("heldSince"))).isEqualTo(since);
        assertThat(compliance.getLong("currentVersion")).isEqualTo(published);
        String metrics = awaitMetric("interdict_ruleset_held_versions{isp=\"" + isp + "\"} 1.0");
        assertThat(metrics).containsPattern("interdict_ruleset_held_oldest_age_seconds\\{isp=\"" + isp + "\"} \\d");

        as(SUPERVISOR).body(Map.of("reason", "the court annulled the order"))
                .post("/api/v1/isps/" + isp + "/ruleset/versions/" + heldNumber + "/confirm").then().statusCode(200);
        as(OFFICER).get("/api/v1/directives/" + waiting + "/enforcement").then().statusCode(200)
                .body("isps.find { it.isp == '" + isp + "' }.firstVersion", equalTo((int) heldNumber))
                .body("isps.find { it.isp == '" + isp + "' }.waitingBehind", equalTo(null));
        assertThat(heldVersions.waitingBehind(waiting)).isEmpty();
        as(OFFICER).get("/api/v1/directives/" + waiting).then().statusCode(200).body("waitingBehind", equalTo(null));
        as(OFFICER).queryParam("isp", isp).get("/api/v1/compliance").then()
                .body("isps[0].rulesetState", equalTo("CURRENT")).body("isps[0].heldVersion", equalTo(null));
        awaitMetric("interdict_ruleset_held_versions{isp=\"" + isp + "\"} 0.0");
    }

    @Test
    void aMassExpiryIsHeld() {
        String isp = Api.newIsp();
        awaitChange(isp, Api.approvedFor(List.of(isp), Api.unique("base"), names("base", 1200)), "approved");
        Map<String, Object> body = Api.directive(Api.unique("expiring"), Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(8));
        body.put("audience", Map.of("isps", List.of(isp)));
        long expiring = as(OFFICER).body(body).post("/api/v1/directives").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Api.addTargets(expiring, names("expiring", 300));
        as(OFFICER).post("/api/v1/directives/" + expiring + "/submit").then().statusCode(200);
        as(SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + expiring + "/approve").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        long published = awaitChange(isp, expiring, "approved").getLong("current.version");

        JsonPath held = Rulesets.await(isp, s -> s.get("held") != null);
        assertThat(held.getList("held.changes.findAll { it.change == 'expired' }.directiveId")).contains((int) expiring);
        assertThat(held.getInt("held.unexplained")).isEqualTo(300);
        assertThat(held.getLong("current.version")).isEqualTo(published);
        as(SUPERVISOR).body(Map.of("reason", "the order ran out"))
                .post("/api/v1/isps/" + isp + "/ruleset/versions/" + held.getLong("held.version") + "/confirm")
                .then().statusCode(200).body("state", equalTo("PUBLISHED"));
    }

    @Test
    void anAllowlistEditBeyondTheLimitsIsHeldAndItsUndoingReleasesIt() {
        String isp = Api.newIsp();
        String zone = Api.unique("zone") + ".example.vn";
        awaitChange(isp, Api.approvedFor(List.of(isp), Api.unique("base"), names("base", 1000)), "approved");
        String[] inZone = IntStream.range(0, 200).mapToObj(i -> "n" + i + "." + zone).toArray(String[]::new);
        long published = awaitChange(isp, Api.approvedFor(List.of(isp), Api.unique("zone"), inZone), "approved")
                .getLong("current.version");

        long entry = as(SUPERVISOR).body(Map.of("value", "*." + zone, "reason", "a partner's portal"))
                .post("/api/v1/allowlist").then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath held = Rulesets.await(isp, s -> s.get("held") != null);
        assertThat(held.getInt("held.removed")).isEqualTo(200);
        assertThat(held.getInt("held.unexplained")).isEqualTo(200);
        assertThat(held.getLong("current.version")).isEqualTo(published);

        // Taking the entry back brings back the current rules: the held version is superseded, no new one is made.
        as(SUPERVISOR).delete("/api/v1/allowlist/" + entry).then().statusCode(204);
        JsonPath released = Rulesets.await(isp, s -> s.get("held") == null);
        assertThat(released.getLong("current.version")).isEqualTo(published);
    }

    @Test
    void aScheduledOrderCompiledInForceBeforeItsActivationIsReleasedByIt() throws Exception {
        String isp = Api.newIsp();
        awaitChange(isp, Api.approvedFor(List.of(isp), Api.unique("base"), names("base", 1200)), "approved");
        Instant effective = Instant.now().plusSeconds(10);
        Map<String, Object> body = Api.directive(Api.unique("holiday"), effective, null);
        body.put("audience", Map.of("isps", List.of(isp)));
        long scheduled = as(OFFICER).body(body).post("/api/v1/directives").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Api.addTargets(scheduled, names("holiday", 300));
        as(OFFICER).post("/api/v1/directives/" + scheduled + "/submit").then().statusCode(200);
        as(SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + scheduled + "/approve").then().statusCode(200)
                .body("status", equalTo("SCHEDULED"));
        Rulesets.settle();

        long heldNumber;
        // The scheduler cannot record the activation while the row is locked, yet the order is in force: another
        // order's compilation takes its rules with no approval among its changes.
        try (Connection c = Db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("select 1 from directive where id = ? for update")) {
                lock.setLong(1, scheduled);
                lock.execute();
            }
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), effective).toMillis() + 500));
            Api.approvedFor(List.of(isp), Api.unique("other"), names("other", 1));
            JsonPath held = Rulesets.await(isp, s -> s.get("held") != null);
            assertThat(held.getInt("held.unexplained")).isEqualTo(300);
            heldNumber = held.getLong("held.version");
            c.rollback();
        }
        JsonPath released = awaitChange(isp, scheduled, "activated");
        assertThat(released.getString("held")).isNull();
        assertThat(released.getLong("current.version")).isGreaterThan(heldNumber);
        assertThat(released.getInt("current.unexplained")).isZero();
        assertThat(released.getString("current.decidedBy")).as("no human").isNull();
    }

    private String awaitMetric(String line) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String metrics = "";
        while (Instant.now().isBefore(deadline) && !metrics.contains(line)) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
            metrics = given().get(metricsUrl.toString()).then().statusCode(200).extract().asString();
        }
        assertThat(metrics).contains(line);
        return metrics;
    }
}
