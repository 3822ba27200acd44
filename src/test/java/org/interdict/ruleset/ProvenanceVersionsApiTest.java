package org.interdict.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.interdict.support.Api.AUDITOR;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Rulesets;
import org.junit.jupiter.api.Test;

/**
 * An order whose every target existing rules already cover changes no rule, only the orders behind the rules:
 * it still makes a version, so that lookups, enforcement and the provenance of the ISP's own version name it.
 */
@QuarkusTest
class ProvenanceVersionsApiTest {

    @Test
    void anOrderCoveredByExistingRulesMakesAVersionWithTheSameRulesAndItsOwnProvenance() {
        String mine = Api.newIsp();
        String other = Api.newIsp();
        String zone = Api.unique("covered").toLowerCase() + ".vn";
        long tree = Api.approvedFor(List.of(mine, other), Api.unique("tree"), "*." + zone);
        Rulesets.await(mine, s -> s.getList("current.changes.directiveId").contains((int) tree));
        long otherVersion = Rulesets.await(other, s -> s.getList("current.changes.directiveId").contains((int) tree))
                .getLong("current.version");
        Rulesets.settle();
        JsonPath first = status(mine);
        String resolver = Api.registerAppliance(mine, "resolver-1");
        as(resolver).body(Map.of("version", first.getLong("current.version"), "applied", true))
                .post("/api/v1/appliances/self/status").then().statusCode(200);
        String current = "/api/v1/isps/" + mine + "/ruleset/current";
        String rpzTag = as(resolver).queryParam("format", "rpz").get(current).then().statusCode(200).extract().header("ETag");
        String jsonTag = as(resolver).queryParam("format", "json").get(current).then().statusCode(200).extract()
                .header("ETag");
        String csvTag = as(resolver).queryParam("format", "csv").get(current).then().statusCode(200).extract()
                .header("ETag");

        long inside = Api.approvedFor(List.of(mine), Api.unique("inside"), "www." + zone, "a.b." + zone);
        JsonPath second = Rulesets.await(mine, s -> s.getList("current.changes.directiveId").contains((int) inside));
        Rulesets.settle();

        assertThat(second.getLong("current.version")).isEqualTo(first.getLong("current.version") + 1);
        assertThat(second.getString("current.digest")).isEqualTo(first.getString("current.digest"));
        assertThat(second.getString("current.provenanceDigest")).hasSize(64)
                .isNotEqualTo(first.getString("current.provenanceDigest"));
        assertThat(second.getInt("current.added")).isZero();
        assertThat(second.getInt("current.removed")).isZero();
        // The other ISP is not addressed: nothing changed for it.
        assertThat(Rulesets.current(other)).isEqualTo(otherVersion);

        // The rules an appliance loads did not change: 304, with the new version's headers. The JSON names the orders.
        as(resolver).queryParam("format", "rpz").header("If-None-Match", rpzTag).get(current).then().statusCode(304)
                .header("X-Interdict-Version", String.valueOf(second.getLong("current.version")));
        String newJsonTag = as(resolver).queryParam("format", "json").header("If-None-Match", jsonTag).get(current).then()
                .statusCode(200).extract().header("ETag");
        assertThat(newJsonTag).isNotEqualTo(jsonTag).contains(second.getString("current.provenanceDigest"));
        JsonPath export = as(resolver).queryParam("format", "json").get(current).then().statusCode(200).extract()
                .jsonPath();
        String exported = "directives.find { it.id == " + inside + " }";
        assertThat(export.getString(exported + ".authority.id")).isEqualTo("mic");
        assertThat(export.getString(exported + ".authority.nameVi")).isEqualTo("Bộ Thông tin và Truyền thông");
        as(resolver).queryParam("format", "csv").header("If-None-Match", csvTag).get(current).then().statusCode(200);

        // Each ISP's answer names its own orders only.
        assertThat(lookup("www." + zone, mine).getList("directives.id", Long.class)).containsExactly(tree, inside);
        assertThat(lookup("www." + zone, other).getList("directives.id", Long.class)).containsExactly(tree);
        JsonPath version = as(OFFICER).get("/api/v1/isps/" + mine + "/ruleset/versions/" + second.getLong("current.version"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(version.getList("rules.find { it.rule == '" + zone + "' }.directives", Long.class))
                .containsExactly(tree, inside);
        JsonPath enforcement = as(OFFICER).get("/api/v1/directives/" + inside + "/enforcement").then().statusCode(200)
                .extract().jsonPath();
        assertThat(enforcement.getLong("isps.find { it.isp == '" + mine + "' }.firstVersion"))
                .isEqualTo(second.getLong("current.version"));
        // The resolver applied the same rules before the order came: it enforces it, and it is current.
        assertThat(enforcement.getString("isps.find { it.isp == '" + mine + "' }.appliances[0].state"))
                .isEqualTo("ENFORCED");
        assertThat(enforcement.getLong("isps.find { it.isp == '" + mine + "' }.appliances[0].timeToEnforceSeconds")).isZero();
        JsonPath compliance = as(OFFICER).queryParam("isp", mine).get("/api/v1/compliance").then().statusCode(200)
                .extract().jsonPath();
        assertThat(compliance.getInt("isps[0].appliancesDetail[0].behindVersions")).isZero();
        assertThat(compliance.getInt("isps[0].behind")).isZero();

        // The other ISP still shares the stored copy of the first content; the second is a content of its own.
        assertThat(contentKey(other, otherVersion)).isEqualTo(contentKey(mine, first.getLong("current.version")));
        assertThat(contentKey(mine, second.getLong("current.version")))
                .isNotEqualTo(contentKey(mine, first.getLong("current.version")));

        as(OFFICER).body(Map.of("reason", "court order annulled", "reference", "7/QD-TA"))
                .post("/api/v1/directives/" + inside + "/revoke").then().statusCode(200);
        JsonPath third = Rulesets.await(mine, s -> s.getLong("current.version") > second.getLong("current.version"));
        assertThat(third.getString("current.digest")).isEqualTo(first.getString("current.digest"));
        assertThat(third.getString("current.provenanceDigest")).isEqualTo(first.getString("current.provenanceDigest"));
        assertThat(lookup("www." + zone, mine).getList("directives.id", Long.class)).containsExactly(tree);
    }

    private static JsonPath status(String isp) {
        return as(AUDITOR).get("/api/v1/isps/" + isp + "/ruleset").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath lookup(String q, String isp) {
        return as(AUDITOR).queryParam("q", q).queryParam("isp", isp).get("/api/v1/lookup").then().statusCode(200)
                .extract().jsonPath();
    }

    private static String contentKey(String isp, long version) {
        return Db.queryString("select content_key from ruleset_version where isp_id = ? and number = ?", isp, version);
    }
}
