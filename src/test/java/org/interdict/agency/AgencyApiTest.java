package org.interdict.agency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.interdict.support.Api.ADMIN;
import static org.interdict.support.Api.AUDITOR;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgencyApiTest {

    @Test
    void adminRegistersWithContactsAndTheAuditLogKeepsIt() {
        String id = Api.unique("qnam-edu");
        as(ADMIN).body(Map.of("id", id, "nameVi", "Sở Giáo dục và Đào tạo Quảng Nam",
                        "nameEn", "Quang Nam Department of Education", "authority", "dic-quang-nam",
                        "contacts", List.of(Map.of("department", "Phòng CNTT", "phone", "+84 235 000 0700",
                                "email", "cntt@sgd.quangnam.example"))))
                .post("/api/v1/agencies")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/agencies/" + id))
                .header("ETag", "\"0\"")
                .body("authority", equalTo("dic-quang-nam"))
                .body("contacts[0].email", equalTo("cntt@sgd.quangnam.example"))
                .body("active", equalTo(true));

        assertThat(Db.queryString("select action from audit_entry where subject_type = 'agency' and subject_id = ?",
                id)).isEqualTo("agency.created");
        as(ADMIN).body(Map.of("id", id, "nameVi", "x", "nameEn", "y")).post("/api/v1/agencies")
                .then().statusCode(409).body("code", equalTo("agency-exists"));
    }

    @Test
    void theDevelopmentAgenciesAreThere() {
        as(AUDITOR).get("/api/v1/agencies").then().statusCode(200).body("id", hasItems("qnam-health", "dnang-ioc"));
    }

    @Test
    void anAgencySeesItsOwnRecordOnly() {
        String mine = Api.newAgency();
        String other = Api.newAgency();
        String person = Tokens.agency("person-" + mine, mine);

        as(person).get("/api/v1/agencies").then().statusCode(200).body("id", equalTo(List.of(mine)));
        as(person).get("/api/v1/agencies/" + mine).then().statusCode(200).body("id", equalTo(mine));
        as(person).get("/api/v1/agencies/" + other).then().statusCode(404).body("code", equalTo("not-found"));
        as(OFFICER).get("/api/v1/agencies/" + other).then().statusCode(200);
        as(person).get("/api/v1/me").then().statusCode(200).body("agency", equalTo(mine))
                .body("roles", equalTo(List.of("agency")));
    }

    @Test
    void anAgencyTokenWithoutAnAgencyIsRefused() {
        given().auth().oauth2(Tokens.of("nobody", "agency")).get("/api/v1/me")
                .then().statusCode(401);
    }

    @Test
    void replaceWithAStaleVersionIsAConflictAndAnUnknownAuthorityIsNamed() {
        String id = Api.newAgency();
        as(ADMIN).header("If-Match", "\"0\"").body(Map.of("nameVi", "Tên mới", "nameEn", "New name", "active", false))
                .put("/api/v1/agencies/" + id)
                .then().statusCode(200).body("version", equalTo(1)).body("active", equalTo(false));
        as(ADMIN).header("If-Match", "\"0\"").body(Map.of("nameVi", "a", "nameEn", "b"))
                .put("/api/v1/agencies/" + id)
                .then().statusCode(409).body("code", equalTo("stale-version"));
        as(ADMIN).body(Map.of("nameVi", "a", "nameEn", "b", "authority", "dic-nowhere"))
                .put("/api/v1/agencies/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("authority"))
                .body("violations[0].code", equalTo("unknown-authority"));
    }

    @Test
    void onlyAdminWrites() {
        as(OFFICER).body(Map.of("id", "nope", "nameVi", "x", "nameEn", "y")).post("/api/v1/agencies")
                .then().statusCode(403).contentType("application/problem+json");
        as(Tokens.agency("p", "qnam-health")).body(Map.of("nameVi", "x", "nameEn", "y"))
                .put("/api/v1/agencies/qnam-health").then().statusCode(403);
    }
}
