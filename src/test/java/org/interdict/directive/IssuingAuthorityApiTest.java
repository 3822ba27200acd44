package org.interdict.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.interdict.support.Api.AUDITOR;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Directives belong to the authority of the officer who drafted them: only that authority's officers and
 * supervisors act on them, within the authority's scope, and a relay implements a parent authority's directive.
 * The Ministry (mic) and Quảng Nam (dic-quang-nam, ISPs vnpt and viettel, five categories) come from the
 * development data.
 */
@QuarkusTest
class IssuingAuthorityApiTest {

    private static final String QN_OFFICER = Tokens.ofAuthority("dic-quang-nam", "qn-officer-hoa", "officer");
    private static final String QN_SUPERVISOR = Tokens.ofAuthority("dic-quang-nam", "qn-supervisor-lan", "supervisor");
    private static final String DN_OFFICER = Tokens.ofAuthority("dic-da-nang", "dn-officer-minh", "officer");
    private static final String DN_SUPERVISOR = Tokens.ofAuthority("dic-da-nang", "dn-supervisor-tam", "supervisor");

    /** One directive operation: how to bring a Ministry directive to where it applies, and how to call it. */
    private record Operation(String name, Supplier<Long> setUp, BiFunction<String, Long, Response> call,
            boolean bySupervisor, int success) {}

    private static List<Operation> operations() {
        return List.of(
                new Operation("edit", IssuingAuthorityApiTest::draft,
                        (token, id) -> as(token).body(Map.of("title", "edited")).patch("/api/v1/directives/" + id),
                        false, 200),
                new Operation("delete", IssuingAuthorityApiTest::draft,
                        (token, id) -> as(token).delete("/api/v1/directives/" + id), false, 204),
                new Operation("add targets as text", IssuingAuthorityApiTest::draft,
                        (token, id) -> as(token).contentType("text/plain; charset=UTF-8")
                                .body(Api.unique("t") + ".example.vn").post("/api/v1/directives/" + id + "/targets"),
                        false, 200),
                new Operation("add targets as JSON", IssuingAuthorityApiTest::draft,
                        (token, id) -> as(token).body(List.of(Map.of("value", Api.unique("t") + ".example.vn")))
                                .post("/api/v1/directives/" + id + "/targets"),
                        false, 200),
                new Operation("remove a target", IssuingAuthorityApiTest::draftWithTarget,
                        (token, id) -> as(token).delete("/api/v1/directives/" + id + "/targets/" + firstTarget(id)),
                        false, 204),
                new Operation("submit", IssuingAuthorityApiTest::draftWithTarget,
                        (token, id) -> as(token).post("/api/v1/directives/" + id + "/submit"), false, 200),
                new Operation("approve", IssuingAuthorityApiTest::submitted,
                        (token, id) -> as(token).body(Map.of()).post("/api/v1/directives/" + id + "/approve"),
                        true, 200),
                new Operation("reject", IssuingAuthorityApiTest::submitted,
                        (token, id) -> as(token).body(Map.of("reason", "not founded"))
                                .post("/api/v1/directives/" + id + "/reject"),
                        true, 200),
                new Operation("revoke", () -> Api.approved(Api.unique("rev"), Api.unique("rev") + ".example.vn"),
                        (token, id) -> as(token).body(Map.of("reason", "court order", "reference", "12/QD"))
                                .post("/api/v1/directives/" + id + "/revoke"),
                        false, 200),
                new Operation("record takedown compliance", IssuingAuthorityApiTest::approvedTakedown,
                        (token, id) -> as(token).body(Map.of("complied", false))
                                .post("/api/v1/directives/" + id + "/compliance"),
                        false, 200),
                new Operation("escalate", IssuingAuthorityApiTest::unheededTakedown,
                        (token, id) -> as(token).body(Map.of()).post("/api/v1/directives/" + id + "/escalate"),
                        false, 201));
    }

    /**
     * Every operation that changes a directive, as an officer or supervisor of another authority (refused with
     * 403 other-authority, and nothing changes) and as one of its own (done).
     */
    @TestFactory
    Stream<DynamicTest> onlyTheIssuingAuthorityActsOnADirective() {
        return operations().stream().map(op -> DynamicTest.dynamicTest(op.name(), () -> {
            long id = op.setUp().get();
            int before = version(id);
            for (String stranger : op.bySupervisor() ? List.of(QN_SUPERVISOR, DN_SUPERVISOR)
                    : List.of(QN_OFFICER, DN_OFFICER)) {
                op.call().apply(stranger, id).then().statusCode(403)
                        .contentType("application/problem+json")
                        .body("code", equalTo("other-authority"))
                        .body("detail", containsString("'mic'"));
            }
            assertThat(version(id)).as("refused calls change nothing").isEqualTo(before);
            op.call().apply(op.bySupervisor() ? SUPERVISOR : OFFICER, id).then().statusCode(op.success());
        }));
    }

    @Test
    void aDirectiveIsIssuedByItsDraftersAuthority() {
        long id = draftAs(QN_OFFICER, Api.unique("qn"), List.of("vnpt"));
        as(AUDITOR).get("/api/v1/directives/" + id).then().statusCode(200)
                .body("authority.id", equalTo("dic-quang-nam"))
                .body("authority.nameVi", equalTo("Sở Thông tin và Truyền thông tỉnh Quảng Nam"))
                .body("authority.nameEn", equalTo("Quang Nam Department of Information and Communications"));
        as(AUDITOR).queryParam("authority", "dic-quang-nam").queryParam("limit", 100).get("/api/v1/directives")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem((int) id));
    }

    @Test
    void aClientCannotNameTheIssuingAuthority() {
        Map<String, Object> body = Api.directive(Api.unique("named"), Instant.now(), null);
        body.put("authority", "Bộ Thông tin và Truyền thông");
        as(QN_OFFICER).body(body).post("/api/v1/directives").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("authority"));
        long id = draftAs(QN_OFFICER, Api.unique("qn"), List.of("vnpt"));
        as(QN_OFFICER).body(Map.of("authority", "mic")).patch("/api/v1/directives/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("authority"));
    }

    @Test
    void anOfficerOfAnUnregisteredAuthorityCannotDraft() {
        String stranger = Tokens.ofAuthority("dic-nowhere", "officer-x", "officer");
        as(stranger).body(Api.directive(Api.unique("x"), Instant.now(), null)).post("/api/v1/directives")
                .then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("unknown-authority")).body("detail", containsString("dic-nowhere"));
    }

    @Test
    void aDirectiveRecordedBeforeTheRegistryIsShownAsSuchAndCannotBeChanged() {
        long id = draft();
        Db.update("update directive set authority_id = null, authority_legacy = ? where id = ?",
                "Ủy ban nhân dân tỉnh (văn bản cũ)", id);
        as(AUDITOR).get("/api/v1/directives/" + id).then().statusCode(200)
                .body("authority", org.hamcrest.Matchers.nullValue())
                .body("authorityLegacy", equalTo("Ủy ban nhân dân tỉnh (văn bản cũ)"));
        as(OFFICER).body(Map.of("title", "edited")).patch("/api/v1/directives/" + id).then().statusCode(403)
                .body("code", equalTo("legacy-authority"));
    }

    @Test
    void aProvinceAddressesOnlyTheIspsAndCategoriesOfItsScope() {
        long everyIsp = draftAs(QN_OFFICER, Api.unique("qn-all"), null);
        Api.addTargetsAs(QN_OFFICER, everyIsp, Api.unique("qn") + ".example.vn");
        as(QN_OFFICER).post("/api/v1/directives/" + everyIsp + "/submit").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("isp-out-of-scope"))
                .body("detail", containsString("[viettel, vnpt]"));

        long outside = draftAs(QN_OFFICER, Api.unique("qn-fpt"), List.of("vnpt", "fpt"));
        Api.addTargetsAs(QN_OFFICER, outside, Api.unique("qn") + ".example.vn");
        as(QN_OFFICER).post("/api/v1/directives/" + outside + "/submit").then().statusCode(403)
                .body("code", equalTo("isp-out-of-scope")).body("detail", containsString("'fpt'"));

        Map<String, Object> copyright = Api.directive(Api.unique("qn-copy"), Instant.now(), null);
        copyright.put("audience", Map.of("isps", List.of("vnpt")));
        copyright.put("category", "copyright");
        long category = as(QN_OFFICER).body(copyright).post("/api/v1/directives").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Api.addTargetsAs(QN_OFFICER, category, Api.unique("qn") + ".example.vn");
        as(QN_OFFICER).post("/api/v1/directives/" + category + "/submit").then().statusCode(403)
                .body("code", equalTo("category-out-of-scope")).body("detail", containsString("'copyright'"));
        assertThat(Db.queryString("select status from directive where id = ?", category)).isEqualTo("DRAFT");
    }

    @Test
    void theScopeIsCheckedAgainWhenTheDirectiveIsApproved() {
        long id = draftAs(QN_OFFICER, Api.unique("qn-narrowed"), List.of("viettel"));
        Api.addTargetsAs(QN_OFFICER, id, Api.unique("qn") + ".example.vn");
        as(QN_OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
        Db.update("delete from authority_isp where authority_id = 'dic-quang-nam' and isp_id = 'viettel'");
        try {
            as(QN_SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + id + "/approve").then().statusCode(403)
                    .body("code", equalTo("isp-out-of-scope")).body("detail", containsString("'viettel'"));
        } finally {
            Db.update("insert into authority_isp (authority_id, isp_id) values ('dic-quang-nam', 'viettel')");
        }
        as(QN_SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + id + "/approve").then().statusCode(200);
    }

    /** The walkthrough of the README: 1353/BTTTT-CATTT relayed by Quảng Nam as 374/STTTT. */
    @Test
    void aProvinceRelaysAMinistryDirectiveAndItsOwnSupervisorApprovesIt() {
        String ministryReference = Api.unique("1353/BTTTT-CATTT");
        long ministry = Api.approved(ministryReference, Api.unique("mic") + ".example.vn");

        Map<String, Object> body = Api.directive(Api.unique("374/STTTT-CNTT&BCVT"), Instant.now(), null);
        body.put("audience", Map.of("isps", List.of("vnpt", "viettel")));
        body.put("implements", ministry);
        long relay = as(QN_OFFICER).body(body).post("/api/v1/directives").then().statusCode(201)
                .body("implements.id", equalTo((int) ministry))
                .body("implements.legalReference", equalTo(ministryReference))
                .body("implements.authority.id", equalTo("mic"))
                .extract().jsonPath().getLong("id");
        Api.addTargetsAs(QN_OFFICER, relay, Api.unique("qn") + ".example.vn");
        as(QN_OFFICER).post("/api/v1/directives/" + relay + "/submit").then().statusCode(200);

        as(QN_OFFICER).body(Map.of()).post("/api/v1/directives/" + relay + "/approve").then().statusCode(403);
        as(SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + relay + "/approve").then().statusCode(403)
                .body("code", equalTo("other-authority"));
        as(QN_SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + relay + "/approve").then().statusCode(200)
                .body("authority.id", equalTo("dic-quang-nam"))
                .body("submitted.name", equalTo("Test qn-officer-hoa"))
                .body("decided.name", equalTo("Test qn-supervisor-lan"));

        as(AUDITOR).get("/api/v1/directives/" + ministry).then().statusCode(200)
                .body("implementedBy.id", org.hamcrest.Matchers.contains((int) relay))
                .body("implementedBy[0].authority.id", equalTo("dic-quang-nam"));
        for (String named : List.of(ministryReference, String.valueOf(ministry))) {
            as(AUDITOR).queryParam("implements", named).get("/api/v1/directives").then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.contains((int) relay));
        }
    }

    @Test
    void aRelayImplementsOnlyAnApprovedDirectiveOfAParentAuthority() {
        long draft = draft();
        assertRelayRefused(QN_OFFICER, draft, "implements-not-approved");
        assertRelayRefused(QN_OFFICER, Long.MAX_VALUE, "unknown-directive");

        long province = draftAs(QN_OFFICER, Api.unique("qn-parent"), List.of("vnpt"));
        Api.addTargetsAs(QN_OFFICER, province, Api.unique("qn") + ".example.vn");
        as(QN_OFFICER).post("/api/v1/directives/" + province + "/submit").then().statusCode(200);
        as(QN_SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + province + "/approve").then().statusCode(200);
        assertRelayRefused(OFFICER, province, "not-a-parent-directive");
        assertRelayRefused(DN_OFFICER, province, "not-a-parent-directive");

        long ministry = Api.approved(Api.unique("mic-parent"), Api.unique("mic") + ".example.vn");
        long relay = draftAs(DN_OFFICER, Api.unique("dn-relay"), List.of("fpt"));
        as(DN_OFFICER).body(Map.of("implements", ministry)).patch("/api/v1/directives/" + relay).then()
                .statusCode(200).body("implements.id", equalTo((int) ministry));
        as(DN_OFFICER).body(Map.of("clearImplements", true)).patch("/api/v1/directives/" + relay).then()
                .statusCode(200).body("implements", org.hamcrest.Matchers.nullValue());
    }

    private static void assertRelayRefused(String token, long parent, String code) {
        Map<String, Object> body = Api.directive(Api.unique("relay"), Instant.now(), null);
        body.put("audience", Map.of("isps", List.of("vnpt")));
        body.put("implements", parent);
        as(token).body(body).post("/api/v1/directives").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("implements"))
                .body("violations[0].code", equalTo(code));
    }

    private static long draftAs(String token, String reference, List<String> isps) {
        Map<String, Object> body = Api.directive(reference, Instant.now().minusSeconds(60), null);
        if (isps != null) {
            body.put("audience", Map.of("isps", isps));
        }
        return as(token).body(body).post("/api/v1/directives").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static long draft() {
        return Api.draft(Api.unique("auth"));
    }

    private static long draftWithTarget() {
        long id = draft();
        Api.addTargets(id, Api.unique("t") + ".example.vn");
        return id;
    }

    private static long submitted() {
        long id = draftWithTarget();
        as(OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
        return id;
    }

    private static long approvedTakedown() {
        return takedown(Instant.now().plusSeconds(3600));
    }

    /** A takedown whose host ignored it: approved, then recorded as not complied. */
    private static long unheededTakedown() {
        long id = approvedTakedown();
        as(OFFICER).body(Map.of("complied", false)).post("/api/v1/directives/" + id + "/compliance")
                .then().statusCode(200);
        return id;
    }

    private static long takedown(Instant deadline) {
        Map<String, Object> body = Api.directive(Api.unique("TD"), Instant.now().minusSeconds(60), null);
        body.put("kind", "TAKEDOWN");
        body.put("takedown", Map.of("host", "video-platform.example", "deadline", deadline.toString()));
        long id = as(OFFICER).body(body).post("/api/v1/directives").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Api.addTargets(id, "https://video-platform.example/watch?v=" + Api.unique("v"));
        as(OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
        as(SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + id + "/approve").then().statusCode(200);
        return id;
    }

    private static long firstTarget(long directive) {
        return as(AUDITOR).get("/api/v1/directives/" + directive + "/targets").then().statusCode(200).extract()
                .jsonPath().getLong("items[0].id");
    }

    private static int version(long id) {
        return Integer.parseInt(Db.queryString("select version from directive where id = ?", id));
    }
}
