package org.interdict.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.interdict.security.AuthorizationMatrixApiTest.Role.ADMIN;
import static org.interdict.security.AuthorizationMatrixApiTest.Role.AGENCY;
import static org.interdict.security.AuthorizationMatrixApiTest.Role.ANONYMOUS;
import static org.interdict.security.AuthorizationMatrixApiTest.Role.APPLIANCE;
import static org.interdict.security.AuthorizationMatrixApiTest.Role.AUDITOR;
import static org.interdict.security.AuthorizationMatrixApiTest.Role.ENGINEER;
import static org.interdict.security.AuthorizationMatrixApiTest.Role.FOREIGN_AGENCY;
import static org.interdict.security.AuthorizationMatrixApiTest.Role.FOREIGN_APPLIANCE;
import static org.interdict.security.AuthorizationMatrixApiTest.Role.FOREIGN_ENGINEER;
import static org.interdict.security.AuthorizationMatrixApiTest.Role.OFFICER;
import static org.interdict.security.AuthorizationMatrixApiTest.Role.SUPERVISOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.interdict.support.Api;
import org.interdict.support.Notices;
import org.interdict.support.Rulesets;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every operation of {@code openapi/openapi.yaml} called by every role, with real tokens, against two seeded ISPs
 * (each with an approved directive addressed to it alone and an appliance). The path's ISP is always the first
 * one; "foreign" roles belong to the second. The expectations are an explicit table keyed by operation id, so an
 * operation added to the API without an entry here fails {@link #theTableCoversEveryOperationOfTheDocument}.
 *
 * <p>Anonymous callers get 401 (except on the public side, open to anyone), roles outside the operation's 403,
 * callers confined to another ISP 404 (as if the ISP or its record did not exist), never a 500, and a caller confined
 * to one ISP never receives a success that mentions the other. Allowed roles pass authorization: their request may still be refused for what it asks (a
 * 409 for approving an approved directive), never with 401, 403 or 404.
 */
@QuarkusTest
class AuthorizationMatrixApiTest {

    private static final Path DOCUMENT = Path.of("openapi/openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    enum Role {
        ANONYMOUS, OFFICER, SUPERVISOR, ENGINEER, FOREIGN_ENGINEER, AUDITOR, ADMIN, APPLIANCE, FOREIGN_APPLIANCE,
        AGENCY, FOREIGN_AGENCY
    }

    /** Roles confined to one ISP or agency: the path's (own) or the other (foreign). */
    private static final Set<Role> CONFINED = EnumSet.of(ENGINEER, FOREIGN_ENGINEER, APPLIANCE, FOREIGN_APPLIANCE,
            AGENCY, FOREIGN_AGENCY);

    private static final Set<Role> READERS = EnumSet.of(OFFICER, SUPERVISOR, AUDITOR, ADMIN);

    /** Seeded once for both factories. */
    private static Seed shared;

    /** What one operation admits; every other role but the hidden ones gets 403. */
    record Expectation(Set<Role> allowed, Set<Role> hidden, Function<Seed, Object> body, Map<String, String> query,
            Function<Seed, Map<String, String>> pathValues) {

        Expectation hiding(Role... roles) {
            return new Expectation(allowed, EnumSet.copyOf(List.of(roles)), body, query, pathValues);
        }

        Expectation body(Function<Seed, Object> supplier) {
            return new Expectation(allowed, hidden, supplier, query, pathValues);
        }

        Expectation query(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(query);
            more.put(name, value);
            return new Expectation(allowed, hidden, body, more, pathValues);
        }

        /** Path values of its own, for operations that would spoil the shared seed (a deleted appliance). */
        Expectation path(Function<Seed, Map<String, String>> values) {
            return new Expectation(allowed, hidden, body, query, values);
        }

        Outcome outcomeFor(Role role) {
            if (role == ANONYMOUS && !allowed.contains(ANONYMOUS)) {
                return hidden.contains(ANONYMOUS) ? Outcome.HIDDEN : Outcome.UNAUTHENTICATED;
            }
            return allowed.contains(role) ? Outcome.ALLOWED : hidden.contains(role) ? Outcome.HIDDEN : Outcome.FORBIDDEN;
        }
    }

    enum Outcome { ALLOWED, UNAUTHENTICATED, FORBIDDEN, HIDDEN }

    private static Expectation allow(Role... roles) {
        return new Expectation(EnumSet.copyOf(List.of(roles)), EnumSet.noneOf(Role.class), null, Map.of(),
                seed -> Map.of());
    }

    private static Expectation hiddenFromEveryone() {
        return new Expectation(EnumSet.noneOf(Role.class), EnumSet.allOf(Role.class), null, Map.of(), seed -> Map.of());
    }

    private static Expectation allow(Set<Role> some, Role... more) {
        Set<Role> roles = EnumSet.copyOf(some);
        roles.addAll(List.of(more));
        return allow(roles.toArray(Role[]::new));
    }

    private static final Map<String, Expectation> TABLE = Map.ofEntries(
            Map.entry("AllowlistResource_list", allow(READERS)),
            Map.entry("AllowlistResource_add", allow(SUPERVISOR, ADMIN)
                    .body(seed -> Map.of("value", Api.unique("matrix") + ".example.org", "reason", "authorization matrix"))),
            Map.entry("AllowlistResource_delete", allow(SUPERVISOR, ADMIN)
                    .path(seed -> Map.of("id", seed.freshAllowEntry()))),
            Map.entry("ApplianceSelfResource_self", allow(APPLIANCE, FOREIGN_APPLIANCE)),
            Map.entry("AcknowledgementResource_report", allow(APPLIANCE, FOREIGN_APPLIANCE)
                    .body(seed -> Map.of("version", 1, "applied", true))),
            Map.entry("AgencyResource_list", allow(READERS, AGENCY, FOREIGN_AGENCY)),
            Map.entry("AgencyResource_get", allow(READERS, AGENCY).hiding(FOREIGN_AGENCY)),
            Map.entry("AgencyResource_create", allow(ADMIN).body(seed -> Seed.agency(Api.unique("matrix")))),
            Map.entry("AgencyResource_replace", allow(ADMIN).body(seed -> Seed.agency(seed.agency()))),
            Map.entry("AdvisoryResource_list", allow(READERS, ENGINEER, FOREIGN_ENGINEER, AGENCY, FOREIGN_AGENCY)),
            Map.entry("AdvisoryResource_draft", allow(OFFICER).body(Seed::advisoryBody)),
            Map.entry("AdvisoryResource_get", allow(READERS, ENGINEER, AGENCY).hiding(FOREIGN_ENGINEER, FOREIGN_AGENCY)),
            Map.entry("AdvisoryResource_edit", allow(OFFICER, SUPERVISOR).body(Seed::advisoryBody)
                    .path(seed -> Map.of("id", seed.freshAdvisoryDraft()))),
            Map.entry("AdvisoryResource_publish", allow(SUPERVISOR).path(seed -> Map.of("id", seed.freshAdvisoryDraft()))),
            Map.entry("AdvisoryResource_revise", allow(SUPERVISOR).body(Seed::advisoryBody)),
            Map.entry("AdvisoryResource_withdraw", allow(OFFICER, SUPERVISOR).body(seed -> Map.of("reason", "matrix"))
                    .path(seed -> Map.of("id", seed.freshAdvisoryDraft()))),
            // The path names the first agency as the recipient: every other confined caller is not it.
            Map.entry("AdvisoryResource_acknowledge", allow(AGENCY).hiding(ENGINEER, FOREIGN_ENGINEER, FOREIGN_AGENCY)
                    .path(seed -> Map.of("recipient", "agency:" + seed.agency()))),
            Map.entry("AdvisoryResource_reportStatus", allow(AGENCY).hiding(ENGINEER, FOREIGN_ENGINEER, FOREIGN_AGENCY)
                    .body(seed -> Map.of("status", "investigating"))
                    .path(seed -> Map.of("recipient", "agency:" + seed.agency()))),
            Map.entry("AdvisoryResource_tracking", allow(OFFICER, SUPERVISOR, AUDITOR, ADMIN)),
            Map.entry("AdvisoryResource_trackingCsv", allow(OFFICER, SUPERVISOR, AUDITOR, ADMIN)),
            Map.entry("AlertPeriodResource_declare", allow(OFFICER, SUPERVISOR).body(Seed::periodBody)),
            Map.entry("AlertPeriodResource_list", allow(READERS, ENGINEER, FOREIGN_ENGINEER, AGENCY, FOREIGN_AGENCY)),
            Map.entry("AlertPeriodResource_get", allow(READERS, ENGINEER, AGENCY).hiding(FOREIGN_ENGINEER, FOREIGN_AGENCY)),
            Map.entry("AlertPeriodResource_reportSituation", allow(AGENCY)
                    .hiding(ENGINEER, FOREIGN_ENGINEER, FOREIGN_AGENCY).body(seed -> Map.of("noIncident", true))
                    .path(seed -> Map.of("recipient", "agency:" + seed.agency()))),
            // A recipient sees its own days only; a period that does not address it is not found.
            Map.entry("AlertPeriodResource_situationReports", allow(READERS, ENGINEER, AGENCY)
                    .hiding(FOREIGN_ENGINEER, FOREIGN_AGENCY)),
            Map.entry("AlertPeriodResource_edit", allow(OFFICER, SUPERVISOR).body(Seed::periodBody)
                    .path(seed -> Map.of("id", seed.freshAlertPeriod()))),
            Map.entry("AlertPeriodResource_cancel", allow(OFFICER, SUPERVISOR)
                    .body(seed -> Map.of("reason", "authorization matrix"))
                    .path(seed -> Map.of("id", seed.freshAlertPeriod()))),
            Map.entry("AuditResource_list", allow(AUDITOR, ADMIN)),
            // Every person reads the registry of authorities; engineers see their own ISP only in a scope.
            Map.entry("AuthorityResource_list", allow(READERS, ENGINEER, FOREIGN_ENGINEER)),
            Map.entry("AuthorityResource_get", allow(READERS, ENGINEER, FOREIGN_ENGINEER)
                    .path(seed -> Map.of("id", "mic"))),
            Map.entry("AuthorityResource_create", allow(ADMIN).body(seed -> Seed.authority(Api.unique("dic-matrix")))),
            Map.entry("AuthorityResource_replace", allow(ADMIN).body(seed -> Seed.authority(seed.authority()))
                    .path(seed -> Map.of("id", seed.authority()))),
            Map.entry("AuthorityResource_linkLegacy", allow(ADMIN).path(seed -> Map.of("id", seed.authority()))),
            Map.entry("AuditResource_verify", allow(AUDITOR, ADMIN)),
            Map.entry("ComplianceResource_compliance", allow(READERS, ENGINEER).hiding(FOREIGN_ENGINEER)
                    .query("isp", "{isp}")),
            Map.entry("ComplianceResource_alertPeriods", allow(READERS).query("isp", "{isp}")),
            Map.entry("DirectiveResource_list", allow(READERS, ENGINEER, FOREIGN_ENGINEER)),
            Map.entry("DirectiveResource_create", allow(OFFICER)
                    .body(seed -> Api.directive(Api.unique("MATRIX"), Instant.now(), null))),
            Map.entry("DirectiveResource_patch", allow(OFFICER).body(seed -> Map.of("title", "Renamed by the matrix"))),
            Map.entry("DirectiveResource_get", allow(READERS, ENGINEER).hiding(FOREIGN_ENGINEER)),
            Map.entry("DirectiveResource_delete", allow(OFFICER)),
            Map.entry("DirectiveResource_approve", allow(SUPERVISOR).body(seed -> Map.of("confirmFlaggedTargets", List.of()))),
            Map.entry("DirectiveResource_compliance", allow(OFFICER, SUPERVISOR).body(seed -> Map.of("complied", true))),
            Map.entry("EnforcementResource_enforcement", allow(READERS, ENGINEER).hiding(FOREIGN_ENGINEER)),
            Map.entry("DirectiveResource_escalate", allow(OFFICER, SUPERVISOR).body(seed -> Map.of())),
            Map.entry("PreviewResource_preview", allow(OFFICER, SUPERVISOR)),
            Map.entry("DirectiveResource_reject", allow(SUPERVISOR).body(seed -> Map.of("reason", "matrix"))),
            Map.entry("DirectiveResource_revoke", allow(OFFICER, SUPERVISOR)
                    .body(seed -> Map.of("reason", "matrix", "reference", "MATRIX/REVOKE"))
                    .path(seed -> Map.of("id", seed.freshDirective()))),
            Map.entry("DirectiveResource_submit", allow(OFFICER)),
            Map.entry("DirectiveTargetResource_list", allow(READERS, ENGINEER).hiding(FOREIGN_ENGINEER)),
            Map.entry("DirectiveTargetResource_importJson", allow(OFFICER)
                    .body(seed -> List.of(Map.of("value", Api.unique("matrix") + ".example.vn")))),
            Map.entry("DirectiveTargetResource_delete", allow(OFFICER)),
            // ISP engineers see their own ISP's record only.
            // The first agency reported the seeded incident; paths name it as the recipient.
            Map.entry("IncidentResource_report", allow(AGENCY).hiding(ENGINEER, FOREIGN_ENGINEER, FOREIGN_AGENCY)
                    .body(seed -> Seed.incidentBody()).path(seed -> Map.of("recipient", "agency:" + seed.agency()))),
            Map.entry("IncidentResource_update", allow(AGENCY).hiding(ENGINEER, FOREIGN_ENGINEER, FOREIGN_AGENCY)
                    .body(seed -> Map.of("note", "matrix"))
                    .path(seed -> Map.of("recipient", "agency:" + seed.agency(), "id", String.valueOf(seed.incident())))),
            Map.entry("IncidentResource_list", allow(READERS, ENGINEER, FOREIGN_ENGINEER, AGENCY, FOREIGN_AGENCY)),
            Map.entry("IncidentResource_get", allow(READERS, AGENCY).hiding(ENGINEER, FOREIGN_ENGINEER, FOREIGN_AGENCY)),
            Map.entry("IncidentResource_triage", allow(OFFICER, SUPERVISOR)
                    .body(seed -> Map.of("triage", "acknowledged"))),
            Map.entry("IncidentResource_draftDirective", allow(OFFICER)
                    .path(seed -> Map.of("id", seed.freshIncident()))),
            Map.entry("IspResource_list", allow(READERS, ENGINEER, FOREIGN_ENGINEER)),
            Map.entry("IspResource_create", allow(ADMIN).body(seed -> Map.of("id", Api.unique("matrix"),
                    "legalName", "Matrix ISP", "licenceNumber", "L-MATRIX"))),
            Map.entry("IspResource_patch", allow(ADMIN).body(seed -> Map.of("licenceNumber", "L-MATRIX-2"))),
            Map.entry("IspResource_get", allow(READERS, ENGINEER).hiding(FOREIGN_ENGINEER)),
            Map.entry("ApplianceResource_register", allow(ENGINEER, ADMIN).hiding(FOREIGN_ENGINEER)
                    .body(seed -> Map.of("name", Api.unique("matrix"), "kind", "dns-resolver", "preferredFormat", "rpz"))),
            Map.entry("ApplianceResource_list", allow(READERS, ENGINEER).hiding(FOREIGN_ENGINEER)),
            Map.entry("ApplianceResource_patch", allow(ENGINEER, ADMIN).hiding(FOREIGN_ENGINEER)
                    .body(seed -> Map.of("preferredFormat", "rpz"))),
            Map.entry("ApplianceResource_get", allow(READERS, ENGINEER).hiding(FOREIGN_ENGINEER)),
            Map.entry("ApplianceResource_delete", allow(ENGINEER, ADMIN).hiding(FOREIGN_ENGINEER)
                    .path(seed -> Map.of("id", seed.freshAppliance()))),
            Map.entry("ApplianceResource_rotate", allow(ENGINEER, ADMIN).hiding(FOREIGN_ENGINEER)
                    .path(seed -> Map.of("id", seed.freshAppliance()))),
            Map.entry("ApplianceResource_revoke", allow(ENGINEER, ADMIN).hiding(FOREIGN_ENGINEER)
                    .path(seed -> Map.of("id", seed.freshAppliance()))),
            Map.entry("RuleSetResource_status", allow(READERS, ENGINEER, APPLIANCE).hiding(FOREIGN_ENGINEER, FOREIGN_APPLIANCE)),
            Map.entry("RuleSetResource_current", allow(READERS, ENGINEER, APPLIANCE).hiding(FOREIGN_ENGINEER, FOREIGN_APPLIANCE)),
            Map.entry("RuleSetResource_delta", allow(READERS, ENGINEER, APPLIANCE).hiding(FOREIGN_ENGINEER, FOREIGN_APPLIANCE)
                    .query("from", "{n}")),
            Map.entry("RuleSetResource_versions", allow(READERS, ENGINEER, APPLIANCE).hiding(FOREIGN_ENGINEER, FOREIGN_APPLIANCE)),
            Map.entry("RuleSetResource_version", allow(READERS, ENGINEER, APPLIANCE).hiding(FOREIGN_ENGINEER, FOREIGN_APPLIANCE)),
            Map.entry("RuleSetResource_confirm", allow(SUPERVISOR).body(seed -> Map.of("reason", "matrix"))),
            Map.entry("RuleSetResource_refuse", allow(SUPERVISOR).body(seed -> Map.of("reason", "matrix"))),
            Map.entry("RuleSetResource_report", allow(READERS, ENGINEER, APPLIANCE).hiding(FOREIGN_ENGINEER, FOREIGN_APPLIANCE)),
            Map.entry("LookupResource_lookup", allow(READERS, ENGINEER).hiding(FOREIGN_ENGINEER)
                    .query("isp", "{isp}").query("q", "{target}")),
            // The public side: anyone, signed in or not.
            Map.entry("PublicLookupResource_lookup", allow(Role.values()).query("q", "example.vn")),
            Map.entry("PublicAppealResource_file", allow(Role.values()).body(seed -> Map.of("targets",
                    List.of("not-blocked.example.vn"), "appellantKind", "user", "email", "a@example.org", "grounds",
                    "authorization matrix"))),
            // Without its secret key an appeal is not found, whoever asks.
            Map.entry("PublicAppealResource_confirm", hiddenFromEveryone().path(seed -> Map.of("id", "1"))),
            Map.entry("PublicAppealResource_status", hiddenFromEveryone().path(seed -> Map.of("id", "1"))),
            Map.entry("PublicAppealResource_withdraw", hiddenFromEveryone().path(seed -> Map.of("id", "1"))),
            // Appeals are reviewed by the officers and supervisors of the authority whose order they contest (the
            // seeded directive's); allowed callers may still be refused for what they ask (who drafted the order).
            Map.entry("AppealReviewResource_queue", allow(OFFICER, SUPERVISOR)),
            Map.entry("AppealReviewResource_detail", allow(OFFICER, SUPERVISOR).path(seed -> seed.appeal())),
            Map.entry("AppealReviewResource_evidence", allow(OFFICER, SUPERVISOR).path(seed -> seed.appeal())),
            Map.entry("AppealReviewResource_take", allow(OFFICER, SUPERVISOR).body(seed -> Map.of("version", 0))
                    .path(seed -> seed.appeal())),
            Map.entry("AppealReviewResource_propose", allow(OFFICER, SUPERVISOR).body(seed -> Map.of("outcome",
                    "UPHELD", "reasons", "matrix", "version", 0)).path(seed -> seed.appeal())),
            Map.entry("AppealReviewResource_confirm", allow(SUPERVISOR).body(seed -> Map.of("version", 0))
                    .path(seed -> seed.appeal())),
            Map.entry("AppealReviewResource_suspend", allow(SUPERVISOR).body(seed -> Map.of("version", 0))
                    .path(seed -> seed.appeal())),
            Map.entry("AppealReviewResource_returnProposal", allow(SUPERVISOR).body(seed -> Map.of("remarks", "matrix",
                    "version", 0)).path(seed -> seed.appeal())),
            Map.entry("ErrorReportResource_file", allow(ENGINEER).hiding(FOREIGN_ENGINEER).body(seed -> Map.of(
                    "kind", "false-positive", "targets", List.of(seed.target()), "description", "matrix"))),
            Map.entry("ErrorReportResource_list", allow(ENGINEER).hiding(FOREIGN_ENGINEER)),
            Map.entry("MeResource_get", allow(READERS, ENGINEER, FOREIGN_ENGINEER, APPLIANCE, FOREIGN_APPLIANCE, AGENCY,
                    FOREIGN_AGENCY)),
            Map.entry("SigningKeyResource_list", allow(READERS, ENGINEER, FOREIGN_ENGINEER, APPLIANCE, FOREIGN_APPLIANCE)),
            Map.entry("TransparencyResource_report", allow(AUDITOR, ADMIN)),
            Map.entry("ZoneResource_zone", allow(READERS, ENGINEER).hiding(FOREIGN_ENGINEER)),
            Map.entry("ZoneResource_createKey", allow(ENGINEER, ADMIN).hiding(FOREIGN_ENGINEER)),
            Map.entry("ZoneResource_keys", allow(READERS, ENGINEER).hiding(FOREIGN_ENGINEER)),
            Map.entry("ZoneResource_revokeKey", allow(ENGINEER, ADMIN).hiding(FOREIGN_ENGINEER)
                    .path(seed -> Map.of("id", seed.freshZoneKey()))),
            Map.entry("ZoneResource_addSecondary", allow(ENGINEER, ADMIN).hiding(FOREIGN_ENGINEER)
                    .body(seed -> Map.of("address", Seed.freshAddress()))),
            Map.entry("ZoneResource_secondaries", allow(READERS, ENGINEER).hiding(FOREIGN_ENGINEER)),
            Map.entry("ZoneResource_removeSecondary", allow(ENGINEER, ADMIN).hiding(FOREIGN_ENGINEER)
                    .path(seed -> Map.of("id", seed.freshSecondary()))),
            // Webhooks belong to an owner: engineers register their ISP's, people of an agency their agency's,
            // officers and supervisors their authority's (the seeded endpoint is the ISP's, so they do not see it),
            // administrators any owner's.
            Map.entry("WebhookResource_create", allow(OFFICER, SUPERVISOR, ENGINEER, FOREIGN_ENGINEER, AGENCY,
                    FOREIGN_AGENCY, ADMIN)
                    .body(seed -> Map.of("url", "https://hooks.example.vn/matrix"))),
            Map.entry("WebhookResource_list", allow(READERS, ENGINEER, FOREIGN_ENGINEER, AGENCY, FOREIGN_AGENCY)),
            Map.entry("WebhookResource_rotate", allow(ENGINEER, ADMIN)
                    .hiding(FOREIGN_ENGINEER, OFFICER, SUPERVISOR, AGENCY, FOREIGN_AGENCY)
                    .path(seed -> Map.of("id", seed.freshWebhook()))),
            Map.entry("WebhookResource_deactivate", allow(ENGINEER, ADMIN)
                    .hiding(FOREIGN_ENGINEER, OFFICER, SUPERVISOR, AGENCY, FOREIGN_AGENCY)
                    .path(seed -> Map.of("id", seed.freshWebhook()))),
            // The delivery log: everything for auditors and administrators, a caller's own owner's calls otherwise.
            Map.entry("NotificationResource_list", allow(READERS, ENGINEER, FOREIGN_ENGINEER, AGENCY, FOREIGN_AGENCY)),
            Map.entry("NotificationResource_get", allow(AUDITOR, ADMIN, ENGINEER)
                    .hiding(FOREIGN_ENGINEER, OFFICER, SUPERVISOR, AGENCY, FOREIGN_AGENCY)
                    .path(seed -> Map.of("id", seed.webhookCall()))));

    /** One operation of the document. */
    record Operation(String id, String method, String path, boolean takesBody) {}

    @Test
    void theTableCoversEveryOperationOfTheDocument() {
        Set<String> documented = new TreeSet<>(operations().stream().map(Operation::id).toList());
        assertThat(new TreeSet<>(TABLE.keySet())).as("operation ids of the table and of %s", DOCUMENT)
                .isEqualTo(documented);
    }

    @TestFactory
    Stream<DynamicTest> everyOperationByEveryRole() {
        List<Operation> operations = operations();
        Seed seed = seed();
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation operation : operations) {
            Expectation expectation = TABLE.get(operation.id());
            if (expectation == null) {
                continue; // reported by theTableCoversEveryOperationOfTheDocument
            }
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(operation.id() + " as " + role,
                        () -> check(operation, expectation, role, seed, false)));
            }
        }
        assertThat(tests).as("calls").hasSize(TABLE.size() * Role.values().length);
        System.out.printf("Authorization matrix: %d operations x %d roles = %d calls%n", operations.size(),
                Role.values().length, tests.size());
        return tests.stream();
    }

    /**
     * Refusals come before the request body is read: a caller who may not call the operation, or not on this ISP,
     * gets the same 401, 403 or 404 with a malformed body, rather than a 400 that shows the operation is there.
     */
    @TestFactory
    Stream<DynamicTest> refusalsComeBeforeTheBodyIsRead() {
        Seed seed = seed();
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation operation : operations()) {
            Expectation expectation = TABLE.get(operation.id());
            if (expectation == null || !operation.takesBody()) {
                continue;
            }
            for (Role role : Role.values()) {
                if (expectation.outcomeFor(role) != Outcome.ALLOWED) {
                    tests.add(DynamicTest.dynamicTest(operation.id() + " as " + role + " with a malformed body",
                            () -> check(operation, expectation, role, seed, true)));
                }
            }
        }
        System.out.printf("Authorization matrix: %d refusals with a malformed body%n", tests.size());
        return tests.stream();
    }

    private static synchronized Seed seed() {
        if (shared == null) {
            shared = Seed.create();
        }
        return shared;
    }

    private static void check(Operation operation, Expectation expectation, Role role, Seed seed, boolean malformed) {
        if (operation.takesBody() && expectation.body() == null) {
            fail("%s takes a request body: give one in the table", operation.id());
        }
        RequestSpecification request = given().contentType(ContentType.JSON);
        String token = seed.token(role);
        if (token != null) {
            request.auth().oauth2(token);
        }
        expectation.query().forEach((name, value) -> request.queryParam(name, seed.resolve(value)));
        if (operation.path().startsWith("/public/")) {
            // an allowance of its own, as if from a client of its own: the public side is rate-limited per address
            request.header("X-Forwarded-For", "192.0.2." + (1 + role.ordinal()));
        }
        if (malformed) {
            request.body("{\"unfinished\": ");
        } else if (expectation.body() != null) {
            request.body(expectation.body().apply(seed));
        }
        String path = seed.fillPath(operation.path(), expectation.pathValues().apply(seed));
        Response response = request.request(operation.method(), path);
        int status = response.statusCode();
        String where = operation.method().toUpperCase() + " " + path + " as " + role + " answered " + status + ": "
                + abbreviate(response.asString());

        assertThat(status).as(where).isLessThan(500);
        Outcome outcome = expectation.outcomeFor(role);
        switch (outcome) {
            case UNAUTHENTICATED -> problem(response, 401, where);
            case FORBIDDEN -> problem(response, 403, where);
            case HIDDEN -> problem(response, 404, where);
            case ALLOWED -> assertThat(status).as(where + " (an allowed role)").isNotIn(401, 403, 404);
        }
        if (CONFINED.contains(role) && status < 300) {
            assertThat(response.asString()).as(where + ": a success for a caller of another ISP")
                    .doesNotContain(seed.otherIsp(role));
        }
    }

    private static void problem(Response response, int status, String where) {
        assertThat(response.statusCode()).as(where).isEqualTo(status);
        assertThat(response.contentType()).as(where + ": content type").startsWith("application/problem+json");
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private static List<Operation> operations() {
        JsonNode document;
        try {
            document = new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
        } catch (IOException e) {
            return fail("cannot read %s: %s", DOCUMENT, e.getMessage());
        }
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) {
                JsonNode operation = method.getValue();
                assertThat(operation.path("operationId").asText()).as(method.getKey() + " " + path.getKey() + " operationId")
                        .isNotBlank();
                operations.add(new Operation(operation.path("operationId").asText(), method.getKey(), path.getKey(),
                        operation.has("requestBody")));
            }
        }));
        assertThat(operations).as("operations in " + DOCUMENT).isNotEmpty();
        return operations;
    }

    /**
     * Two ISPs, each with an approved directive addressed to it alone and a registered appliance. The first ISP is
     * the one every path names.
     */
    record Seed(String isp, String otherIsp, long directive, long targetId, String target, long appliance,
            String authority, String agency, String otherAgency, long advisory, long incident, long alertPeriod,
            Map<Role, String> tokens) {

        private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES =
                new java.util.concurrent.atomic.AtomicInteger();

        static Seed create() {
            String isp = Api.newIsp();
            String other = Api.newIsp();
            String target = Api.unique("matrix-" + isp) + ".example.vn";
            long directive = Api.approvedFor(List.of(isp), Api.unique("MATRIX"), target);
            Api.approvedFor(List.of(other), Api.unique("MATRIX"), Api.unique("matrix-" + other) + ".example.vn");
            long targetId = Api.as(Api.OFFICER).get("/api/v1/directives/" + directive + "/targets")
                    .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
            Rulesets.await(isp, s -> s.get("current.counts.DOMAIN") != null);
            Rulesets.await(other, s -> s.get("current.counts.DOMAIN") != null);
            Response mine = registered(isp);
            Response theirs = registered(other);
            Map<Role, String> tokens = new HashMap<>();
            tokens.put(OFFICER, Api.OFFICER);
            tokens.put(SUPERVISOR, Api.SUPERVISOR);
            tokens.put(AUDITOR, Api.AUDITOR);
            tokens.put(ADMIN, Api.ADMIN);
            tokens.put(ENGINEER, Tokens.ispEngineer("matrix-eng-" + isp, isp));
            tokens.put(FOREIGN_ENGINEER, Tokens.ispEngineer("matrix-eng-" + other, other));
            tokens.put(APPLIANCE, mine.jsonPath().getString("token"));
            tokens.put(FOREIGN_APPLIANCE, theirs.jsonPath().getString("token"));
            String authority = Api.unique("dic-matrix");
            Api.as(Api.ADMIN).body(authority(authority)).post("/api/v1/authorities").then().statusCode(201);
            String agency = Api.newAgency();
            String otherAgency = Api.newAgency();
            tokens.put(AGENCY, Tokens.agency("matrix-agency-" + agency, agency));
            tokens.put(FOREIGN_AGENCY, Tokens.agency("matrix-agency-" + otherAgency, otherAgency));
            long advisory = Api.as(Api.OFFICER).body(advisoryContent(isp, agency)).post("/api/v1/advisories")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            Api.as(Api.SUPERVISOR).post("/api/v1/advisories/" + advisory + "/publish").then().statusCode(200);
            long incident = reportIncident(tokens.get(AGENCY), agency);
            long alertPeriod = Api.as(Api.OFFICER).body(alertPeriodBody(isp, agency)).post("/api/v1/alert-periods")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            return new Seed(isp, other, directive, targetId, target, mine.jsonPath().getLong("appliance.id"),
                    authority, agency, otherAgency, advisory, incident, alertPeriod, Map.copyOf(tokens));
        }

        static Map<String, Object> incidentBody() {
            return Map.of("type", "ddos", "severity", "low", "detectedAt", Instant.now().minusSeconds(60).toString(),
                    "affectedSystems", "matrix", "indicators", Api.unique("matrix") + ".example.vn");
        }

        private static long reportIncident(String token, String agency) {
            return Api.as(token).body(incidentBody()).post("/api/v1/recipients/agency:" + agency + "/incidents")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
        }

        String freshIncident() {
            return String.valueOf(reportIncident(tokens.get(AGENCY), agency));
        }

        /** A short period for the first ISP and agency that changes no deadline, so other tests are not affected. */
        static Map<String, Object> alertPeriodBody(String isp, String agency) {
            return Map.of("name", "Matrix alert", "from", Instant.now().minusSeconds(60).toString(),
                    "to", Instant.now().plusSeconds(3600).toString(), "level", "elevated",
                    "audience", Map.of("isps", List.of(isp), "agencies", List.of(agency)));
        }

        Map<String, Object> periodBody() {
            return alertPeriodBody(isp, agency);
        }

        /** An advisory addressed to the first ISP and the first agency only. */
        static Map<String, Object> advisoryContent(String isp, String agency) {
            return Map.of("title", "Matrix advisory", "severity", "high", "cves", List.of("CVE-2022-22965"),
                    "description", "matrix", "recommendedActions", "patch",
                    "remediationDeadline", Instant.now().plusSeconds(86400).toString(),
                    "audience", Map.of("isps", List.of(isp), "agencies", List.of(agency)));
        }

        Map<String, Object> advisoryBody() {
            return advisoryContent(isp, agency);
        }

        String freshAdvisoryDraft() {
            return String.valueOf(Api.as(Api.OFFICER).body(advisoryBody()).post("/api/v1/advisories")
                    .then().statusCode(201).extract().jsonPath().getLong("id"));
        }

        static Map<String, Object> agency(String id) {
            return Map.of("id", id, "nameVi", "Cơ quan " + id, "nameEn", "Agency " + id);
        }

        /** A provincial authority that may address every ISP, so that no caller sees another ISP in it. */
        static Map<String, Object> authority(String id) {
            return Map.of("id", id, "nameVi", "Sở " + id, "nameEn", "Department " + id, "level", "PROVINCIAL",
                    "parent", "mic");
        }

        private static Response registered(String isp) {
            Response response = Api.as(Api.ADMIN)
                    .body(Map.of("name", Api.unique("matrix"), "kind", "dns-resolver", "preferredFormat", "rpz"))
                    .post("/api/v1/isps/" + isp + "/appliances");
            response.then().statusCode(201);
            return response;
        }

        String token(Role role) {
            return tokens.get(role);
        }

        /** The ISP or agency a confined role must never see in a success. */
        String otherIsp(Role role) {
            return switch (role) {
                case FOREIGN_ENGINEER, FOREIGN_APPLIANCE -> isp;
                case AGENCY -> otherAgency;
                case FOREIGN_AGENCY -> agency;
                default -> otherIsp;
            };
        }

        String freshAppliance() {
            return String.valueOf(registered(isp).jsonPath().getLong("appliance.id"));
        }

        String freshZoneKey() {
            return String.valueOf(Api.as(Api.ADMIN).post("/api/v1/isps/" + isp + "/zone/keys")
                    .then().statusCode(201).extract().jsonPath().getLong("key.id"));
        }

        String freshWebhook() {
            return String.valueOf(Api.as(Api.ADMIN).body(Map.of("owner", "isp:" + isp, "url",
                    "https://hooks.example.vn/matrix")).post("/api/v1/webhooks").then().statusCode(201).extract()
                    .jsonPath().getLong("webhook.id"));
        }

        /** A webhook call queued for the ISP's endpoint, as a feature of the service would queue one. */
        String webhookCall() {
            freshWebhook();
            return String.valueOf(Notices.webhookCall("isp:" + isp));
        }

        String freshSecondary() {
            return String.valueOf(Api.as(Api.ADMIN).body(Map.of("address", freshAddress()))
                    .post("/api/v1/isps/" + isp + "/zone/secondaries").then().statusCode(201).extract().jsonPath()
                    .getLong("id"));
        }

        /** An address from TEST-NET-2 not used before, so that registering it never collides. */
        static String freshAddress() {
            int n = ADDRESSES.incrementAndGet();
            return "198.51." + (n / 250) % 250 + "." + (n % 250 + 1);
        }

        String freshAlertPeriod() {
            return String.valueOf(Api.as(Api.OFFICER).body(periodBody()).post("/api/v1/alert-periods").then()
                    .statusCode(201).extract().jsonPath().getLong("id"));
        }

        String freshAllowEntry() {
            return String.valueOf(Api.as(Api.ADMIN)
                    .body(Map.of("value", Api.unique("matrix") + ".example.org", "reason", "authorization matrix"))
                    .post("/api/v1/allowlist").then().statusCode(201).extract().jsonPath().getLong("id"));
        }

        /**
         * An appeal received against the seeded directive, with one evidence file: its id and its file's, filed once
         * and confirmed through the link e-mailed to its address.
         */
        Map<String, String> appeal() {
            synchronized (APPEAL) {
                if (APPEAL.isEmpty()) {
                    String email = Api.unique("matrix") + "@example.org";
                    long id = given().contentType(ContentType.JSON).header("X-Forwarded-For", "192.0.2.200")
                            .body(Map.of("targets", List.of(target), "appellantKind", "user", "email", email,
                                    "grounds", "authorization matrix", "evidence", List.of(Map.of("fileName",
                                            "matrix.pdf", "content", java.util.Base64.getEncoder().encodeToString(
                                                    "%PDF-1.4 matrix".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))))
                            .post("/public/v1/appeals").then().statusCode(201).extract().jsonPath().getLong("id");
                    String text;
                    try {
                        Object content = org.interdict.notification.MailServer.awaitMessagesTo(email, 1).get(0)
                                .getContent();
                        text = content instanceof jakarta.mail.Multipart multipart
                                ? String.valueOf(multipart.getBodyPart(0).getContent()) : String.valueOf(content);
                    } catch (IOException | jakarta.mail.MessagingException e) {
                        return fail("cannot read the confirmation e-mail: %s", e.getMessage());
                    }
                    Matcher key = Pattern.compile("confirmation\\?key=([A-Za-z0-9_-]+)").matcher(text);
                    assertThat(key.find()).as(text).isTrue();
                    given().header("X-Forwarded-For", "192.0.2.200").queryParam("key", key.group(1))
                            .get("/public/v1/appeals/" + id + "/confirmation").then().statusCode(200);
                    String evidence = Api.as(Api.OTHER_OFFICER).get("/api/v1/appeals/" + id).then().statusCode(200)
                            .extract().jsonPath().getString("evidence[0].id");
                    APPEAL.put("id", String.valueOf(id));
                    APPEAL.put("evidenceId", evidence);
                }
                return Map.copyOf(APPEAL);
            }
        }

        private static final Map<String, String> APPEAL = new HashMap<>();

        String freshDirective() {
            return String.valueOf(Api.approvedFor(List.of(isp), Api.unique("MATRIX"), Api.unique("matrix") + ".example.vn"));
        }

        /**
         * The ISP's current version, read at the time of the call: other changes (allowlist entries, revocations)
         * make new versions meanwhile, and only the latest few keep their rules.
         */
        String currentVersion() {
            return String.valueOf(Rulesets.current(isp));
        }

        String resolve(String value) {
            return switch (value) {
                case "{isp}" -> isp;
                case "{target}" -> target;
                case "{n}" -> currentVersion();
                default -> value;
            };
        }

        /** The path with each placeholder replaced: the operation's own values first, then the seed's. */
        String fillPath(String template, Map<String, String> own) {
            Matcher placeholders = PLACEHOLDER.matcher(template);
            StringBuilder path = new StringBuilder();
            while (placeholders.find()) {
                String name = placeholders.group(1);
                String value = own.containsKey(name) ? own.get(name) : seedValue(template, name);
                placeholders.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            placeholders.appendTail(path);
            return path.toString();
        }

        private String seedValue(String template, String name) {
            return switch (name) {
                case "isp" -> isp;
                case "agency" -> agency;
                case "n" -> currentVersion();
                case "targetId" -> String.valueOf(targetId);
                case "id" -> template.startsWith("/api/v1/directives/") ? String.valueOf(directive)
                        : template.startsWith("/api/v1/advisories/") ? String.valueOf(advisory)
                        : template.startsWith("/api/v1/incidents/") ? String.valueOf(incident)
                        : template.startsWith("/api/v1/alert-periods/") ? String.valueOf(alertPeriod)
                        : template.contains("/appliances/") ? String.valueOf(appliance)
                        : fail("no seeded value for {id} in %s: give the operation its own", template);
                default -> fail("no seeded value for {%s} in %s: give the operation its own", name, template);
            };
        }
    }
}
