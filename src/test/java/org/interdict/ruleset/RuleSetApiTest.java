package org.interdict.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Rulesets;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RuleSetApiTest {

    @Test
    void approvalCreatesAVersionWithProvenance() {
        String isp = Api.newIsp();
        long before = Rulesets.current(isp);
        String reference = Api.unique("1353/BTTTT-CATTT");
        long id = Api.approvedFor(List.of(isp), reference, "*.cờ-bạc.vn", "lừa-đảo.vn", "45.118.150.7", "45.118.150.0/25",
                "45.118.150.128/25");
        long version = Rulesets.await(isp, s -> s.getLong("current.version") > before).getLong("current.version");

        JsonPath content = as(OFFICER).get("/api/v1/isps/" + isp + "/ruleset/versions/" + version)
                .then().statusCode(200).extract().jsonPath();
        assertThat(content.getString("digest")).hasSize(64);
        assertThat(content.prettify()).contains("xn--c-bc-7q5a1p.vn").contains("45.118.150.0/24").contains(reference)
                .doesNotContain("45.118.150.7/32").doesNotContain("45.118.150.0/25");
        as(OFFICER).get("/api/v1/isps/" + isp + "/ruleset").then()
                .body("current.changes.directiveId", hasItem((int) id))
                .body("current.total", equalTo(content.getList("rules").size()));
    }

    @Test
    void revocationRemovesRulesAndTheDeltaSaysSo() {
        String isp = Api.newIsp();
        long id = Api.approvedFor(List.of(isp), Api.unique("rev"), "revoke-me.example.vn");
        long withRule = Rulesets.await(isp, s -> s.getList("current.changes.directiveId").contains((int) id))
                .getLong("current.version");
        as(OFFICER).body(Map.of("reason", "court order annulled", "reference", "5/QD-TA"))
                .post("/api/v1/directives/" + id + "/revoke").then().statusCode(200);
        long without = Rulesets.await(isp, s -> s.getLong("current.version") > withRule).getLong("current.version");

        as(OFFICER).queryParam("from", withRule).get("/api/v1/isps/" + isp + "/ruleset/delta")
                .then().statusCode(200).body("to", equalTo((int) without))
                .body("removed.DOMAIN", equalTo(List.of("revoke-me.example.vn")))
                .body("added.DOMAIN", equalTo(List.of()));
    }

    @Test
    void aChangeThatChangesNothingAnIspEnforcesMakesNoVersion() {
        String isp = Api.newIsp();
        String other = Api.newIsp();
        Api.approvedFor(List.of(isp), Api.unique("tree"), "*.covered.example.vn");
        Rulesets.settle();
        long before = Rulesets.current(isp);
        long otherBefore = Rulesets.current(other);
        // Another ISP's order, and one of this ISP's that takes effect tomorrow: both are compiled.
        Api.approvedFor(List.of(other), Api.unique("elsewhere"), "elsewhere.example.vn");
        Map<String, Object> tomorrow = Api.directive(Api.unique("tomorrow"), Instant.now().plus(Duration.ofDays(1)), null);
        tomorrow.put("audience", Map.of("isps", List.of(isp)));
        long scheduled = as(OFFICER).body(tomorrow).post("/api/v1/directives").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Api.addTargets(scheduled, "tomorrow.example.vn");
        as(OFFICER).post("/api/v1/directives/" + scheduled + "/submit").then().statusCode(200);
        as(SUPERVISOR).body(Map.of("confirmFlaggedTargets", List.of())).post("/api/v1/directives/" + scheduled + "/approve")
                .then().statusCode(200).body("status", equalTo("SCHEDULED"));
        Rulesets.settle();

        assertThat(Rulesets.current(other)).isGreaterThan(otherBefore);
        assertThat(Rulesets.current(isp)).isEqualTo(before);
    }

    @Test
    void concurrentApprovalsMakeConsecutiveVersions() {
        String isp = Api.newIsp();
        Rulesets.settle();
        List<Long> drafts = IntStream.range(0, 4).mapToObj(i -> {
            long id = Api.draft(Api.unique("conc-" + i), List.of(isp));
            Api.addTargets(id, "concurrent-" + i + ".example.vn");
            as(OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
            return id;
        }).toList();
        CompletableFuture.allOf(drafts.stream().map(id -> CompletableFuture.runAsync(() -> as(SUPERVISOR).body(Map.of())
                .post("/api/v1/directives/" + id + "/approve").then().statusCode(200))).toArray(CompletableFuture[]::new)).join();
        Rulesets.settle();

        List<Integer> numbers = as(OFFICER).queryParam("limit", 100).get("/api/v1/isps/" + isp + "/ruleset/versions")
                .jsonPath().getList("items.version", Integer.class);
        assertThat(numbers).isEqualTo(IntStream.rangeClosed(1, numbers.size()).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        String rules = as(OFFICER).get("/api/v1/isps/" + isp + "/ruleset/versions/" + numbers.get(0)).asString();
        IntStream.range(0, 4).forEach(i -> assertThat(rules).contains("concurrent-" + i + ".example.vn"));
    }

    @Test
    void theCircuitBreakerHoldsAbnormalVersionsUntilASupervisorDecides() {
        String isp = Api.newIsp();
        String base = IntStream.range(0, 1200).mapToObj(i -> "base-" + i + ".example.vn").collect(Collectors.joining("\n"));
        Api.approvedFor(List.of(isp), Api.unique("base"), base.split("\n"));
        Rulesets.await(isp, s -> s.getInt("current.total") >= 1200);

        // Approved orders are expected, however many rules they bring; their mass revocation is not.
        String surge = IntStream.range(0, 300).mapToObj(i -> "surge-" + i + ".example.vn").collect(Collectors.joining("\n"));
        long surgeId = Api.approvedFor(List.of(isp), Api.unique("surge"), surge.split("\n"));
        long current = Rulesets.await(isp, s -> s.getList("current.changes.directiveId").contains((int) surgeId))
                .getLong("current.version");
        as(OFFICER).body(Map.of("reason", "annulled", "reference", "1/QD-TA"))
                .post("/api/v1/directives/" + surgeId + "/revoke").then().statusCode(200);
        JsonPath held = Rulesets.await(isp, s -> s.get("held") != null);
        assertThat(held.getLong("current.version")).isEqualTo(current);
        long heldNumber = held.getLong("held.version");
        assertThat(held.getInt("held.removed")).isEqualTo(300);

        as(OFFICER).body(Map.of("reason", "ok")).post("/api/v1/isps/" + isp + "/ruleset/versions/" + heldNumber + "/confirm")
                .then().statusCode(403);
        as(SUPERVISOR).body(Map.of("reason", "expected: the holiday list"))
                .post("/api/v1/isps/" + isp + "/ruleset/versions/" + heldNumber + "/confirm")
                .then().statusCode(200).body("state", equalTo("PUBLISHED")).body("decidedBy", equalTo("supervisor-chi"));
        as(OFFICER).get("/api/v1/isps/" + isp + "/ruleset").then().body("current.version", equalTo((int) heldNumber));

        String second = IntStream.range(0, 400).mapToObj(i -> "second-" + i + ".example.vn").collect(Collectors.joining("\n"));
        long secondId = Api.approvedFor(List.of(isp), Api.unique("second"), second.split("\n"));
        Rulesets.await(isp, s -> s.getList("current.changes.directiveId").contains((int) secondId));
        as(OFFICER).body(Map.of("reason", "annulled", "reference", "2/QD-TA"))
                .post("/api/v1/directives/" + secondId + "/revoke").then().statusCode(200);
        long refused = Rulesets.await(isp, s -> s.get("held") != null).getLong("held.version");
        as(SUPERVISOR).body(Map.of("reason", "looks wrong"))
                .post("/api/v1/isps/" + isp + "/ruleset/versions/" + refused + "/refuse")
                .then().statusCode(200).body("state", equalTo("REFUSED"));
        as(OFFICER).get("/api/v1/isps/" + isp + "/ruleset").then().body("current.version", not(equalTo((int) refused)))
                .body("held", equalTo(null));
        as(SUPERVISOR).body(Map.of("reason", "again")).post("/api/v1/isps/" + isp + "/ruleset/versions/" + refused + "/confirm")
                .then().statusCode(409).body("code", equalTo("not-held"));
    }

    @Test
    void deltasFromVersionsNoLongerRetainedAreGone() {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        for (int i = 0; i < 4; i++) {
            long before = Rulesets.current(isp);
            Api.approvedFor(List.of(isp), Api.unique("ret"), "retention-" + i + ".example.vn");
            Rulesets.await(isp, s -> s.getLong("current.version") > before);
        }
        as(OFFICER).queryParam("from", first).get("/api/v1/isps/" + isp + "/ruleset/delta")
                .then().statusCode(410).contentType("application/problem+json").body("code", equalTo("version-not-retained"));
        as(OFFICER).get("/api/v1/isps/" + isp + "/ruleset/delta").then().statusCode(400);
    }

    @Test
    void theAllowlistRefusesTreesAndCarvesBlocks() {
        String isp = Api.newIsp();
        long id = Api.approvedFor(List.of(isp), Api.unique("allow"), "198.41.0.0/24", "*.portal.gov.vn");
        JsonPath status = Rulesets.await(isp, s -> s.getList("current.changes.directiveId").contains((int) id));
        assertThat(status.getList("current.conflicts.resolution")).contains("REFUSED", "CARVED");
        String rules = as(OFFICER).get("/api/v1/isps/" + isp + "/ruleset/versions/" + status.getLong("current.version"))
                .asString();
        assertThat(rules).doesNotContain("portal.gov.vn")
                .doesNotContain("198.41.0.0/24").contains("198.41.0.0/30").contains("198.41.0.128/25");
    }

    @Test
    void theAllowlistProtectsTheNat64And6to4ImagesOfAProtectedIpv4Address() {
        String isp = Api.newIsp();
        long id = Api.approvedFor(List.of(isp), Api.unique("nat64"), "64:ff9b::808:808", "2002:808:808::/48",
                "64:ff9b::2d76:9001");
        JsonPath status = Rulesets.await(isp, s -> s.getList("current.changes.directiveId").contains((int) id));
        String ours = "current.conflicts.findAll { it.directiveId == " + id + " }";
        assertThat(status.getList(ours + ".protectedBy.value")).containsExactly("8.8.8.8", "8.8.8.8");
        assertThat(status.getList(ours + ".resolution")).containsExactly("REFUSED", "REFUSED");
        assertThat(status.getList(ours + ".targetValue")).containsExactlyInAnyOrder("64:ff9b::808:808",
                "2002:808:808::/48");
        String rules = as(OFFICER).get("/api/v1/isps/" + isp + "/ruleset/versions/" + status.getLong("current.version"))
                .asString();
        assertThat(rules).contains("64:ff9b::2d76:9001").doesNotContain("64:ff9b::808:808")
                .doesNotContain("2002:808:808");
    }

    @Test
    void atLaterThanNowIsRefusedNamingIt() {
        String isp = Api.newIsp();
        long current = Rulesets.current(isp);
        for (String at : List.of("+999999999-12-31T23:59:59Z", "9999-12-31T23:59:59Z",
                Instant.now().plus(Duration.ofHours(1)).toString(), "-999999999-01-01T00:00:00Z")) {
            as(OFFICER).queryParam("at", at).get("/api/v1/isps/" + isp + "/ruleset").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("at")).body("violations[0].code", equalTo("out-of-range"));
        }
        as(OFFICER).queryParam("at", Instant.now().plusSeconds(5).toString()).get("/api/v1/isps/" + isp + "/ruleset")
                .then().statusCode(200).body("current.version", equalTo((int) current));
    }

    @Test
    void previewShowsWhatApprovalWouldDo() {
        String isp = Api.newIsp();
        Api.approvedFor(List.of(isp), Api.unique("existing"), "*.already.example.vn");
        Rulesets.settle();
        long id = Api.draft(Api.unique("preview"), List.of(isp));
        as(OFFICER).contentType("text/plain; charset=UTF-8")
                .body("new.example.vn\nsub.already.example.vn\n*.ministry.gov.vn\n104.16.0.1 # justification: named in the order")
                .post("/api/v1/directives/" + id + "/targets").then().statusCode(200);

        as(SUPERVISOR).post("/api/v1/directives/" + id + "/preview").then().statusCode(200)
                .body("audiences.find { it.isps.contains('" + isp + "') }.sampleAdded", hasItem("new.example.vn"))
                .body("audiences.find { it.isps.contains('" + isp + "') }.breakerWouldHold", equalTo(false))
                .body("alreadyCovered.targetValue", hasItem("sub.already.example.vn"))
                .body("alreadyCovered.targetValue", not(hasItem("new.example.vn")))
                .body("conflicts.targetValue", hasItem("ministry.gov.vn"))
                .body("guardWarnings[0].codes", equalTo(List.of("shared-infrastructure")));
        assertThat(Db.queryString("select status from directive where id = ?", id)).isEqualTo("DRAFT");
    }

    @Test
    void ispEngineersReadOnlyTheirOwnRuleSet() {
        String mine = Api.newIsp();
        String other = Api.newIsp();
        Rulesets.current(mine);
        Rulesets.current(other);
        String engineer = Tokens.ispEngineer("eng-" + mine, mine);
        as(engineer).get("/api/v1/isps/" + mine + "/ruleset").then().statusCode(200);
        as(engineer).get("/api/v1/isps/" + other + "/ruleset").then().statusCode(404);
        as(engineer).get("/api/v1/isps/" + other + "/ruleset/versions").then().statusCode(404);
        as(OFFICER).get("/api/v1/isps/no-such-isp/ruleset").then().statusCode(404);
        as(OFFICER).get("/api/v1/isps/" + mine + "/ruleset/versions/999999").then().statusCode(404)
                .body("code", not(equalTo(null)));
    }
}
