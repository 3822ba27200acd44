package org.interdict.authority;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.interdict.support.Api.ADMIN;
import static org.interdict.support.Api.AUDITOR;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthorityApiTest {

    private static final String AUTHORITIES = "/api/v1/authorities";

    @Test
    void theDevelopmentSeedIsListedNationalFirst() {
        as(OFFICER).get(AUTHORITIES).then().statusCode(200)
                .body("[0].id", equalTo("mic"))
                .body("[0].level", equalTo("NATIONAL"))
                .body("[0].parent", nullValue())
                .body("id", hasItems("mic", "dic-quang-nam", "dic-da-nang"));
        as(OFFICER).get(AUTHORITIES + "/dic-quang-nam").then().statusCode(200)
                .body("parent.id", equalTo("mic"))
                .body("parent.nameVi", equalTo("Bộ Thông tin và Truyền thông"))
                .body("level", equalTo("PROVINCIAL"))
                .body("scope.allIsps", equalTo(false))
                .body("scope.isps", contains("viettel", "vnpt"))
                .body("scope.categories", hasItems("fraud", "gambling"))
                .body("contacts.department", hasItem("Trung tâm Công nghệ thông tin và Truyền thông"));
        as(OFFICER).get(AUTHORITIES + "/mic").then().statusCode(200).body("scope.categories", nullValue())
                .body("scope.allIsps", equalTo(true));
        as(OFFICER).get(AUTHORITIES + "/dic-da-nang").then().statusCode(200).body("scope.isps", contains("fpt", "vnpt"));
    }

    @Test
    void theListIsFilteredByLevelParentAndActivity() {
        String id = create(provincial(Api.unique("dic-filter")).with("active", false));
        List<String> provincialInactive = as(AUDITOR).queryParam("level", "provincial").queryParam("parent", "mic")
                .queryParam("active", "false").get(AUTHORITIES).then().statusCode(200).extract().jsonPath()
                .getList("id");
        assertThat(provincialInactive).contains(id).doesNotContain("mic", "dic-quang-nam");
        as(AUDITOR).queryParam("level", "NATIONAL").get(AUTHORITIES).then().statusCode(200)
                .body("level", not(hasItem("PROVINCIAL"))).body("id", hasItem("mic"));
        as(AUDITOR).queryParam("active", "maybe").get(AUTHORITIES).then().statusCode(400)
                .body("violations[0].field", equalTo("active"));
        as(AUDITOR).queryParam("level", "district").get(AUTHORITIES).then().statusCode(400)
                .body("violations[0].field", equalTo("level"));
    }

    @Test
    void anAdministratorRegistersReadsAndReplacesAnAuthority() {
        String isp = Api.newIsp();
        String id = Api.unique("dic-ha-noi");
        Body body = provincial(id)
                .with("nameVi", "Sở Thông tin và Truyền thông  Hà Nội ")
                .with("jurisdiction", "Hà Nội")
                .with("contacts", List.of(Map.of("department", "Phòng An toàn thông tin", "phone", "+84 24 3000 0000",
                        "email", "attt@stttt.hanoi.example")))
                .with("aliases", List.of("Sở TT&TT Hà Nội", "STTTT Hà Nội"))
                .with("scope", Map.of("categories", List.of("gambling", "fraud"), "isps", List.of(isp)));
        as(ADMIN).body(body).post(AUTHORITIES).then().statusCode(201)
                .header("Location", endsWith(AUTHORITIES + "/" + id))
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("nameVi", equalTo("Sở Thông tin và Truyền thông  Hà Nội"))
                .body("parent.id", equalTo("mic"))
                .body("contacts[0].email", equalTo("attt@stttt.hanoi.example"))
                .body("aliases", contains("Sở TT&TT Hà Nội", "STTTT Hà Nội"))
                .body("scope.categories", contains("fraud", "gambling"))
                .body("scope.allIsps", equalTo(false))
                .body("scope.isps", contains(isp))
                .body("active", equalTo(true))
                .body("version", equalTo(0));

        String etag = as(OFFICER).get(AUTHORITIES + "/" + id).then().statusCode(200)
                .body("jurisdiction", equalTo("Hà Nội")).extract().header("ETag");
        Body replaced = body.with("nameEn", "Ha Noi Department").with("active", false).without("scope").without("id");
        as(ADMIN).header("If-Match", etag).body(replaced).put(AUTHORITIES + "/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("nameEn", equalTo("Ha Noi Department"))
                .body("active", equalTo(false))
                .body("scope.allIsps", equalTo(true))
                .body("scope.categories", nullValue())
                .body("scope.isps", equalTo(List.of()))
                .body("version", equalTo(1));
        // The same ETag again: someone else's change came in between.
        as(ADMIN).header("If-Match", etag).body(replaced).put(AUTHORITIES + "/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("stale-version"));
        // A replacement that changes nothing keeps the version (and a weak ETag is read like a strong one).
        as(ADMIN).header("If-Match", "W/\"1\"").body(replaced).put(AUTHORITIES + "/" + id).then().statusCode(200)
                .body("version", equalTo(1));

        JsonPath audit = as(AUDITOR).queryParam("subjectType", "authority").queryParam("subjectId", id)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items.action")).containsExactly("authority.updated", "authority.created");
        assertThat(audit.getString("items[1].actor")).isEqualTo("admin-em");
        assertThat(audit.getString("items[1].summary.after.nameVi")).isEqualTo("Sở Thông tin và Truyền thông  Hà Nội");
        assertThat(audit.getMap("items[0].summary.before")).containsOnlyKeys("nameEn", "active", "categories",
                "allIsps", "isps");
        assertThat(audit.getString("items[0].summary.after.nameEn")).isEqualTo("Ha Noi Department");
        assertThat(audit.getList("items[0].summary.before.isps")).containsExactly(isp);
    }

    @Test
    void onlyAdministratorsWrite() {
        String id = Api.unique("dic-officer");
        as(OFFICER).body(provincial(id)).post(AUTHORITIES).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("forbidden"));
        as(Tokens.of("supervisor-chi", "supervisor")).body(provincial("dic-quang-nam")).put(AUTHORITIES + "/dic-quang-nam")
                .then().statusCode(403);
        as(AUDITOR).post(AUTHORITIES + "/mic/link-legacy").then().statusCode(403);
        as(Tokens.ispEngineer("eng-vnpt", "vnpt")).get(AUTHORITIES).then().statusCode(200);
        given().get(AUTHORITIES).then().statusCode(401).contentType("application/problem+json");
        assertThat(Db.queryString("select count(*) from authority where id = ?", id)).isEqualTo("0");
    }

    @Test
    void anUnknownAuthorityIs404() {
        as(OFFICER).get(AUTHORITIES + "/dic-atlantis").then().statusCode(404).body("code", equalTo("not-found"));
        as(ADMIN).body(provincial("dic-atlantis")).put(AUTHORITIES + "/dic-atlantis").then().statusCode(404);
        as(ADMIN).post(AUTHORITIES + "/dic-atlantis/link-legacy").then().statusCode(404);
    }

    @Test
    void anExistingIdIsAConflict() {
        as(ADMIN).body(national("mic")).post(AUTHORITIES).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("authority-exists"));
    }

    @Test
    void ispEngineersSeeTheirOwnIspInAScopeOnly() {
        as(Tokens.ispEngineer("eng-vnpt", "vnpt")).get(AUTHORITIES + "/dic-quang-nam").then().statusCode(200)
                .body("scope.allIsps", equalTo(false)).body("scope.isps", contains("vnpt"));
        as(Tokens.ispEngineer("eng-fpt", "fpt")).get(AUTHORITIES).then().statusCode(200)
                .body("find { it.id == 'dic-quang-nam' }.scope.isps", equalTo(List.of()))
                .body("find { it.id == 'dic-da-nang' }.scope.isps", contains("fpt"));
    }

    @Test
    void everyRuleNamesItsField() {
        refused(provincial("Bad Id!"), "id", "invalid-value");
        refused(provincial(null), "id", "required");
        refused(provincial(Api.unique("dic")).with("nameVi", " "), "nameVi", "invalid-value");
        refused(provincial(Api.unique("dic")).with("nameEn", "x".repeat(301)), "nameEn", "invalid-value");
        refused(provincial(Api.unique("dic")).without("level"), "level", "invalid-value");
        refused(provincial(Api.unique("dic")).without("parent"), "parent", "parent-required");
        refused(national(Api.unique("mic")).with("parent", "mic"), "parent", "parent-not-allowed");
        refused(provincial(Api.unique("dic")).with("parent", "dic-atlantis"), "parent", "unknown-authority");
        refused(provincial(Api.unique("dic")).with("contacts",
                Collections.nCopies(21, Map.of("department", "Phòng"))), "contacts", "invalid-value");
        refused(provincial(Api.unique("dic")).with("contacts", List.of(Map.of("phone", "+84 24 0000 0000"))),
                "contacts[0].department", "invalid-value");
        refused(provincial(Api.unique("dic")).with("contacts", List.of(Map.of("department", "Phòng",
                "email", "not-an-address"))), "contacts[0].email", "invalid-value");
        refused(provincial(Api.unique("dic")).with("contacts", List.of(Map.of("department", "Phòng",
                "phone", "call 0235"))), "contacts[0].phone", "invalid-value");
        refused(provincial(Api.unique("dic")).with("aliases", Collections.nCopies(51, "Sở")), "aliases",
                "invalid-value");
        refused(provincial(Api.unique("dic")).with("aliases", List.of("Sở", "x".repeat(301))), "aliases[1]",
                "too-long");
        refused(provincial(Api.unique("dic")).with("aliases", List.of("  ")), "aliases[0]", "blank");
        refused(provincial(Api.unique("dic")).with("scope", Map.of("categories", List.of("fraud", "spam"))),
                "scope.categories[1]", "unknown-category")
                .body("violations[0].message", containsString("'spam'"));
        refused(provincial(Api.unique("dic")).with("scope", Map.of("categories", List.of())), "scope.categories",
                "empty-categories");
        refused(provincial(Api.unique("dic")).with("scope", Map.of("isps", List.of("vnpt", "no-such-isp"))),
                "scope.isps", "unknown-isp")
                .body("violations[0].message", containsString("'no-such-isp'"));
        refused(provincial(Api.unique("dic")).with("scope", Map.of("allIsps", true, "isps", List.of("vnpt"))),
                "scope.isps", "contradicts-all-isps");
        refused(provincial(Api.unique("dic")).with("scope", Map.of("allIsps", false)), "scope.isps", "isps-required");
    }

    @Test
    void aParentMayNotBeTheAuthorityItselfOrBelowIt() {
        String upper = create(provincial(Api.unique("dic-upper")));
        String lower = create(provincial(Api.unique("dic-lower")).with("parent", upper));
        for (String parent : List.of(upper, lower)) {
            as(ADMIN).body(provincial(upper).with("parent", parent)).put(AUTHORITIES + "/" + upper).then()
                    .statusCode(400).body("violations[0].field", equalTo("parent"))
                    .body("violations[0].code", equalTo("parent-cycle"));
        }
        as(ADMIN).body(provincial(Api.unique("dic")).with("id", lower)).put(AUTHORITIES + "/" + upper).then()
                .statusCode(400).body("violations[0].field", equalTo("id"))
                .body("violations[0].code", equalTo("id-mismatch"));
        as(OFFICER).get(AUTHORITIES + "/" + upper).then().body("parent.id", equalTo("mic")).body("version", equalTo(0));
    }

    @Test
    void registeringAnAuthorityLinksTheLegacyDirectivesThatNameIt() {
        long exact = legacyDirective("Sở TT&TT Tây Ninh");
        // Decomposed accents, capitals, a no-break space and doubled spaces: the same text.
        long spelledOtherwise = legacyDirective(
                Normalizer.normalize("  SỞ TT&TT\u00a0TÂY   NINH ", Normalizer.Form.NFD));
        long unmatched = legacyDirective("Sở TT&TT Long An");
        long byId = legacyDirective("DIC-TAY-NINH");

        as(ADMIN).body(provincial("dic-tay-ninh").with("nameVi", "Sở Thông tin và Truyền thông tỉnh Tây Ninh")
                        .with("aliases", List.of("Sở TT&TT Tây Ninh")))
                .post(AUTHORITIES).then().statusCode(201);

        for (long linked : List.of(exact, spelledOtherwise, byId)) {
            assertThat(Db.queryString("select authority_id from directive where id = ?", linked))
                    .isEqualTo("dic-tay-ninh");
            assertThat(Db.queryString("select authority_legacy from directive where id = ?", linked)).isNull();
            assertThat(Db.queryString("select version from directive where id = ?", linked)).isEqualTo("0");
        }
        as(OFFICER).get("/api/v1/directives/" + exact).then().statusCode(200)
                .body("authority.id", equalTo("dic-tay-ninh")).body("authorityLegacy", nullValue());
        assertThat(Db.queryString("select authority_id from directive where id = ?", unmatched)).isNull();
        assertThat(Db.queryString("select authority_legacy from directive where id = ?", unmatched))
                .isEqualTo("Sở TT&TT Long An");

        JsonPath audit = as(AUDITOR).queryParam("subjectId", "dic-tay-ninh").queryParam("action", "authority.legacy-linked")
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items")).hasSize(1);
        assertThat(audit.getList("items[0].summary.directives", Long.class)).containsExactly(exact, spelledOtherwise,
                byId);
        assertThat(audit.getList("items[0].summary.legacyTexts", String.class)).contains("Sở TT&TT Tây Ninh",
                "DIC-TAY-NINH");

        // An alias added later links what it names.
        long abbreviated = legacyDirective("STTTT Tây Ninh");
        as(ADMIN).body(provincial("dic-tay-ninh").with("aliases", List.of("Sở TT&TT Tây Ninh", "STTTT Tây Ninh")))
                .put(AUTHORITIES + "/dic-tay-ninh").then().statusCode(200);
        assertThat(Db.queryString("select authority_id from directive where id = ?", abbreviated))
                .isEqualTo("dic-tay-ninh");
        assertThat(Db.queryString("select authority_id from directive where id = ?", unmatched)).isNull();
    }

    @Test
    void aTextNamingSeveralAuthoritiesGoesToTheFirstRegistered() {
        // The seed registered the Ministry (alias "BTTTT") before this test, with SQL: nothing was linked then.
        long legacy = legacyDirective("bttTT");
        String namesake = create(national(Api.unique("mic-namesake")).with("aliases", List.of("BTTTT")));
        assertThat(Db.queryString("select authority_legacy from directive where id = ?", legacy)).isEqualTo("bttTT");

        as(ADMIN).post(AUTHORITIES + "/" + namesake + "/link-legacy").then().statusCode(200)
                .body("linked", not(hasItem((int) legacy)));
        as(ADMIN).post(AUTHORITIES + "/mic/link-legacy").then().statusCode(200).body("linked", hasItem((int) legacy));
        assertThat(Db.queryString("select authority_id from directive where id = ?", legacy)).isEqualTo("mic");
        as(ADMIN).post(AUTHORITIES + "/mic/link-legacy").then().statusCode(200).body("linked", not(hasItem((int) legacy)));
    }

    /** A directive as recorded before the registry: free-text authority, no reference. */
    private static long legacyDirective(String authority) {
        return Long.parseLong(Db.queryString("insert into directive (legal_reference, title, authority_legacy,"
                + " issued_on, kind, category, all_isps, effective_from, expires_at, status, created_by, created_at,"
                + " updated_at) values (?, 'Chặn trang cờ bạc', ?, date '2019-03-01', 'BLOCK', 'gambling', true,"
                + " timestamptz '2019-03-02 00:00Z', timestamptz '2019-09-02 00:00Z', 'EXPIRED', 'officer-legacy',"
                + " timestamptz '2019-03-01 08:00Z', timestamptz '2019-03-01 08:00Z') returning id",
                Api.unique("12/QD-STTTT"), authority));
    }

    private static String create(Body body) {
        return as(ADMIN).body(body).post(AUTHORITIES).then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static ValidatableResponse refused(Body body, String field, String code) {
        return as(ADMIN).body(body).post(AUTHORITIES).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field))
                .body("violations.find { it.field == '" + field + "' }.code", equalTo(code));
    }

    private static Body provincial(String id) {
        return new Body().with("id", id).with("nameVi", "Sở Thông tin và Truyền thông " + id)
                .with("nameEn", "Department of Information and Communications " + id).with("level", "PROVINCIAL")
                .with("parent", "mic");
    }

    private static Body national(String id) {
        return new Body().with("id", id).with("nameVi", "Bộ " + id).with("nameEn", "Ministry " + id)
                .with("level", "NATIONAL");
    }

    /** A request body; a copy for each change, so a test can send variants of one body. */
    private static final class Body extends HashMap<String, Object> {

        Body with(String field, Object value) {
            Body copy = copy();
            copy.put(field, value);
            return copy;
        }

        Body without(String field) {
            Body copy = copy();
            copy.remove(field);
            return copy;
        }

        private Body copy() {
            Body copy = new Body();
            copy.putAll(this);
            return copy;
        }
    }
}
