package org.interdict.allowlist;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.interdict.support.Api.AUDITOR;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.interdict.support.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AllowlistApiTest {

    @Test
    void theCriticalInfrastructureListIsSeeded() {
        as(AUDITOR).queryParam("q", "root-servers.net").get("/api/v1/allowlist")
                .then().statusCode(200).body("items.value", hasItem("root-servers.net"))
                .body("items.find { it.value == 'root-servers.net' }.type", equalTo("DOMAIN_TREE"))
                .body("items.find { it.value == 'root-servers.net' }.source", equalTo("critical-infrastructure.txt"));
    }

    @Test
    void supervisorsAddAndRemoveEntries() {
        String name = Api.unique("operator") + ".example.vn";
        long id = as(SUPERVISOR).body(Map.of("value", "*." + name, "reason", "our own portal"))
                .post("/api/v1/allowlist").then().statusCode(201).body("type", equalTo("DOMAIN_TREE"))
                .body("createdBy", equalTo("supervisor-chi")).extract().jsonPath().getLong("id");
        as(SUPERVISOR).body(Map.of("value", "*." + name, "reason", "again")).post("/api/v1/allowlist")
                .then().statusCode(409);
        as(SUPERVISOR).delete("/api/v1/allowlist/" + id).then().statusCode(204);
        as(SUPERVISOR).delete("/api/v1/allowlist/" + id).then().statusCode(404);
    }

    @Test
    void bulkTextImportRefusesBadLinesUnlessAskedToSkip() {
        String name = Api.unique("bulk") + ".example.vn";
        String body = name + " resolver of a partner\n203.0.113.0/24 test range\nhttps://x.vn/ a url\nnoreason.vn\n";
        as(SUPERVISOR).contentType("text/plain; charset=UTF-8").body(body).post("/api/v1/allowlist")
                .then().statusCode(400).body("code", equalTo("invalid-entries")).body("totalViolations", equalTo(2))
                .body("violations.line", equalTo(java.util.List.of(3, 4)));
        as(SUPERVISOR).contentType("text/plain; charset=UTF-8").body(body).queryParam("skipInvalid", true)
                .queryParam("source", "partner list").post("/api/v1/allowlist")
                .then().statusCode(200).body("skippedTotal", equalTo(2));
        as(AUDITOR).queryParam("q", name).get("/api/v1/allowlist")
                .then().body("items[0].source", equalTo("partner list"));
    }

    @Test
    void officersReadButDoNotChange() {
        as(OFFICER).get("/api/v1/allowlist").then().statusCode(200);
        as(OFFICER).body(Map.of("value", "x.example.vn", "reason", "r")).post("/api/v1/allowlist").then().statusCode(403);
        as(OFFICER).delete("/api/v1/allowlist/1").then().statusCode(403);
    }
}
