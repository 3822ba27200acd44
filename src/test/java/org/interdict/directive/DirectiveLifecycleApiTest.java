package org.interdict.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.OTHER_OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DirectiveLifecycleApiTest {

    @Test
    void draftSubmitApproveMakesItActive() {
        long id = Api.draft(Api.unique("1353/BTTTT-CATTT"));
        Api.addTargets(id, "bộthôngtin.vn", "*.lua-dao.vn", "https://example.vn/a/../b", "45.118.144.0/24",
                "2402:9400:abcd::/48");

        as(OFFICER).post("/api/v1/directives/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("PENDING_APPROVAL"))
                .body("submitted.by", equalTo("officer-an"));
        as(SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("decided.by", equalTo("supervisor-chi"));
    }

    @Test
    void theApprovalCommentIsKeptAndShown() {
        long id = Api.draft(Api.unique("COMMENT"));
        Api.addTargets(id, Api.unique("comment") + ".example.vn");
        as(OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
        as(SUPERVISOR).body(Map.of("comment", "Checked against the court order of 2 December"))
                .post("/api/v1/directives/" + id + "/approve")
                .then().statusCode(200).body("decisionComment", equalTo("Checked against the court order of 2 December"));

        as(OFFICER).get("/api/v1/directives/" + id).then().statusCode(200)
                .body("decisionComment", equalTo("Checked against the court order of 2 December"));
        assertThat(Db.queryString("select summary->>'comment' from audit_entry where action = 'directive.approved'"
                + " and subject_id = ?", String.valueOf(id))).isEqualTo("Checked against the court order of 2 December");
    }

    @Test
    void drafterCannotApproveEvenAsSupervisor() {
        String both = Tokens.of("officer-and-supervisor", "officer", "supervisor");
        long id = as(both).body(Api.directive(Api.unique("12/QD"), Instant.now(), null))
                .post("/api/v1/directives").then().statusCode(201).extract().jsonPath().getLong("id");
        as(both).contentType("text/plain; charset=UTF-8").body("four-eyes.vn").post("/api/v1/directives/" + id + "/targets")
                .then().statusCode(200);
        as(both).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
        as(both).body(Map.of()).post("/api/v1/directives/" + id + "/approve")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("four-eyes"));
        as(both).body(Map.of("reason", "mine")).post("/api/v1/directives/" + id + "/reject")
                .then().statusCode(409).body("code", equalTo("four-eyes"));
    }

    @Test
    void officerCannotApprove() {
        long id = submitted("officer-cannot-approve.vn");
        as(OTHER_OFFICER).body(Map.of()).post("/api/v1/directives/" + id + "/approve")
                .then().statusCode(403).body("code", equalTo("forbidden"));
    }

    @Test
    void supervisorRejectsWithReason() {
        long id = submitted("rejected.vn");
        as(SUPERVISOR).body(Map.of("reason", "The legal basis is missing"))
                .post("/api/v1/directives/" + id + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("The legal basis is missing"));
        as(SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + id + "/approve")
                .then().statusCode(409).body("code", equalTo("invalid-state"));
    }

    @Test
    void submittedDirectiveIsFrozen() {
        long id = submitted("frozen.vn");
        as(OFFICER).body(Map.of("title", "changed")).patch("/api/v1/directives/" + id)
                .then().statusCode(409).body("code", equalTo("invalid-state"));
        as(OFFICER).contentType("text/plain; charset=UTF-8").body("more.vn").post("/api/v1/directives/" + id + "/targets")
                .then().statusCode(409);
        as(OFFICER).delete("/api/v1/directives/" + id).then().statusCode(409);
    }

    @Test
    void submitWithoutTargetsIsRefused() {
        long id = Api.draft(Api.unique("empty"));
        as(OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(409).body("code", equalTo("no-targets"));
    }

    @Test
    void revokeNeedsReasonAndReference() {
        long id = Api.approved(Api.unique("revoke"), "revoked.example.vn");
        as(OFFICER).body(Map.of("reason", "court overturned")).post("/api/v1/directives/" + id + "/revoke")
                .then().statusCode(400).body("violations.field", hasItem("reference"));
        as(OFFICER).body(Map.of("reason", "court overturned", "reference", "99/QD-BTTTT"))
                .post("/api/v1/directives/" + id + "/revoke")
                .then().statusCode(200).body("status", equalTo("REVOKED"))
                .body("revocation.reference", equalTo("99/QD-BTTTT"));
        as(OFFICER).body(Map.of("reason", "again", "reference", "x")).post("/api/v1/directives/" + id + "/revoke")
                .then().statusCode(409);
    }

    @Test
    void flaggedTargetsNeedExplicitConfirmation() {
        long id = Api.draft(Api.unique("guarded"));
        as(OFFICER).contentType("text/plain; charset=UTF-8")
                .body("104.16.0.1  # justification: the court order names this Cloudflare address\nplain.example.vn")
                .post("/api/v1/directives/" + id + "/targets")
                .then().statusCode(200).body("imported", equalTo(2)).body("flagged", equalTo(1));
        long flagged = as(OFFICER).get("/api/v1/directives/" + id + "/targets?flagged=true")
                .then().statusCode(200).body("items[0].guards[0].code", equalTo("shared-infrastructure"))
                .extract().jsonPath().getLong("items[0].id");
        as(OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);

        as(SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + id + "/approve")
                .then().statusCode(409).body("code", equalTo("unconfirmed-guard-overrides"))
                .body("violations[0].field", equalTo("confirmFlaggedTargets"));
        as(SUPERVISOR).body(Map.of("confirmFlaggedTargets", List.of(flagged)))
                .post("/api/v1/directives/" + id + "/approve").then().statusCode(200);
        as(SUPERVISOR).get("/api/v1/directives/" + id + "/targets?flagged=true")
                .then().body("items[0].confirmedBy", equalTo("supervisor-chi"))
                .body("items[0].justification", equalTo("the court order names this Cloudflare address"));
    }

    @Test
    void scheduledDirectiveActivatesAndExpiresOnItsOwn() {
        Instant now = Instant.now();
        String isp = Api.newIsp();
        long activating = approvedAt(isp, now.plusSeconds(10), null, "activates.example.vn");
        long expiring = approvedAt(isp, now.minusSeconds(60), now.plusSeconds(10), "expires.example.vn");
        as(OFFICER).get("/api/v1/directives/" + activating).then().body("status", equalTo("SCHEDULED"));
        as(OFFICER).get("/api/v1/directives/" + expiring).then().body("status", equalTo("ACTIVE"));

        awaitStored(activating, "ACTIVE");
        awaitStored(expiring, "EXPIRED");
    }

    @Test
    void takedownNotHeededEscalatesToABlockDraft() {
        Map<String, Object> body = Api.directive(Api.unique("TD"), Instant.now().minusSeconds(60), null);
        body.put("kind", "TAKEDOWN");
        body.put("takedown", Map.of("host", "video-platform.example", "deadline", Instant.now().plusSeconds(3600).toString()));
        long id = as(OFFICER).body(body).post("/api/v1/directives").then().statusCode(201)
                .body("takedown.host", equalTo("video-platform.example")).extract().jsonPath().getLong("id");
        Api.addTargets(id, "https://video-platform.example/watch?v=abc");
        as(OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
        as(SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + id + "/approve").then().statusCode(200);

        as(OFFICER).body(Map.of()).post("/api/v1/directives/" + id + "/escalate")
                .then().statusCode(409).body("code", equalTo("takedown-not-overdue"));
        as(OFFICER).body(Map.of("complied", false)).post("/api/v1/directives/" + id + "/compliance")
                .then().statusCode(200).body("takedown.complied", equalTo(false));
        Response block = as(OFFICER).body(Map.of()).post("/api/v1/directives/" + id + "/escalate");
        block.then().statusCode(201).body("kind", equalTo("BLOCK")).body("status", equalTo("DRAFT"))
                .body("escalatedFrom", equalTo((int) id));
        long blockId = block.jsonPath().getLong("id");
        as(OFFICER).get("/api/v1/directives/" + blockId + "/targets")
                .then().body("items[0].value", equalTo("https://video-platform.example/watch?v=abc"));
    }

    private static long submitted(String target) {
        long id = Api.draft(Api.unique("sub"));
        Api.addTargets(id, target);
        as(OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
        return id;
    }

    private static long approvedAt(String isp, Instant from, Instant until, String target) {
        Map<String, Object> body = Api.directive(Api.unique("sched"), from, until);
        body.put("audience", Map.of("isps", List.of(isp)));
        long id = as(OFFICER).body(body).post("/api/v1/directives")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Api.addTargets(id, target);
        as(OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
        as(SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + id + "/approve").then().statusCode(200)
                .body("decided.at", notNullValue());
        return id;
    }

    /** Polls the stored status (the list filter reads it through the database) until the scheduler wrote it. */
    private static void awaitStored(long id, String status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String seen = null;
        while (Instant.now().isBefore(deadline)) {
            seen = Db.queryString("select status from directive where id = ?", id);
            if (status.equals(seen)) {
                return;
            }
            sleep();
        }
        assertThat(seen).as("stored status of directive %d", id).isEqualTo(status);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
