package org.interdict.directive;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TargetImportApiTest {

    @Test
    void textImportNormalisesAndCollapsesSpellings() {
        long id = Api.draft(Api.unique("norm"));
        as(OFFICER).contentType("text/plain; charset=UTF-8")
                .body("# a comment\n\nBộThôngTin.VN.\nbộthôngtin.vn\n*.Lừa-Đảo.vn\nHTTPS://Example.VN:443/a/./b/../c#frag\n"
                        + "2402:9400:0:0:0:0:0:1\n45.118.145.0/24\n")
                .post("/api/v1/directives/" + id + "/targets")
                .then().statusCode(200)
                .body("received", equalTo(6)).body("imported", equalTo(5))
                .body("duplicates[0].line", equalTo(4)).body("duplicates[0].sameAsLine", equalTo(3));

        as(OFFICER).get("/api/v1/directives/" + id + "/targets").then().statusCode(200)
                .body("items", hasSize(5))
                .body("items.value", hasItems("xn--bthngtin-63a1467e.vn", "https://example.vn/a/c", "2402:9400::1",
                        "45.118.145.0/24"))
                .body("items.find { it.type == 'DOMAIN_TREE' }.value", equalTo("xn--la-o-2ua4356bkoa.vn"));
    }

    @Test
    void oneBadLineRefusesTheWholeBatchAndNamesEveryBadLine() {
        long id = Api.draft(Api.unique("bad"));
        as(OFFICER).contentType("text/plain; charset=UTF-8")
                .body("good.example.vn\n010.0.0.1\nexample..vn\n192.0.2.1/24\nftp://example.vn/x\nhttp://user:pw@example.vn/")
                .post("/api/v1/directives/" + id + "/targets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid-targets"))
                .body("totalViolations", equalTo(5))
                .body("violations.line", equalTo(List.of(2, 3, 4, 5, 6)))
                .body("violations[0].input", equalTo("010.0.0.1"))
                .body("violations.find { it.line == 4 }.code", equalTo("cidr-host-bits"))
                .body("violations.find { it.line == 4 }.hint", equalTo("192.0.2.0/24"))
                .body("violations.find { it.line == 6 }.code", equalTo("url-userinfo"));
        as(OFFICER).get("/api/v1/directives/" + id + "/targets").then().body("items", hasSize(0));
    }

    @Test
    void skipInvalidImportsTheGoodLinesAndReturnsTheBadOnes() {
        long id = Api.draft(Api.unique("skip"));
        as(OFFICER).contentType("text/plain; charset=UTF-8").body("good.example.vn\nnot a domain\nother.example.vn")
                .post("/api/v1/directives/" + id + "/targets?skipInvalid=true")
                .then().statusCode(200).body("imported", equalTo(2)).body("skippedTotal", equalTo(1))
                .body("skipped[0].line", equalTo(2));
    }

    @Test
    void everyGuardRefusesWithoutJustification() {
        long id = Api.draft(Api.unique("guards"));
        as(OFFICER).contentType("text/plain; charset=UTF-8")
                .body("com.vn\nvn\ngithub.io\n10.1.2.3\n1.0.0.0/8\n104.16.0.1\n*.google.com\n2001:db8::1\n")
                .post("/api/v1/directives/" + id + "/targets")
                .then().statusCode(400)
                .body("violations.code", equalTo(List.of("public-suffix", "single-label", "private-registry-suffix",
                        "reserved-range", "too-broad", "shared-infrastructure", "high-impact", "reserved-range")))
                .body("violations[0].hint", equalTo("add a justification to override; a supervisor must then confirm it"));
    }

    @Test
    void theGuardsSeeAUrlsHostTheIpv4InsideAnIpv6AddressAndNamesThatPassForOthers() {
        long id = Api.draft(Api.unique("walked-around"));
        String lines = "https://google.com/\n64:ff9b::6810:1\n2002:6810:1::/48\nаpple.com\nhttps://аpple.com/login\n"
                + "lừa-đảo.vn\nđánh-bạc-trực-tuyến.vn\nhttps://lừa-đảo.vn/khuyen-mai\n";
        as(OFFICER).contentType("text/plain; charset=UTF-8").body(lines).post("/api/v1/directives/" + id + "/targets")
                .then().statusCode(400)
                .body("violations.line", equalTo(List.of(1, 2, 3, 4, 5)))
                .body("violations.code", equalTo(List.of("high-impact", "shared-infrastructure",
                        "shared-infrastructure", "confusable", "confusable")))
                .body("violations[1].message", containsString("NAT64"))
                .body("violations[3].message", containsString("Cyrillic and Latin"));

        String justified = lines.lines().limit(5).map(line -> line + "  # justification: named in the order")
                .collect(Collectors.joining("\n", "", "\n")) + lines.lines().skip(5).collect(Collectors.joining("\n"));
        as(OFFICER).contentType("text/plain; charset=UTF-8").body(justified)
                .post("/api/v1/directives/" + id + "/targets").then().statusCode(200)
                .body("imported", equalTo(8)).body("flagged", equalTo(5));
    }

    @Test
    void aTargetLongerThanItsTypeAllowsIsRefusedAsALineInTextAndJson() {
        long id = Api.draft(Api.unique("long"));
        String longest = "https://long.example.vn/" + "a".repeat(4096 - 24);
        String tooLong = longest + "b";
        String longName = ("x".repeat(60) + ".").repeat(5) + "vn";
        String huge = "https://huge.example.vn/" + "c".repeat(200_000);
        as(OFFICER).contentType("text/plain; charset=UTF-8")
                .body(String.join("\n", "ok.example.vn", tooLong, longName, huge))
                .post("/api/v1/directives/" + id + "/targets").then().statusCode(400)
                .body("violations.line", equalTo(List.of(2, 3, 4)))
                .body("violations.code", equalTo(List.of("too-long", "too-long", "too-long")))
                .body("violations[0].message", containsString("at most 4096"))
                .body("violations[0].hint", containsString("host"))
                .body("violations[2].message.length()", lessThan(200));
        // 700 letters đ: within the JSON bound as written, six characters each once percent-encoded
        String tooLongOnceNormalised = "https://long.example.vn/" + "đ".repeat(700);
        as(OFFICER).body(List.of(Map.of("value", "ok.example.vn"),
                        Map.of("type", "URL", "value", tooLongOnceNormalised)))
                .post("/api/v1/directives/" + id + "/targets").then().statusCode(400)
                .body("violations[0].line", equalTo(2)).body("violations[0].code", equalTo("too-long"))
                .body("violations[0].message", containsString("once normalised"));
        // longer than the maximum as written: the same line and code as in text, not a field error
        as(OFFICER).body(List.of(Map.of("type", "URL", "value", tooLong)))
                .post("/api/v1/directives/" + id + "/targets").then().statusCode(400)
                .body("violations[0].line", equalTo(1)).body("violations[0].code", equalTo("too-long"));

        // the longest URL is stored and found again: its index entry is a digest, far below the btree limit
        as(OFFICER).contentType("text/plain; charset=UTF-8").body(longest).post("/api/v1/directives/" + id + "/targets")
                .then().statusCode(200).body("imported", equalTo(1));
        as(OFFICER).body(List.of(Map.of("type", "URL", "value", longest))).post("/api/v1/directives/" + id + "/targets")
                .then().statusCode(200).body("imported", equalTo(0)).body("alreadyPresent", equalTo(1));
        org.assertj.core.api.Assertions.assertThat(Db.queryString(
                "select length(value) from directive_target where directive_id = ?", id)).isEqualTo("4096");
    }

    @Test
    void jsonImportTakesExplicitTypesAndJustifications() {
        long id = Api.draft(Api.unique("json"));
        as(OFFICER).body(List.of(
                        Map.of("type", "DOMAIN_TREE", "value", "casino.example.vn"),
                        Map.of("value", "https://shop.example.vn/fake?id=1"),
                        Map.of("type", "IP", "value", "104.16.0.0/24", "justification", "named in the court order")))
                .post("/api/v1/directives/" + id + "/targets")
                .then().statusCode(200).body("imported", equalTo(3)).body("flagged", equalTo(1));
    }

    @Test
    void aTenThousandLineFileImports() {
        long id = Api.draft(Api.unique("bulk"));
        String body = IntStream.range(0, 10_000).mapToObj(i -> "site-" + i + ".example.vn").collect(Collectors.joining("\n"));
        as(OFFICER).contentType("text/plain; charset=UTF-8").body(body).post("/api/v1/directives/" + id + "/targets")
                .then().statusCode(200).body("imported", equalTo(10_000));
        as(OFFICER).contentType("text/plain; charset=UTF-8").body(body).post("/api/v1/directives/" + id + "/targets")
                .then().statusCode(200).body("imported", equalTo(0)).body("alreadyPresent", equalTo(10_000));
        String count = Db.queryString("select count(*) from directive_target where directive_id = ?", id);
        org.assertj.core.api.Assertions.assertThat(count).isEqualTo("10000");
    }

    @Test
    void tooManyLinesIs413() {
        long id = Api.draft(Api.unique("huge"));
        String body = "x.example.vn\n".repeat(200_001);
        as(OFFICER).contentType("text/plain; charset=UTF-8").body(body).post("/api/v1/directives/" + id + "/targets")
                .then().statusCode(413).contentType("application/problem+json").body("code", equalTo("too-many-targets"));
    }

    @Test
    void unsupportedMediaTypeIs415() {
        long id = Api.draft(Api.unique("media"));
        as(OFFICER).contentType("application/xml").body("<targets/>").post("/api/v1/directives/" + id + "/targets")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void targetsOfADraftCanBeRemoved() {
        long id = Api.draft(Api.unique("remove"));
        Api.addTargets(id, "one.example.vn", "two.example.vn");
        long target = as(OFFICER).get("/api/v1/directives/" + id + "/targets").jsonPath().getLong("items[0].id");
        as(OFFICER).delete("/api/v1/directives/" + id + "/targets/" + target).then().statusCode(204);
        as(OFFICER).delete("/api/v1/directives/" + id + "/targets/" + target).then().statusCode(404);
        as(OFFICER).get("/api/v1/directives/" + id + "/targets").then().body("items.value", hasItem("two.example.vn"))
                .body("items", hasSize(1));
    }
}
