package org.interdict.ruleset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.interdict.appliance.LastSeen;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.JwtKeys;
import org.interdict.support.Rulesets;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplianceDownloadApiTest {

    @Inject
    LastSeen lastSeen;

    @Test
    void anAppliancePullsSignedRuleSetsAndPollsWithItsETag() throws Exception {
        String isp = Api.newIsp();
        String token = Api.registerAppliance(isp, "resolver-1");
        long id = Api.approvedFor(List.of(isp), Api.unique("pull"), "*.cờ-bạc.vn", "exact.example.vn",
                "45.118.160.0/24", "2402:9400:1234::/48");
        long version = Rulesets.await(isp, s -> s.getList("current.changes.directiveId").contains((int) id))
                .getLong("current.version");

        Response rpz = given().auth().oauth2(token).queryParam("format", "rpz").get(current(isp));
        rpz.then().statusCode(200).contentType(containsString("text/dns"))
                .header("Content-Disposition", containsString("interdict-" + isp + "-v" + version + ".rpz"))
                .header("X-Interdict-Version", String.valueOf(version))
                .body(containsString("*.xn--c-bc-7q5a1p.vn"))
                .body(containsString("24.0.160.118.45.rpz-ip"));
        String digest = rpz.header("X-Interdict-Digest");
        assertThat(verifies(isp, version, digest, rpz.header("X-Interdict-Signature"))).isTrue();
        assertThat(rpz.header("X-Interdict-Key-Id")).isEqualTo(JwtKeys.SIGNING_KEY_ID);

        given().auth().oauth2(token).queryParam("format", "rpz").header("If-None-Match", rpz.header("ETag"))
                .get(current(isp)).then().statusCode(304).header("X-Interdict-Version", String.valueOf(version));

        given().auth().oauth2(token).queryParam("format", "nftables").get(current(isp))
                .then().statusCode(200).body(containsString("45.118.160.0/24")).body(containsString("2402:9400:1234::/48"));

        long next = Api.approvedFor(List.of(isp), Api.unique("next"), "next.example.vn");
        long nextVersion = Rulesets.await(isp, s -> s.getList("current.changes.directiveId").contains((int) next))
                .getLong("current.version");
        given().auth().oauth2(token).queryParam("format", "rpz").header("If-None-Match", rpz.header("ETag"))
                .get(current(isp)).then().statusCode(200).header("X-Interdict-Version", String.valueOf(nextVersion))
                .body(containsString("next.example.vn"));

        Response delta = given().auth().oauth2(token).queryParam("from", version).get("/api/v1/isps/" + isp + "/ruleset/delta");
        delta.then().statusCode(200).body("added.DOMAIN", hasItem("next.example.vn"));
        assertThat(verifies(isp, nextVersion, delta.header("X-Interdict-Digest"), delta.header("X-Interdict-Signature")))
                .isTrue();
    }

    @Test
    void anApplianceReadsOnlyItsOwnIspAndStopsWhenRevoked() {
        String isp = Api.newIsp();
        String other = Api.newIsp();
        Rulesets.current(isp);
        Rulesets.current(other);
        String token = Api.registerAppliance(isp, "dpi-1");
        given().auth().oauth2(token).get(current(other)).then().statusCode(404);
        given().auth().oauth2(token).get("/api/v1/directives").then().statusCode(403);
        given().auth().oauth2(token).queryParam("format", "nonsense").get(current(isp))
                .then().statusCode(400).body("violations[0].field", equalTo("format"));

        long applianceId = as(Tokens.ispEngineer("eng-" + isp, isp)).get("/api/v1/isps/" + isp + "/appliances")
                .jsonPath().getLong("items[0].id");
        as(Tokens.ispEngineer("eng-" + isp, isp)).delete("/api/v1/isps/" + isp + "/appliances/" + applianceId + "/token")
                .then().statusCode(200);
        given().auth().oauth2(token).get(current(isp)).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void anUnchangedPollAnswers304WithTheVersionsHeadersWhoeverAsks() {
        String isp = Api.newIsp();
        Rulesets.current(isp);
        String token = Api.registerAppliance(isp, "resolver-poll");
        Response full = given().auth().oauth2(token).queryParam("format", "rpz").get(current(isp));
        full.then().statusCode(200);
        String etag = full.header("ETag");

        Response byAppliance = poll(token, isp, "rpz", etag);
        // An engineer's JWT is answered by the REST resource, whatever answers appliances.
        Response byEngineer = poll(Tokens.ispEngineer("eng-" + isp, isp), isp, "rpz", etag);
        byAppliance.then().statusCode(304).body(equalTo(""));
        byEngineer.then().statusCode(304);
        for (String name : List.of("ETag", "X-Interdict-Isp", "X-Interdict-Version", "X-Interdict-Digest",
                "X-Interdict-Signature", "X-Interdict-Key-Id", "Cache-Control")) {
            assertThat(byAppliance.header(name)).as(name).isNotNull()
                    .isEqualTo(byEngineer.header(name)).isEqualTo(full.header(name));
        }

        poll(token, isp, " RPZ ", etag).then().statusCode(304);
        poll(token, isp, "rpz", "\"elsewhere\", W/" + etag).then().statusCode(304);
        poll(token, isp, "hosts", etag).then().statusCode(200).header("ETag", not(equalTo(etag)));
        poll(token, isp, "rpz", "\"elsewhere\"").then().statusCode(200).header("ETag", equalTo(etag));
    }

    @Test
    void anUnchangedPollIsRefusedAsAnyRequestWouldBe() {
        String isp = Api.newIsp();
        String other = Api.newIsp();
        Rulesets.current(isp);
        Rulesets.current(other);
        String token = Api.registerAppliance(isp, "resolver-refused");
        String otherToken = Api.registerAppliance(other, "resolver-other");
        String etag = given().auth().oauth2(token).queryParam("format", "rpz").get(current(isp))
                .then().statusCode(200).extract().header("ETag");
        String otherEtag = given().auth().oauth2(otherToken).queryParam("format", "rpz").get(current(other))
                .then().statusCode(200).extract().header("ETag");
        poll(token, isp, "rpz", etag).then().statusCode(304);

        poll(token, other, "rpz", otherEtag).then().statusCode(404).contentType("application/problem+json");
        given().queryParam("format", "rpz").header("If-None-Match", etag).get(current(isp))
                .then().statusCode(401);
        given().auth().oauth2("itd_" + "A".repeat(43)).queryParam("format", "rpz").header("If-None-Match", etag)
                .get(current(isp)).then().statusCode(401);
        poll(token, isp, "nonsense", "*").then().statusCode(400).body("violations[0].field", equalTo("format"));
        given().auth().oauth2(token).queryParam("format", "txt").queryParam("type", "nonsense")
                .header("If-None-Match", "*").get(current(isp))
                .then().statusCode(400).body("violations[0].field", equalTo("type"));

        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        long applianceId = as(engineer).get("/api/v1/isps/" + isp + "/appliances").jsonPath().getLong("items[0].id");
        as(engineer).delete("/api/v1/isps/" + isp + "/appliances/" + applianceId + "/token").then().statusCode(200);
        poll(token, isp, "rpz", etag).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anUnchangedPollCountsAsContact() {
        String isp = Api.newIsp();
        Rulesets.current(isp);
        String token = Api.registerAppliance(isp, "resolver-seen");
        String etag = given().auth().oauth2(token).queryParam("format", "rpz").get(current(isp))
                .then().statusCode(200).extract().header("ETag");
        lastSeen.flush();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        long applianceId = as(engineer).get("/api/v1/isps/" + isp + "/appliances").jsonPath().getLong("items[0].id");
        assertThat(Db.queryString("update appliance set last_seen_at = null where id = ? returning id", applianceId))
                .isNotNull();

        poll(token, isp, "rpz", etag).then().statusCode(304);

        lastSeen.flush();
        assertThat(Db.queryString("select last_seen_at from appliance where id = ?", applianceId)).isNotNull();
    }

    @Test
    void downloadsAreGzippedOnRequest() {
        String isp = Api.newIsp();
        Rulesets.current(isp);
        given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .auth().oauth2(Api.AUDITOR).header("Accept-Encoding", "gzip").queryParam("format", "txt")
                .get(current(isp)).then().statusCode(200).header("Content-Encoding", "gzip");
    }

    @Test
    void signingKeysArePublished() {
        String pem = as(OFFICER).get("/api/v1/signing-keys").then().statusCode(200)
                .body("[0].id", equalTo(JwtKeys.SIGNING_KEY_ID)).body("[0].current", equalTo(true))
                .extract().jsonPath().getString("[0].publicKeyPem");
        String expected = Base64.getEncoder().encodeToString(JwtKeys.SIGNING.getPublic().getEncoded());
        assertThat(pem.replaceAll("-----[A-Z ]+-----|\\s", "")).isEqualTo(expected);
    }

    /** Verification with the JDK alone, as an appliance would do it with any Ed25519 implementation. */
    private static boolean verifies(String isp, long version, String digest, String signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(JwtKeys.SIGNING.getPublic());
        verifier.update(("interdict-ruleset-v1\n" + isp + "\n" + version + "\n" + digest + "\n")
                .getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(signature));
    }


    private static Response poll(String token, String isp, String format, String ifNoneMatch) {
        return given().auth().oauth2(token).queryParam("format", format).header("If-None-Match", ifNoneMatch)
                .get(current(isp));
    }

    private static String current(String isp) {
        return "/api/v1/isps/" + isp + "/ruleset/current";
    }
}
