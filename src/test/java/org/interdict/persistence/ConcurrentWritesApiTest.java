package org.interdict.persistence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.interdict.support.Api.ADMIN;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several people acting on one thing at once: one wins, every other gets a 409 problem with a stable code (a
 * deletion's losers find nothing: 404), nothing hangs, nothing is half-written and no connection is left inside
 * a transaction.
 */
@QuarkusTest
class ConcurrentWritesApiTest {

    private static final int RACERS = 8;

    /** One outcome of a race: status, problem code (null on success) and content type. */
    record Outcome(int status, String code, String contentType) {}

    @AfterEach
    void noTransactionLeftOpen() throws Exception {
        // A request that answered must not leave its connection idle inside a transaction.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String open;
        do {
            open = Db.queryString("select count(*) from pg_stat_activity where datname = current_database()"
                    + " and state like 'idle in transaction%'");
            if ("0".equals(open)) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(open).as("connections idle in transaction").isEqualTo("0");
    }

    @Test
    void parallelDeletesOfOneDraftAnswerOnceAndNeverHang() {
        for (int racers : new int[] {2, 4, 8}) {
            long id = Api.draft(Api.unique("DEL"));
            List<Outcome> outcomes = race(racers, i -> as(OFFICER).delete("/api/v1/directives/" + id));
            assertOneWinner(outcomes, 204, 404, "not-found");
            assertThat(audited("directive.deleted", id)).isEqualTo(1);
        }
    }

    @Test
    void eightApprovalsMakeOneApproval() {
        long id = submitted("APPROVE");
        List<Outcome> outcomes = race(RACERS, i -> as(SUPERVISOR).body(Map.of())
                .post("/api/v1/directives/" + id + "/approve"));
        assertOneWinner(outcomes, 200, 409, "invalid-state");
        assertThat(audited("directive.approved", id)).isEqualTo(1);
        assertThat(Db.queryString("select count(*) from ruleset_change where directive_id = ? and change = 'approved'",
                id)).isEqualTo("1");
    }

    @Test
    void approveAgainstRejectDecidesOnce() {
        long id = submitted("APPROVE-REJECT");
        List<Outcome> outcomes = race(RACERS, i -> i % 2 == 0
                ? as(SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + id + "/approve")
                : as(SUPERVISOR).body(Map.of("reason", "not proportionate")).post("/api/v1/directives/" + id + "/reject"));
        assertOneWinner(outcomes, 200, 409, "invalid-state");
        assertThat(audited("directive.approved", id) + audited("directive.rejected", id)).isEqualTo(1);
    }

    @Test
    void parallelSubmissionsSubmitOnce() {
        long id = Api.draft(Api.unique("SUBMIT"));
        Api.addTargets(id, Api.unique("submit") + ".example.vn");
        List<Outcome> outcomes = race(RACERS, i -> as(OFFICER).post("/api/v1/directives/" + id + "/submit"));
        assertOneWinner(outcomes, 200, 409, "invalid-state");
        assertThat(audited("directive.submitted", id)).isEqualTo(1);
    }

    @Test
    void patchesWithOneIfMatchApplyOnce() {
        long id = Api.draft(Api.unique("PATCH"));
        String etag = as(OFFICER).get("/api/v1/directives/" + id).header("ETag");
        List<Outcome> outcomes = race(RACERS, i -> as(OFFICER).header("If-Match", etag)
                .body(Map.of("title", "Edited by racer " + i)).patch("/api/v1/directives/" + id));
        assertOneWinner(outcomes, 200, 409, "stale-version");
        assertThat(audited("directive.edited", id)).isEqualTo(1);
    }

    @Test
    void oneIdempotencyKeyMakesOneDirective() {
        String key = Api.unique("idem");
        Map<String, Object> body = Api.directive(Api.unique("IDEM"), Instant.now().minusSeconds(60), null);
        List<Outcome> outcomes = race(RACERS, i -> as(OFFICER).header("Idempotency-Key", key).body(body)
                .post("/api/v1/directives"));
        // Racers that arrive while the first is writing are told so; any that arrive after it get its directive.
        assertThat(outcomes).filteredOn(o -> o.status() == 201).hasSize(1);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).isIn(201, 200, 409));
        assertThat(outcomes).filteredOn(o -> o.status() == 409)
                .allSatisfy(o -> assertThat(o.code()).isEqualTo("idempotency-key-in-use"));
        assertThat(Db.queryString("select count(*) from directive where legal_reference = ?", body.get("legalReference")))
                .isEqualTo("1");
    }

    @Test
    void oneIspIdIsRegisteredOnce() {
        String id = "isp-" + Api.unique("r").substring(2);
        List<Outcome> outcomes = race(RACERS, i -> as(ADMIN)
                .body(Map.of("id", id, "legalName", "Racer " + i, "licenceNumber", "L-" + i)).post("/api/v1/isps"));
        assertOneWinner(outcomes, 201, 409, "isp-exists");
        assertThat(Db.queryString("select count(*) from audit_entry where action = 'isp.created' and subject_id = ?", id))
                .isEqualTo("1");
    }

    @Test
    void oneAuthorityIdIsRegisteredOnce() {
        String id = Api.unique("dic-race");
        List<Outcome> outcomes = race(RACERS, i -> as(ADMIN).body(provincialAuthority(id, "Racer " + i))
                .post("/api/v1/authorities"));
        assertOneWinner(outcomes, 201, 409, "authority-exists");
        assertThat(Db.queryString("select count(*) from audit_entry where action = 'authority.created'"
                + " and subject_id = ?", id)).isEqualTo("1");
    }

    @Test
    void authorityReplacementsWithOneIfMatchApplyOnce() {
        String id = Api.unique("dic-replace");
        String etag = as(ADMIN).body(provincialAuthority(id, "Before")).post("/api/v1/authorities")
                .then().statusCode(201).extract().header("ETag");
        List<Outcome> outcomes = race(RACERS, i -> as(ADMIN).header("If-Match", etag)
                .body(provincialAuthority(id, "Replaced by racer " + i)).put("/api/v1/authorities/" + id));
        assertOneWinner(outcomes, 200, 409, "stale-version");
        assertThat(Db.queryString("select count(*) from audit_entry where action = 'authority.updated'"
                + " and subject_id = ?", id)).isEqualTo("1");
    }

    @Test
    void oneApplianceNameIsRegisteredOnce() {
        String isp = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        List<Outcome> outcomes = race(RACERS, i -> as(engineer)
                .body(Map.of("name", "resolver-1", "kind", "dns-resolver", "preferredFormat", "rpz"))
                .post("/api/v1/isps/" + isp + "/appliances"));
        assertOneWinner(outcomes, 201, 409, "appliance-exists");
        assertThat(Db.queryString("select count(*) from appliance where isp_id = ?", isp)).isEqualTo("1");
    }

    @Test
    void parallelRevocationsOfADirectiveRevokeOnce() {
        long id = Api.approved(Api.unique("REVOKE"), Api.unique("revoke") + ".example.vn");
        List<Outcome> outcomes = race(RACERS, i -> as(OFFICER)
                .body(Map.of("reason", "court ruling " + i, "reference", "R-" + i))
                .post("/api/v1/directives/" + id + "/revoke"));
        assertOneWinner(outcomes, 200, 409, "invalid-state");
        assertThat(audited("directive.revoked", id)).isEqualTo(1);
    }

    @Test
    void parallelTokenRevocationsAndRotationsChangeTheTokenOnce() {
        String isp = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        Api.registerAppliance(isp, "fw-1");
        long appliance = Long.parseLong(Db.queryString("select id from appliance where isp_id = ?", isp));
        String path = "/api/v1/isps/" + isp + "/appliances/" + appliance + "/token";

        List<Outcome> revocations = race(RACERS, i -> as(engineer).delete(path));
        assertThat(revocations).filteredOn(o -> o.status() == 200).hasSize(1);
        assertLosersAre409(revocations, 200, "token-already-revoked", "concurrent-change");

        List<Outcome> rotations = race(RACERS, i -> as(engineer).post(path));
        assertThat(rotations).filteredOn(o -> o.status() == 200).isNotEmpty();
        assertLosersAre409(rotations, 200, "concurrent-change");
        long rotated = rotations.stream().filter(o -> o.status() == 200).count();
        assertThat(Db.queryString("select count(*) from audit_entry where action = 'appliance.token-rotated'"
                + " and subject_id = ?", String.valueOf(appliance))).isEqualTo(String.valueOf(rotated));
    }

    @Test
    void anUnheededTakedownIsEscalatedOnce() {
        Map<String, Object> body = Api.directive(Api.unique("TD"), Instant.now().minusSeconds(60), null);
        body.put("kind", "TAKEDOWN");
        body.put("takedown", Map.of("host", "host.example.vn", "deadline", Instant.now().plusSeconds(3600).toString()));
        long id = as(OFFICER).body(body).post("/api/v1/directives").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Api.addTargets(id, "https://host.example.vn/" + Api.unique("page"));
        as(OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
        as(SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + id + "/approve").then().statusCode(200);
        as(OFFICER).body(Map.of("complied", false)).post("/api/v1/directives/" + id + "/compliance")
                .then().statusCode(200);

        List<Outcome> outcomes = race(RACERS, i -> as(OFFICER).body(Map.of())
                .post("/api/v1/directives/" + id + "/escalate"));
        assertOneWinner(outcomes, 201, 409, "already-escalated");
        assertThat(Db.queryString("select count(*) from directive where escalated_from_id = ?", id)).isEqualTo("1");
    }

    private static long submitted(String prefix) {
        long id = Api.draft(Api.unique(prefix));
        Api.addTargets(id, Api.unique(prefix.toLowerCase()) + ".example.vn");
        as(OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
        return id;
    }

    private static Map<String, Object> provincialAuthority(String id, String nameEn) {
        return Map.of("id", id, "nameVi", "Sở Thông tin và Truyền thông " + id, "nameEn", nameEn,
                "level", "PROVINCIAL", "parent", "mic");
    }

    private static int audited(String action, long directive) {
        return Integer.parseInt(Db.queryString("select count(*) from audit_entry where action = ? and subject_type ="
                + " 'directive' and subject_id = ?", action, String.valueOf(directive)));
    }

    private static void assertOneWinner(List<Outcome> outcomes, int won, int lost, String code) {
        assertThat(outcomes).filteredOn(o -> o.status() == won).as("winners").hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.status() != won).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(lost);
            assertThat(o.contentType()).startsWith("application/problem+json");
            assertThat(o.code()).isEqualTo(code);
        });
    }

    private static void assertLosersAre409(List<Outcome> outcomes, int won, String... codes) {
        assertThat(outcomes).filteredOn(o -> o.status() != won).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(409);
            assertThat(o.contentType()).startsWith("application/problem+json");
            assertThat(o.code()).isIn((Object[]) codes);
        });
    }

    /** Starts {@code n} requests at the same instant; every one must answer within 30 seconds. */
    private static List<Outcome> race(int n, IntFunction<Response> request) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int racer = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    Response r = request.apply(racer);
                    String contentType = r.getContentType() == null ? "" : r.getContentType();
                    String code = contentType.startsWith("application/problem+json") ? r.jsonPath().getString("code")
                            : null;
                    return new Outcome(r.statusCode(), code, contentType);
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } catch (Exception e) {
            throw new AssertionError("A racing request did not answer", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static {
        // Rest-assured's shared configuration is not meant for concurrent first use: touch it once beforehand.
        given();
    }
}
