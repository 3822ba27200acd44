package org.interdict.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.interdict.support.Api.AUDITOR;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.interdict.support.Api;
import org.interdict.support.Rulesets;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LookupApiTest {

    @Test
    void namesTheDirectivesBehindAUnicodeDomainAndAnAddressAndAnswersForThePast() throws InterruptedException {
        String isp = Api.newIsp();
        String word = UUID.randomUUID().toString().substring(0, 6);
        String reference = Api.unique("1353/BTTTT-CATTT");
        long first = Rulesets.current(isp);
        long id = Api.approvedFor(List.of(isp), reference, "xổ-số-" + word + ".vn", "45.118.151.0/24");
        long v1 = Rulesets.await(isp, s -> s.getLong("current.version") > first).getLong("current.version");
        Thread.sleep(50);
        Instant between = Instant.now();
        Thread.sleep(50);
        String laterReference = Api.unique("101/QD-STTTT");
        long later = Api.approvedFor(List.of(isp), laterReference, "*.later-" + word + ".vn");
        long v2 = Rulesets.await(isp, s -> s.getLong("current.version") > v1).getLong("current.version");

        JsonPath byName = lookup("Xổ-Số-" + word + ".vn", isp, null);
        assertThat(byName.getBoolean("blocked")).isTrue();
        assertThat(byName.getString("normalised")).startsWith("xn--").endsWith(".vn");
        assertThat(byName.getLong("version")).isEqualTo(v2);
        assertThat(byName.getString("rules[0].type")).isEqualTo("DOMAIN");
        assertThat(byName.getLong("rules[0].sinceVersion")).isEqualTo(v1);
        assertThat(byName.getList("directives.legalReference")).containsExactly(reference);
        assertThat(byName.getList("directives.id", Long.class)).containsExactly(id);

        JsonPath byUrl = lookup("https://XỔ-SỐ-" + word + ".vn/ket-qua?ngay=1", isp, null);
        assertThat(byUrl.getBoolean("blocked")).isTrue();
        assertThat(byUrl.getList("directives.legalReference")).containsExactly(reference);

        JsonPath byAddress = lookup("45.118.151.77", isp, null);
        assertThat(byAddress.getBoolean("blocked")).isTrue();
        assertThat(byAddress.getString("rules[0].rule")).isEqualTo("45.118.151.0/24");
        assertThat(byAddress.getList("directives.legalReference")).containsExactly(reference);
        assertThat(lookup("45.118.152.1", isp, null).getBoolean("blocked")).isFalse();

        JsonPath now = lookup("www.later-" + word + ".vn", isp, null);
        assertThat(now.getBoolean("blocked")).isTrue();
        assertThat(now.getList("directives.id", Long.class)).containsExactly(later);
        assertThat(now.getLong("rules[0].sinceVersion")).isEqualTo(v2);
        JsonPath then = lookup("www.later-" + word + ".vn", isp, between.toString());
        assertThat(then.getLong("version")).isEqualTo(v1);
        assertThat(then.getBoolean("blocked")).isFalse();
        assertThat(then.getList("directives")).isEmpty();
    }

    @Test
    void saysWhatTheAllowlistProtects() {
        String isp = Api.newIsp();
        Rulesets.current(isp);
        JsonPath answer = lookup("portal.gov.vn", isp, null);
        assertThat(answer.getBoolean("blocked")).isFalse();
        assertThat(answer.getList("allowlisted.value")).contains("gov.vn");
    }

    @Test
    void refusesBadQuestionsAndOtherIspsEngineers() {
        String mine = Api.newIsp();
        String other = Api.newIsp();
        Rulesets.current(mine);
        Rulesets.current(other);
        String engineer = Tokens.ispEngineer("eng-" + mine, mine);
        as(engineer).queryParam("q", "example.vn").queryParam("isp", mine).get("/api/v1/lookup").then().statusCode(200);
        as(engineer).queryParam("q", "example.vn").queryParam("isp", other).get("/api/v1/lookup").then().statusCode(404);
        as(OFFICER).queryParam("isp", mine).get("/api/v1/lookup").then().statusCode(400)
                .body("violations[0].field", equalTo("q"));
        as(OFFICER).queryParam("q", "example.vn").get("/api/v1/lookup").then().statusCode(400)
                .body("violations[0].field", equalTo("isp"));
        as(OFFICER).queryParam("q", "10.0.0.0/8").queryParam("isp", mine).get("/api/v1/lookup").then().statusCode(400);
        as(OFFICER).queryParam("q", "example.vn").queryParam("isp", mine).queryParam("at", "2000-01-01T00:00:00Z")
                .get("/api/v1/lookup").then().statusCode(404).body("code", equalTo("no-ruleset"));
    }

    private static JsonPath lookup(String q, String isp, String at) {
        var request = as(AUDITOR).queryParam("q", q).queryParam("isp", isp);
        if (at != null) {
            request.queryParam("at", at);
        }
        return request.get("/api/v1/lookup").then().statusCode(200).extract().jsonPath();
    }
}
