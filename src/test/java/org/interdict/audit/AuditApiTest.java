package org.interdict.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.interdict.support.Api.ADMIN;
import static org.interdict.support.Api.AUDITOR;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Rulesets;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditApiTest {

    @Test
    void aDirectivesLifecycleIsRecordedInOrderWithItsActors() {
        String isp = Api.newIsp();
        String reference = Api.unique("audit/QD");
        long id = Api.approvedFor(List.of(isp), reference, "audited.example.vn");
        as(OFFICER).body(Map.of("reason", "annulled", "reference", "9/QD-TA"))
                .post("/api/v1/directives/" + id + "/revoke").then().statusCode(200);

        JsonPath entries = as(AUDITOR).queryParam("subjectType", "directive").queryParam("subjectId", id)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(entries.getList("items.action")).containsExactly("directive.revoked", "directive.approved",
                "directive.submitted", "directive.targets-imported", "directive.created");
        assertThat(entries.getList("items.actor")).containsExactly("officer-an", "supervisor-chi", "officer-an",
                "officer-an", "officer-an");
        assertThat(entries.getString("items[0].summary.legalReference")).isEqualTo(reference);
        assertThat(entries.getString("items[0].summary.after.status")).isEqualTo("REVOKED");
        assertThat(entries.getString("items[1].role")).isEqualTo("supervisor");
        assertThat(entries.getInt("items[3].summary.added")).isEqualTo(1);
        assertThat(entries.getList("items.authority.id")).containsOnly("mic").hasSize(5);
        assertThat(entries.getString("items[1].authority.nameEn")).isEqualTo("Ministry of Information and Communications");
        assertThat(as(AUDITOR).queryParam("subjectType", "directive").queryParam("subjectId", id)
                .queryParam("authority", "mic").get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("items")).hasSize(5);
        assertThat(as(AUDITOR).queryParam("subjectType", "directive").queryParam("subjectId", id)
                .queryParam("authority", "dic-quang-nam")
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();

        as(AUDITOR).queryParam("action", "isp.created").queryParam("subjectId", isp).get("/api/v1/audit")
                .then().statusCode(200).body("items[0].actor", equalTo("admin-em"));
        String next = as(ADMIN).queryParam("subjectType", "directive").queryParam("subjectId", id).queryParam("limit", 2)
                .get("/api/v1/audit").then().statusCode(200).extract().path("nextCursor");
        as(ADMIN).queryParam("subjectType", "directive").queryParam("subjectId", id).queryParam("limit", 2)
                .queryParam("cursor", next).get("/api/v1/audit").then()
                .body("items.action", equalTo(List.of("directive.submitted", "directive.targets-imported")));
        as(OFFICER).get("/api/v1/audit").then().statusCode(403);
        as(SUPERVISOR).get("/api/v1/audit/verify").then().statusCode(403);
    }

    @Test
    void entriesCannotBeChangedOrRemoved() throws SQLException {
        Api.newIsp();
        try (Connection c = Db.connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_entry set actor = 'someone-else'"
                    + " where id = (select max(id) from audit_entry)")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_entry where id = (select max(id) from audit_entry)"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("truncate audit_entry")).hasMessageContaining("append-only");
        }
    }

    @Test
    void verificationFindsTheTamperedEntry() throws SQLException {
        String isp = Api.newIsp();
        as(AUDITOR).get("/api/v1/audit/verify").then().statusCode(200).body("ok", equalTo(true));
        String tampered = Db.queryString("select id from audit_entry where action = 'isp.created' and subject_id = ?", isp);
        String original = Db.queryString("select summary::text from audit_entry where id = ?", Long.parseLong(tampered));

        rewriteSummary(tampered, "{\"after\": {\"id\": \"someone-else\"}}");
        try {
            JsonPath result = as(AUDITOR).get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
            assertThat(result.getBoolean("ok")).isFalse();
            assertThat(result.getLong("brokenAt.entryId")).isEqualTo(Long.parseLong(tampered));
            assertThat(result.getString("brokenAt.problem")).isEqualTo("hash-mismatch");
            assertThat(result.getString("brokenAt.stored"))
                    .isEqualTo(Db.queryString("select hash from audit_entry where id = ?", Long.parseLong(tampered)))
                    .isNotEqualTo(result.getString("brokenAt.expected"));
        } finally {
            rewriteSummary(tampered, original);
        }
        as(AUDITOR).get("/api/v1/audit/verify").then().body("ok", equalTo(true));
    }

    @Test
    void versionsCompiledTogetherForSeveralIspsStayChained() {
        String one = Api.newIsp();
        String two = Api.newIsp();
        Rulesets.settle();
        long id = Api.approvedFor(List.of(one, two), Api.unique("pair"), Api.unique("pair") + ".example.vn");
        Rulesets.await(one, s -> s.getList("current.changes.directiveId").contains((int) id));
        Rulesets.await(two, s -> s.getList("current.changes.directiveId").contains((int) id));
        as(AUDITOR).queryParam("action", "ruleset.version-created").get("/api/v1/audit").then()
                .body("items[0].previousHash", equalTo(as(AUDITOR).queryParam("action", "ruleset.version-created")
                        .get("/api/v1/audit").path("items[1].hash")));
        as(AUDITOR).get("/api/v1/audit/verify").then().statusCode(200).body("ok", equalTo(true));
    }

    /** What only a superuser can do: bypass the append-only triggers for this session. */
    private static void rewriteSummary(String id, String summary) throws SQLException {
        try (Connection c = Db.connect(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.executeUpdate("update audit_entry set summary = '" + summary.replace("'", "''") + "'::jsonb where id = " + id);
        }
    }
}
