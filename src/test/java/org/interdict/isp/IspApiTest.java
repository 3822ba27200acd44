package org.interdict.isp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.interdict.support.Api.ADMIN;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.interdict.support.Api;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IspApiTest {

    @Test
    void adminRegistersAndEveryoneReads() {
        String id = Api.unique("vnpt");
        as(ADMIN).body(Map.of("id", id, "legalName", "VNPT Corporation", "licenceNumber", "123/GP-BTTTT",
                        "contact", Map.of("department", "NOC", "phone", "+84 24 1234 5678", "email", "noc@vnpt.example")))
                .post("/api/v1/isps")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/isps/" + id))
                .body("active", equalTo(true))
                .body("contact.email", equalTo("noc@vnpt.example"));

        as(OFFICER).get("/api/v1/isps/" + id).then().statusCode(200).body("legalName", equalTo("VNPT Corporation"));
        as(Tokens.ispEngineer("eng", id)).get("/api/v1/isps").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void ispEngineersReadTheirOwnIspOnly() {
        String mine = Api.newIsp();
        String other = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + mine, mine);

        as(engineer).get("/api/v1/isps").then().statusCode(200).body("id", equalTo(java.util.List.of(mine)));
        as(engineer).get("/api/v1/isps/" + mine).then().statusCode(200).body("id", equalTo(mine));
        as(engineer).get("/api/v1/isps/" + other).then().statusCode(404).body("code", equalTo("not-found"));
        as(OFFICER).get("/api/v1/isps").then().statusCode(200).body("id", hasItem(other));
    }

    @Test
    void adminDeactivatesWithPatch() {
        String id = Api.newIsp();
        as(ADMIN).body(Map.of("active", false, "legalName", "Renamed")).patch("/api/v1/isps/" + id)
                .then().statusCode(200).body("active", equalTo(false)).body("legalName", equalTo("Renamed"));
    }

    @Test
    void onlyAdminWrites() {
        as(OFFICER).body(Map.of("id", "nope", "legalName", "x", "licenceNumber", "y")).post("/api/v1/isps")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        as(OFFICER).body(Map.of("active", false)).patch("/api/v1/isps/whatever")
                .then().statusCode(403);
    }

    @Test
    void duplicateIdIsAConflict() {
        String id = Api.newIsp();
        as(ADMIN).body(Map.of("id", id, "legalName", "Again", "licenceNumber", "L")).post("/api/v1/isps")
                .then().statusCode(409).body("code", equalTo("isp-exists"));
    }

    @Test
    void badFieldsAreNamed() {
        as(ADMIN).body(Map.of("id", "Bad Id!", "legalName", "", "licenceNumber", "L",
                        "contact", Map.of("email", "not-an-email")))
                .post("/api/v1/isps")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("id"))
                .body("violations.field", hasItem("legalName"))
                .body("violations.field", hasItem("contact.email"));
    }

    @Test
    void unknownIspIs404() {
        as(OFFICER).get("/api/v1/isps/no-such-isp").then().statusCode(404).body("code", equalTo("not-found"));
    }

    @Test
    void anonymousIs401() {
        given().get("/api/v1/isps").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }
}
