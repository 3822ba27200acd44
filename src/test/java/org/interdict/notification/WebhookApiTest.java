package org.interdict.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

/** Registering, listing, rotating and deactivating webhook endpoints, each caller within their own owner. */
@QuarkusTest
class WebhookApiTest {

    @Test
    void anEngineerRegistersAnEndpointForTheirIspAndSeesTheSecretOnce() {
        String isp = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);

        JsonPath created = Api.as(engineer).body(Map.of("url", "https://hooks.example.vn/interdict"))
                .post("/api/v1/webhooks").then().statusCode(201).header("Cache-Control", containsString("no-store"))
                .body("webhook.owner", equalTo("isp:" + isp)).body("webhook.active", equalTo(true))
                .body("secret", startsWith("whsec_")).extract().jsonPath();
        long id = created.getLong("webhook.id");

        String listed = Api.as(engineer).get("/api/v1/webhooks").then().statusCode(200).extract().asString();
        assertThat(listed).contains("https://hooks.example.vn/interdict").doesNotContain(created.getString("secret"));
        assertThat(Db.queryString("select encode(sealed_secret, 'escape') from webhook_endpoint where id = ?", id))
                .doesNotContain(created.getString("secret"));
        assertThat(Db.queryString("select summary->>'owner' from audit_entry where action = 'webhook.created'"
                + " and subject_id = ?", String.valueOf(id))).isEqualTo("isp:" + isp);
    }

    @Test
    void rotationIssuesANewSecretAndDeactivationIsFinal() {
        String isp = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        JsonPath created = register(engineer, Map.of("url", "http://127.0.0.1:9/hook"));
        long id = created.getLong("webhook.id");

        String rotated = Api.as(engineer).post("/api/v1/webhooks/" + id + "/rotate").then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).body("webhook.secretRotatedBy", equalTo("eng-" + isp))
                .extract().path("secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(created.getString("secret"));

        Api.as(engineer).post("/api/v1/webhooks/" + id + "/deactivate").then().statusCode(200)
                .body("active", equalTo(false)).body("deactivatedBy", equalTo("eng-" + isp));
        Api.as(engineer).post("/api/v1/webhooks/" + id + "/deactivate").then().statusCode(409)
                .body("code", equalTo("webhook-inactive"));
        Api.as(engineer).post("/api/v1/webhooks/" + id + "/rotate").then().statusCode(409);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        String isp = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        refused(engineer, Map.of("url", "ftp://files.example.vn/hook"), "url", "invalid-url");
        refused(engineer, Map.of("url", "/relative/hook"), "url", "invalid-url");
        refused(engineer, Map.of("url", "https://user:pass@hooks.example.vn/"), "url", "credentials-in-url");
        refused(engineer, Map.of("url", "https://hooks.example.vn/" + "a".repeat(2100)), "url", "too-long");
        refused(engineer, Map.of(), "url", "required");
        refused(Api.ADMIN, Map.of("url", "https://hooks.example.vn/"), "owner", "required");
        refused(Api.ADMIN, Map.of("owner", "vnpt", "url", "https://hooks.example.vn/"), "owner", "invalid-owner");
        refused(Api.ADMIN, Map.of("owner", "isp:no-such-isp", "url", "https://hooks.example.vn/"), "owner",
                "unknown-isp");
        refused(Api.ADMIN, Map.of("owner", "authority:no-such-body", "url", "https://hooks.example.vn/"), "owner",
                "unknown-authority");
        Api.as(engineer).body(Map.of("url", "https://hooks.example.vn/", "colour", "red")).post("/api/v1/webhooks")
                .then().statusCode(400);
        assertThat(Db.queryString("select count(*) from webhook_endpoint where owner = ?", "isp:" + isp))
                .isEqualTo("0");
    }

    @Test
    void eachCallerManagesAndSeesTheirOwnOwnersEndpointsOnly() {
        String isp = Api.newIsp();
        String other = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        String foreign = Tokens.ispEngineer("eng-" + other, other);
        long id = register(engineer, Map.of("url", "https://" + isp + ".example.vn/hook")).getLong("webhook.id");

        // Another ISP's engineer: cannot register for this ISP, does not see the endpoint, cannot touch it.
        Api.as(foreign).body(Map.of("owner", "isp:" + isp, "url", "https://x.example.vn/")).post("/api/v1/webhooks")
                .then().statusCode(403).body("code", equalTo("owner-out-of-scope"));
        assertThat(Api.as(foreign).get("/api/v1/webhooks").then().statusCode(200).extract().asString())
                .doesNotContain(isp);
        Api.as(foreign).post("/api/v1/webhooks/" + id + "/rotate").then().statusCode(404);
        Api.as(foreign).post("/api/v1/webhooks/" + id + "/deactivate").then().statusCode(404);

        // An officer works for an authority: their endpoints belong to it, and they do not see the ISP's.
        String officer = Tokens.ofAuthority("dic-quang-nam", "officer-qn", "officer");
        register(officer, Map.of("url", "https://so.quangnam.gov.vn/hook"));
        List<String> officerSees = Api.as(officer).get("/api/v1/webhooks").then().statusCode(200).extract().jsonPath()
                .getList("owner");
        assertThat(officerSees).isNotEmpty().containsOnly("authority:dic-quang-nam");
        Api.as(officer).post("/api/v1/webhooks/" + id + "/deactivate").then().statusCode(404);

        // Administrators and auditors see every owner's, or one owner's when they ask.
        assertThat(Api.as(Api.AUDITOR).get("/api/v1/webhooks").then().statusCode(200).extract().jsonPath()
                .<String>getList("owner")).contains("isp:" + isp, "authority:dic-quang-nam");
        assertThat(Api.as(Api.ADMIN).queryParam("owner", "isp:" + isp).get("/api/v1/webhooks").then().statusCode(200)
                .extract().jsonPath().<String>getList("owner")).containsOnly("isp:" + isp);
        Api.as(Api.AUDITOR).body(Map.of("owner", "isp:" + isp, "url", "https://x.example.vn/"))
                .post("/api/v1/webhooks").then().statusCode(403);
        // An administrator registers for any owner.
        register(Api.ADMIN, Map.of("owner", "isp:" + other, "url", "https://" + other + ".example.vn/hook"));
    }

    private static JsonPath register(String token, Map<String, Object> body) {
        return Api.as(token).body(body).post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
    }

    private static void refused(String token, Map<String, Object> body, String field, String code) {
        Api.as(token).body(body).post("/api/v1/webhooks").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(field)).body("violations[0].code", equalTo(code));
    }
}
