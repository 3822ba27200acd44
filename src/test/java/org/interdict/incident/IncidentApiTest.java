package org.interdict.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentApiTest {

    static Map<String, Object> ddos(String indicators) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "ddos");
        body.put("severity", "high");
        body.put("detectedAt", Instant.now().minusSeconds(1800).toString());
        body.put("affectedSystems", "Resolvers in Tam Kỳ; customer portal");
        body.put("indicators", indicators);
        body.put("actionsTaken", "Rate-limited at the edge");
        return body;
    }

    @Test
    void indicatorsAreNormalisedAndEveryBadLineIsRefusedWithItsNumber() {
        String isp = Api.newIsp();
        String engineer = Tokens.ispEngineer("e-" + isp, isp);
        String path = "/api/v1/recipients/isp:" + isp + "/incidents";
        JsonPath refused = as(engineer).body(ddos("c2.example.vn\nnot a name\n\n203.0.113.300\nhttp://ok.example.vn/x"))
                .post(path).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid-indicators")).extract().jsonPath();
        assertThat(refused.getList("violations.line", Integer.class)).containsExactly(2, 4);
        assertThat(Db.queryString("select count(*) from incident where recipient_id = ?", isp)).isEqualTo("0");

        as(engineer).body(ddos("C2.Example.VN\n  203.0.113.7  \nHTTP://Bad.Example.vn/Login\nc2.example.vn\n*.botnet.example.vn\n"))
                .post(path).then().statusCode(201)
                .body("recipient", equalTo("isp:" + isp))
                .body("triage", equalTo("new"))
                .body("indicators.value", equalTo(List.of("c2.example.vn", "203.0.113.7",
                        "http://bad.example.vn/Login", "botnet.example.vn")))
                .body("indicators.type", equalTo(List.of("DOMAIN", "IP", "URL", "DOMAIN_TREE")));
    }

    @Test
    void aRecipientSeesItsOwnReportsOnly() {
        String isp = Api.newIsp();
        String other = Api.newIsp();
        String agency = Api.newAgency();
        long id = as(Tokens.ispEngineer("e-" + isp, isp)).body(ddos("x.example.vn"))
                .post("/api/v1/recipients/isp:" + isp + "/incidents").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String foreign = Tokens.ispEngineer("e-" + other, other);
        as(foreign).get("/api/v1/incidents/" + id).then().statusCode(404);
        assertThat(as(foreign).get("/api/v1/incidents").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class)).doesNotContain(id);
        as(foreign).body(ddos("x.example.vn")).post("/api/v1/recipients/isp:" + isp + "/incidents")
                .then().statusCode(404);
        as(Tokens.agency("p-" + agency, agency)).get("/api/v1/incidents/" + id).then().statusCode(404);
        as(foreign).body(Map.of("note", "x")).post("/api/v1/recipients/isp:" + other + "/incidents/" + id + "/updates")
                .then().statusCode(404);
        as(OFFICER).get("/api/v1/incidents/" + id).then().statusCode(200);
    }

    @Test
    void updatesUntilClosedAndTheAuthorityTriages() {
        String agency = Api.newAgency();
        String person = Tokens.agency("p-" + agency, agency);
        long id = as(person).body(Map.of("type", "defacement", "severity", "medium",
                        "detectedAt", Instant.now().toString(), "affectedSystems", "Portal"))
                .post("/api/v1/recipients/agency:" + agency + "/incidents").then().statusCode(201)
                .body("reportedBy", equalTo("p-" + agency)).body("reportedByName", equalTo("Test p-" + agency))
                .extract().jsonPath().getLong("id");
        String updates = "/api/v1/recipients/agency:" + agency + "/incidents/" + id + "/updates";
        as(OFFICER).body(Map.of("triage", "acknowledged", "note", "Đã tiếp nhận")).post("/api/v1/incidents/" + id
                + "/triage").then().statusCode(200).body("triage", equalTo("acknowledged"));
        as(person).body(Map.of("triage", "in-progress")).post(updates).then().statusCode(400)
                .body("violations[0].code", equalTo("reporter-closes-only"));
        as(person).body(Map.of("note", "Restored from backup")).post(updates).then().statusCode(200)
                .body("updates.side", equalTo(List.of("authority", "recipient")))
                .body("updates.by", equalTo(List.of("officer-an", "p-" + agency)))
                .body("updates.byName", equalTo(List.of("Test officer-an", "Test p-" + agency)));
        as(person).body(Map.of("triage", "closed", "note", "Done")).post(updates).then().statusCode(200)
                .body("triage", equalTo("closed"));
        as(person).body(Map.of("note", "late")).post(updates).then().statusCode(409)
                .body("code", equalTo("incident-closed"));
        as(OFFICER).post("/api/v1/incidents/" + id + "/directive-draft").then().statusCode(409)
                .body("code", equalTo("no-indicators"));
        assertThat(Db.queryString("select string_agg(action, ',' order by id) from audit_entry"
                + " where subject_type = 'incident' and subject_id = ?", String.valueOf(id)))
                .isEqualTo("incident.reported,incident.updated,incident.updated,incident.updated");
    }

    @Test
    void indicatorsBecomeABlockDraftThatGoesThroughFourEyes() {
        String isp = Api.newIsp();
        String c2 = Api.unique("c2") + ".example.vn";
        long id = as(Tokens.ispEngineer("e-" + isp, isp)).body(ddos(c2 + "\n*." + Api.unique("bots") + ".example.vn"))
                .post("/api/v1/recipients/isp:" + isp + "/incidents").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        JsonPath draft = as(OFFICER).post("/api/v1/incidents/" + id + "/directive-draft").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("kind", equalTo("BLOCK"))
                .body("legalReference", equalTo("INCIDENT-" + id)).extract().jsonPath();
        long directive = draft.getLong("id");
        as(OFFICER).post("/api/v1/incidents/" + id + "/directive-draft").then().statusCode(409)
                .body("code", equalTo("draft-exists"));
        as(OFFICER).get("/api/v1/incidents/" + id).then().body("directive", equalTo((int) directive));
        assertThat(as(OFFICER).get("/api/v1/directives/" + directive + "/targets").then().statusCode(200)
                .extract().jsonPath().getList("items.value", String.class)).contains(c2).hasSize(2);

        as(OFFICER).post("/api/v1/directives/" + directive + "/submit").then().statusCode(200);
        as(OFFICER).body(Map.of("confirmFlaggedTargets", List.of())).post("/api/v1/directives/" + directive
                + "/approve").then().statusCode(403);
        as(SUPERVISOR).body(Map.of("confirmFlaggedTargets", List.of())).post("/api/v1/directives/" + directive
                + "/approve").then().statusCode(200);
    }
}
