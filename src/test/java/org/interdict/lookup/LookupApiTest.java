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
        assertThat(byName.getList("directives.authority.id")).containsExactly("mic");
        assertThat(byName.getList("directives.authority.nameEn")).containsExactly("Ministry of Information and Communications");
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

    @Test
    void readsAQuestionExactlyAsTheImportReadsATarget() {
        String isp = Api.newIsp();
        String word = UUID.randomUUID().toString().substring(0, 6);
        long first = Rulesets.current(isp);
        String url = "http://a_b." + word + ".example.biz/x";
        Api.approvedFor(List.of(isp), Api.unique("underscore"), url);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);

        assertThat(lookup(url, isp, null).getBoolean("blocked")).isTrue();
        String spelledOtherwise = "HTTP://A_B." + word + ".Example.BIZ:80/y/../x#top";
        assertThat(lookup(spelledOtherwise, isp, null).getBoolean("blocked")).isTrue();
        assertThat(lookup("http://a_b.example.biz/", isp, null).getBoolean("blocked")).isFalse();

        List<String> bad = List.of("ftp://files.example.vn/x", "010.0.0.1", "http://user@example.vn/",
                "a_b.example_biz", "vn", "192.0.2.1/24", "http://[2001:db8::1/",
                "https://" + ("x".repeat(60) + ".").repeat(5) + "vn/");
        long draft = Api.draft(Api.unique("same-codes"));
        List<String> importCodes = as(OFFICER).contentType("text/plain; charset=UTF-8").body(String.join("\n", bad))
                .post("/api/v1/directives/" + draft + "/targets").then().statusCode(400)
                .extract().jsonPath().getList("violations.code", String.class);
        List<String> lookupCodes = bad.stream().map(line -> as(AUDITOR).queryParam("q", line).queryParam("isp", isp)
                .get("/api/v1/lookup").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("q")).extract().jsonPath().getString("violations[0].code"))
                .toList();
        assertThat(lookupCodes).isEqualTo(importCodes).hasSize(bad.size()).contains("url-scheme", "too-long");
    }

    @Test
    void anInstantLaterThanNowOrBefore1970IsRefusedNamingAt() {
        String isp = Api.newIsp();
        long current = Rulesets.current(isp);
        for (String at : List.of("+999999999-12-31T23:59:59Z", "9999-12-31T23:59:59Z",
                Instant.now().plusSeconds(3600).toString(), "-999999999-01-01T00:00:00Z", "1969-12-31T23:59:59Z")) {
            as(AUDITOR).queryParam("q", "example.vn").queryParam("isp", isp).queryParam("at", at).get("/api/v1/lookup")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("at")).body("violations[0].code", equalTo("out-of-range"));
        }
        as(AUDITOR).queryParam("q", "example.vn").queryParam("isp", isp).queryParam("at", "tomorrow")
                .get("/api/v1/lookup").then().statusCode(400).body("violations[0].field", equalTo("at"));
        // a client clock a few seconds fast still asks about the present
        assertThat(lookup("example.vn", isp, Instant.now().plusSeconds(5).toString()).getLong("version"))
                .isEqualTo(current);
    }

    @Test
    void anIpv6AddressCarryingAProtectedIpv4AddressIsAllowlistedLikeIt() {
        String isp = Api.newIsp();
        Rulesets.current(isp);
        for (String q : List.of("8.8.8.8", "64:ff9b::808:808", "2002:808:808::1", "http://[64:ff9b::808:808]/")) {
            JsonPath answer = lookup(q, isp, null);
            assertThat(answer.getBoolean("blocked")).as(q).isFalse();
            assertThat(answer.getList("allowlisted.value")).as(q).contains("8.8.8.8");
        }
        assertThat(lookup("64:ff9b::2d76:9001", isp, null).getList("allowlisted")).isEmpty();
    }

    private static JsonPath lookup(String q, String isp, String at) {
        var request = as(AUDITOR).queryParam("q", q).queryParam("isp", isp);
        if (at != null) {
            request.queryParam("at", at);
        }
        return request.get("/api/v1/lookup").then().statusCode(200).extract().jsonPath();
    }
}
