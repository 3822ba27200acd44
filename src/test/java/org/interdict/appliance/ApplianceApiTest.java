package org.interdict.appliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.interdict.support.Api.ADMIN;
import static org.interdict.support.Api.AUDITOR;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplianceApiTest {

    private static final String TOKEN_SHAPE = "itd_[A-Za-z0-9_-]{43}";

    @Inject
    LastSeen lastSeen;

    @Test
    void registerReturnsTheTokenOnceAndReadsNeverShowIt() {
        String isp = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        ExtractableResponse<Response> created = as(engineer)
                .body(Map.of("name", "resolver-hn-1", "kind", "dns-resolver", "preferredFormat", "rpz"))
                .post(appliances(isp))
                .then().statusCode(201)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("appliance.isp", equalTo(isp))
                .body("appliance.kind", equalTo("dns-resolver"))
                .body("appliance.token.active", equalTo(true))
                .body("appliance.createdBy", equalTo("eng-" + isp))
                .extract();
        String token = created.path("token");
        long id = created.jsonPath().getLong("appliance.id");
        assertThat(token).matches(TOKEN_SHAPE);
        assertThat(created.header("Location")).endsWith("/api/v1/isps/" + isp + "/appliances/" + id);
        assertThat(created.jsonPath().getString("appliance.token.hint")).isEqualTo(token.substring(0, 8));

        String one = as(engineer).get(appliances(isp) + "/" + id).then().statusCode(200)
                .body("name", equalTo("resolver-hn-1"))
                .body("token.hint", equalTo(token.substring(0, 8)))
                .body("token.issuedAt", notNullValue())
                .body("token.revokedAt", nullValue())
                .body("lastSeenAt", nullValue())
                .extract().asString();
        String list = as(OFFICER).get(appliances(isp)).then().statusCode(200)
                .body("items.id", hasItem((int) id)).extract().asString();
        for (String body : new String[] {one, list}) {
            assertThat(body).doesNotContain(token.substring(8)).doesNotContain(sha256(token))
                    .doesNotContain("tokenHash").doesNotContain("\"token\":\"");
        }
    }

    @Test
    void theDatabaseHoldsOnlyTheHash() {
        String isp = Api.newIsp();
        Registered a = register(isp, "dpi-1", "dpi", "csv");
        assertThat(Db.queryString("select token_hash from appliance where id = ?", a.id())).isEqualTo(sha256(a.token()));
        assertThat(Db.queryString("select count(*) from appliance a where id = ? and a::text like ?",
                a.id(), "%" + a.token().substring(8) + "%")).isEqualTo("0");
        assertThat(Db.queryString("select token_hint from appliance where id = ?", a.id()))
                .isEqualTo(a.token().substring(0, 8));
    }

    @Test
    void theTokenAuthenticatesItsOwnRecord() {
        String isp = Api.newIsp();
        Registered a = register(isp, "fw-1", "firewall", "nftables");
        as(a.token()).get("/api/v1/appliances/self").then().statusCode(200)
                .body("id", equalTo((int) a.id()))
                .body("isp", equalTo(isp))
                .body("kind", equalTo("firewall"))
                .body("preferredFormat", equalTo("nftables"))
                .body("$", not(org.hamcrest.Matchers.hasKey("tokenHash")));
        given().get("/api/v1/appliances/self").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        as("itd_not-a-real-token").get("/api/v1/appliances/self").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        // Right shape, never issued.
        as("itd_" + "A".repeat(43)).get("/api/v1/appliances/self").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("unauthenticated"));
    }

    @Test
    void rotationRetiresTheOldTokenAtOnce() {
        String isp = Api.newIsp();
        Registered a = register(isp, "proxy-1", "proxy", "squid");
        as(a.token()).get("/api/v1/appliances/self").then().statusCode(200);

        JsonPath rotated = as(engineerOf(isp)).post(appliances(isp) + "/" + a.id() + "/token")
                .then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .extract().jsonPath();
        String fresh = rotated.getString("token");
        assertThat(fresh).matches(TOKEN_SHAPE).isNotEqualTo(a.token());
        assertThat(rotated.getString("appliance.token.hint")).isEqualTo(fresh.substring(0, 8));

        as(a.token()).get("/api/v1/appliances/self").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        as(fresh).get("/api/v1/appliances/self").then().statusCode(200).body("id", equalTo((int) a.id()));
        assertThat(Db.queryString("select token_hash from appliance where id = ?", a.id())).isEqualTo(sha256(fresh));
    }

    @Test
    void revocationRefusesAtOnce() {
        String isp = Api.newIsp();
        Registered a = register(isp, "resolver-2", "dns-resolver", "unbound");
        as(a.token()).get("/api/v1/appliances/self").then().statusCode(200);

        as(engineerOf(isp)).delete(appliances(isp) + "/" + a.id() + "/token").then().statusCode(200)
                .body("token.active", equalTo(false))
                .body("token.revokedAt", notNullValue());
        as(a.token()).get("/api/v1/appliances/self").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");

        as(engineerOf(isp)).delete(appliances(isp) + "/" + a.id() + "/token").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("token-already-revoked"));
        as(engineerOf(isp)).delete(appliances(isp) + "/999999999/token").then().statusCode(404);

        // A new token lets the appliance back in; the revoked one stays out.
        String fresh = as(ADMIN).post(appliances(isp) + "/" + a.id() + "/token").then().statusCode(200)
                .body("appliance.token.active", equalTo(true)).extract().path("token");
        as(fresh).get("/api/v1/appliances/self").then().statusCode(200);
        as(a.token()).get("/api/v1/appliances/self").then().statusCode(401);
    }

    @Test
    void anotherIspsEngineerFindsNothing() {
        String ispA = Api.newIsp();
        String ispB = Api.newIsp();
        Registered a = register(ispA, "resolver-a", "dns-resolver", "rpz");
        String engineerB = engineerOf(ispB);
        String one = appliances(ispA) + "/" + a.id();

        String hidden = as(engineerB).get(appliances(ispA)).then().statusCode(404)
                .contentType("application/problem+json").extract().path("detail");
        String absent = as(engineerB).get(appliances("no-such-isp")).then().statusCode(404).extract().path("detail");
        assertThat(hidden.replace(ispA, "X")).isEqualTo(absent.replace("no-such-isp", "X"));

        as(engineerB).get(one).then().statusCode(404);
        as(engineerB).body(Map.of("name", "intruder", "kind", "other", "preferredFormat", "txt"))
                .post(appliances(ispA)).then().statusCode(404);
        as(engineerB).body(Map.of("name", "renamed")).patch(one).then().statusCode(404);
        as(engineerB).post(one + "/token").then().statusCode(404);
        as(engineerB).delete(one + "/token").then().statusCode(404);
        as(engineerB).delete(one).then().statusCode(404);
        // Nor through its own ISP's path.
        as(engineerB).get(appliances(ispB) + "/" + a.id()).then().statusCode(404);

        assertThat(Db.queryString("select count(*) from appliance where isp_id = ?", ispA)).isEqualTo("1");
        assertThat(Db.queryString("select name from appliance where id = ?", a.id())).isEqualTo("resolver-a");
        as(a.token()).get("/api/v1/appliances/self").then().statusCode(200);
    }

    @Test
    void officersReadButDoNotManage() {
        String isp = Api.newIsp();
        Registered a = register(isp, "dpi-2", "dpi", "ipset");
        as(AUDITOR).get(appliances(isp) + "/" + a.id()).then().statusCode(200).body("name", equalTo("dpi-2"));
        as(OFFICER).body(Map.of("name", "x", "kind", "dpi", "preferredFormat", "csv")).post(appliances(isp))
                .then().statusCode(403).contentType("application/problem+json");
        as(OFFICER).post(appliances(isp) + "/" + a.id() + "/token").then().statusCode(403);
        as(ADMIN).body(Map.of("name", "by-admin", "kind", "other", "preferredFormat", "json")).post(appliances(isp))
                .then().statusCode(201);
    }

    @Test
    void anApplianceTokenOpensNoHumanEndpoint() {
        String isp = Api.newIsp();
        Registered a = register(isp, "resolver-3", "dns-resolver", "hosts");
        as(a.token()).get("/api/v1/directives").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("forbidden"));
        as(a.token()).get(appliances(isp)).then().statusCode(403);
        as(a.token()).body(Map.of("name", "self-made", "kind", "other", "preferredFormat", "txt"))
                .post(appliances(isp)).then().statusCode(403);
    }

    @Test
    void jwtsKeepWorkingAlongside() {
        String isp = Api.newIsp();
        Registered a = register(isp, "resolver-4", "dns-resolver", "dnsmasq");
        as(OFFICER).get("/api/v1/directives").then().statusCode(200);
        as(a.token()).get("/api/v1/appliances/self").then().statusCode(200);
        as(engineerOf(isp)).get(appliances(isp)).then().statusCode(200).body("items.id", hasItem((int) a.id()));
        // A human token is no appliance, even for the appliance's own endpoint.
        as(engineerOf(isp)).get("/api/v1/appliances/self").then().statusCode(403);
        // Bearer values without the prefix are still judged by the JWT mechanism.
        as("not-a-jwt").get("/api/v1/directives").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        as(Tokens.of("appliance-pretender", "appliance")).get("/api/v1/appliances/self").then().statusCode(403);
    }

    @Test
    void invalidBodiesNameTheField() {
        String isp = Api.newIsp();
        String engineer = engineerOf(isp);
        as(engineer).body(Map.of("kind", "dpi", "preferredFormat", "csv")).post(appliances(isp))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("name"));
        as(engineer).body(Map.of("name", "a", "kind", "dpi", "preferredFormat", "xml")).post(appliances(isp))
                .then().statusCode(400).body("violations.field", hasItem("preferredFormat"));
        as(engineer).body(Map.of("name", "a", "kind", "toaster", "preferredFormat", "csv")).post(appliances(isp))
                .then().statusCode(400).body("violations[0].field", equalTo("kind"));
        as(engineer).body(Map.of("name", "a")).post(appliances(isp))
                .then().statusCode(400)
                .body("violations.field", hasItem("kind"))
                .body("violations.field", hasItem("preferredFormat"));

        Registered a = register(isp, "taken", "other", "txt");
        as(engineer).body(Map.of("name", "taken", "kind", "dpi", "preferredFormat", "csv")).post(appliances(isp))
                .then().statusCode(409).body("code", equalTo("appliance-exists"));
        as(engineer).body(Map.of("name", "   ")).patch(appliances(isp) + "/" + a.id())
                .then().statusCode(400).body("violations.field", hasItem("name"));
        assertThat(Db.queryString("select count(*) from appliance where isp_id = ?", isp)).isEqualTo("1");
    }

    @Test
    void patchRenamesAndDeleteRemoves() {
        String isp = Api.newIsp();
        String engineer = engineerOf(isp);
        Registered a = register(isp, "old-name", "proxy", "squid");
        Registered b = register(isp, "other-name", "proxy", "squid");
        as(engineer).body(Map.of("name", " new-name ", "preferredFormat", "txt")).patch(appliances(isp) + "/" + a.id())
                .then().statusCode(200).body("name", equalTo("new-name")).body("preferredFormat", equalTo("txt"))
                .body("kind", equalTo("proxy"));
        as(a.token()).get("/api/v1/appliances/self").then().statusCode(200).body("preferredFormat", equalTo("txt"));
        as(engineer).body(Map.of("name", "other-name")).patch(appliances(isp) + "/" + a.id())
                .then().statusCode(409).body("code", equalTo("appliance-exists"));

        as(engineer).delete(appliances(isp) + "/" + a.id()).then().statusCode(204);
        as(engineer).get(appliances(isp) + "/" + a.id()).then().statusCode(404);
        as(a.token()).get("/api/v1/appliances/self").then().statusCode(401);
        as(engineer).get(appliances(isp)).then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of((int) b.id())));
    }

    @Test
    void listingPagesWithACursor() {
        String isp = Api.newIsp();
        Registered first = register(isp, "r1", "dns-resolver", "rpz");
        Registered second = register(isp, "r2", "dns-resolver", "rpz");
        String cursor = as(OFFICER).queryParam("limit", 1).get(appliances(isp)).then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of((int) second.id())))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        as(OFFICER).queryParam("limit", 1).queryParam("cursor", cursor).get(appliances(isp)).then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of((int) first.id())))
                .body("nextCursor", nullValue());
    }

    @Test
    void lastSeenIsWrittenByTheBatchedFlush() {
        String isp = Api.newIsp();
        Registered a = register(isp, "resolver-5", "dns-resolver", "rpz");
        Registered b = register(isp, "resolver-6", "dns-resolver", "rpz");
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        as(a.token()).get("/api/v1/appliances/self").then().statusCode(200).body("lastSeenAt", notNullValue());
        as(b.token()).get("/api/v1/appliances/self").then().statusCode(200);

        // Nothing is written per request...
        assertThat(Db.queryString("select last_seen_at from appliance where id = ?", a.id())).isNull();
        // ...yet readers already see the contact.
        as(engineerOf(isp)).get(appliances(isp) + "/" + a.id()).then().statusCode(200)
                .body("lastSeenAt", notNullValue());

        int written = lastSeen.flush();
        OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1);
        assertThat(written).isGreaterThanOrEqualTo(2);
        for (long id : new long[] {a.id(), b.id()}) {
            assertThat(Db.queryString("select last_seen_at between ? and ? from appliance where id = ?",
                    before, after, id)).isEqualTo("t");
        }
        assertThat(lastSeen.flush()).isZero();
    }

    private record Registered(long id, String token) {}

    private static Registered register(String isp, String name, String kind, String format) {
        JsonPath body = as(engineerOf(isp)).body(Map.of("name", name, "kind", kind, "preferredFormat", format))
                .post(appliances(isp)).then().statusCode(201).extract().jsonPath();
        return new Registered(body.getLong("appliance.id"), body.getString("token"));
    }

    private static String engineerOf(String isp) {
        return Tokens.ispEngineer("eng-" + isp, isp);
    }

    private static String appliances(String isp) {
        return "/api/v1/isps/" + isp + "/appliances";
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
