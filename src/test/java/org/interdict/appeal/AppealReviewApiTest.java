package org.interdict.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.interdict.support.Appeals.anonymous;
import static org.interdict.support.Appeals.text;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interdict.notification.MailServer;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Rulesets;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AppealReviewApiTest {

    @Inject
    MeterRegistry metrics;

    /** Neither drafted nor approved any order of these tests: the default officer and supervisor did. */
    private static final String REVIEWER = Tokens.of("supervisor-hoa", "supervisor");
    private static final String CONFIRMER = Tokens.of("supervisor-giang", "supervisor");
    private static final String OTHER_AUTHORITY = Tokens.ofAuthority("dic-quang-nam", "officer-qn-appeals", "officer");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void involvedPeopleAreRefusedTheDecisionNeedsFourEyesAndSuspensionLapsesWhenPartlyLifted() throws Exception {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String kept = Api.unique("kept") + ".example.vn";
        String freed = Api.unique("freed") + ".example.vn";
        Api.approvedFor(List.of(isp), Api.unique("77/QD-APPEAL"), kept, freed);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);
        assertThat(rules(isp)).contains(kept, freed);
        String email = Api.unique("owner") + "@example.org";
        Filed appeal = file(email, List.of(kept, freed), "shared-hosting");

        JsonPath queue = Api.as(Api.OTHER_OFFICER).get("/api/v1/appeals").then().statusCode(200).extract().jsonPath();
        assertThat(queue.getList("id", Long.class)).contains(appeal.id());
        int version = version(appeal.id());
        // Whoever drafted or approved the order may not review the appeal against it.
        Api.as(Api.OFFICER).body(Map.of("version", version)).post("/api/v1/appeals/" + appeal.id() + "/review").then()
                .statusCode(409).body("code", equalTo("reviewer-involved"));
        Api.as(Api.SUPERVISOR).body(Map.of("version", version)).post("/api/v1/appeals/" + appeal.id() + "/review")
                .then().statusCode(409).body("code", equalTo("reviewer-involved"));
        // Another authority does not see it; an ISP engineer has no access at all.
        Api.as(OTHER_AUTHORITY).get("/api/v1/appeals/" + appeal.id()).then().statusCode(404);
        assertThat(Api.as(OTHER_AUTHORITY).get("/api/v1/appeals").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class)).doesNotContain(appeal.id());
        Api.as(Tokens.ispEngineer("eng-appeals", isp)).get("/api/v1/appeals/" + appeal.id()).then().statusCode(403);
        JsonPath detail = Api.as(REVIEWER).get("/api/v1/appeals/" + appeal.id()).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("collateral", equalTo("shared-hosting"))
                .body("evidence[0].fileName", equalTo("contract.pdf")).extract().jsonPath();
        long evidence = detail.getLong("evidence[0].id");
        byte[] downloaded = Api.as(REVIEWER).get("/api/v1/appeals/" + appeal.id() + "/evidence/" + evidence).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(downloaded).isEqualTo(PDF);

        // Interim suspension: both targets leave the ISP's rules in a version naming the appeal.
        String name = "appeal " + appeal.id();
        Api.as(Api.OTHER_OFFICER).body(Map.of("version", version)).post("/api/v1/appeals/" + appeal.id()
                + "/suspension").then().statusCode(403);
        version = Api.as(CONFIRMER).body(Map.of("version", version)).post("/api/v1/appeals/" + appeal.id()
                + "/suspension").then().statusCode(200).body("suspension.targets", hasItem(kept))
                .extract().jsonPath().getInt("version");
        Rulesets.await(isp, s -> s.getList("current.changes.change", String.class)
                .contains("appeal-suspended:" + name));
        assertThat(rules(isp)).doesNotContain(kept).doesNotContain(freed);
        String suspendedMail = text(MailServer.awaitMessagesTo(email, 2).get(1));
        assertThat(suspendedMail).contains(kept).contains("appeal " + appeal.id());
        // The suspension is the appeal's: the allowlist shows it with its limit, and removes it only with the appeal.
        String entry = Db.queryString("select id from allowlist_entry where appeal_id = ? and value = ?", appeal.id(),
                kept);
        Api.as(Api.ADMIN).delete("/api/v1/allowlist/" + entry).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("entry-of-appeal"));
        String allowlistPage = Api.as(Api.SUPERVISOR).header("Accept-Language", "en").queryParam("q", kept)
                .get("/console/allowlist")
                .then().statusCode(200).extract().asString();
        assertThat(allowlistPage).contains("href=\"/console/appeals/" + appeal.id() + "\"")
                .contains("id=\"until-" + entry + "\"").doesNotContain("/console/allowlist/" + entry + "/remove");

        version = Api.as(REVIEWER).body(Map.of("version", version)).post("/api/v1/appeals/" + appeal.id() + "/review")
                .then().statusCode(200).body("status", equalTo("UNDER_REVIEW")).extract().jsonPath().getInt("version");
        Api.as(REVIEWER).body(Map.of("version", version - 1)).post("/api/v1/appeals/" + appeal.id() + "/review")
                .then().statusCode(409).body("code", equalTo("stale-version"));
        long freedTarget = targetId(detail, freed);
        Api.as(Api.OTHER_OFFICER).body(Map.of("outcome", "PARTIALLY_LIFTED", "liftTargets", List.of(freedTarget),
                "reasons", "x", "version", version)).post("/api/v1/appeals/" + appeal.id() + "/proposal").then()
                .statusCode(409).body("code", equalTo("not-reviewer"));
        version = Api.as(REVIEWER).body(Map.of("outcome", "PARTIALLY_LIFTED", "liftTargets", List.of(freedTarget),
                "reasons", "Only the hosting company's own site serves the phishing page.", "version", version))
                .post("/api/v1/appeals/" + appeal.id() + "/proposal").then().statusCode(200)
                .body("proposal.outcome", equalTo("PARTIALLY_LIFTED")).extract().jsonPath().getInt("version");

        Api.as(REVIEWER).body(Map.of("version", version)).post("/api/v1/appeals/" + appeal.id() + "/decision").then()
                .statusCode(409).body("code", equalTo("four-eyes"));
        Api.as(Api.SUPERVISOR).body(Map.of("version", version)).post("/api/v1/appeals/" + appeal.id() + "/decision")
                .then().statusCode(409).body("code", equalTo("reviewer-involved"));
        Api.as(CONFIRMER).body(Map.of("version", version)).post("/api/v1/appeals/" + appeal.id() + "/decision").then()
                .statusCode(200).body("status", equalTo("DECIDED")).body("decision.outcome", equalTo("PARTIALLY_LIFTED"));

        // The lifted target stays out for good, the other one is blocked again: the suspension lapsed.
        Rulesets.await(isp, s -> s.getList("current.changes.change", String.class)
                .contains("appeal-lifted:" + name));
        Rulesets.settle();
        assertThat(rules(isp)).contains(kept).doesNotContain(freed);
        assertThat(Db.queryString("select reason || '/' || (expires_at is null) from allowlist_entry"
                + " where appeal_id = ? and value = ?", appeal.id(), freed)).isEqualTo(name + ": lifted/true");
        assertThat(Db.queryString("select count(*) from allowlist_entry where appeal_id = ? and value = ?",
                appeal.id(), kept)).isEqualTo("0");
        anonymous().queryParam("key", appeal.key()).get("/public/v1/appeals/" + appeal.id()).then().statusCode(200)
                .body("status", equalTo("DECIDED")).body("reviews[0].outcome", equalTo("PARTIALLY_LIFTED"))
                .body("reviews[0].reasons", equalTo("Only the hosting company's own site serves the phishing page."))
                .body("targets.find { it.value == '" + freed + "' }.lifted", equalTo(true))
                .body("targets.find { it.value == '" + kept + "' }.lifted", equalTo(false));
        String decidedMail = text(MailServer.awaitMessagesTo(email, 3).get(2));
        assertThat(decidedMail).contains("Only the hosting company's own site serves the phishing page.");
        assertThat(Db.queryString("select string_agg(action, ',' order by id) from audit_entry"
                + " where subject_type = 'appeal' and subject_id = ?", String.valueOf(appeal.id())))
                .contains("appeal.suspended", "appeal.taken", "appeal.proposed", "appeal.decided");
        withdraw(appeal, appeal.key()).then().statusCode(409).body("code", equalTo("appeal-state"));
    }

    @Test
    void withdrawalEndsTheSuspensionAndNothingIsLostWhileSmtpIsDown() throws Exception {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String target = Api.unique("withdrawn") + ".example.vn";
        Api.approvedFor(List.of(isp), Api.unique("78/QD-APPEAL"), target);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);
        String email = Api.unique("outage") + "@example.org";
        Filed appeal = file(email, List.of(target), "cdn");
        MailServer.stopServer();
        try {
            Api.as(CONFIRMER).body(Map.of("version", version(appeal.id()))).post("/api/v1/appeals/" + appeal.id()
                    + "/suspension").then().statusCode(200);
            assertThat(Db.queryString("select state from notification where recipient = ? and cause = ?", email,
                    "appeal:" + appeal.id() + ":suspended")).isEqualTo("pending");
        } finally {
            MailServer.startServer();
        }
        assertThat(text(MailServer.awaitMessagesTo(email, 2).get(1))).contains(target);
        Rulesets.await(isp, s -> s.getList("current.changes.change", String.class)
                .contains("appeal-suspended:appeal " + appeal.id()));
        assertThat(rules(isp)).doesNotContain(target);

        withdraw(appeal, appeal.key() + "x").then().statusCode(404);
        withdraw(appeal, appeal.key()).then().statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("reviews[0].status", equalTo("WITHDRAWN"));
        Rulesets.await(isp, s -> s.getList("current.changes.change", String.class)
                .contains("appeal-lapsed:appeal " + appeal.id()));
        assertThat(rules(isp)).contains(target);
        Api.as(REVIEWER).body(Map.of("version", version(appeal.id()))).post("/api/v1/appeals/" + appeal.id()
                + "/review").then().statusCode(409).body("code", equalTo("appeal-state"));
    }

    @Test
    void withoutCollateralOrGuardsNothingIsSuspendedAndOverdueAppealsAreFlagged() throws Exception {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String target = Api.unique("late") + ".example.vn";
        Api.approvedFor(List.of(isp), Api.unique("79/QD-APPEAL"), target);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);
        Filed appeal = file(Api.unique("late") + "@example.org", List.of(target), null);
        Api.as(CONFIRMER).body(Map.of("version", version(appeal.id()))).post("/api/v1/appeals/" + appeal.id()
                + "/suspension").then().statusCode(409).body("code", equalTo("not-suspendable"));

        Api.as(REVIEWER).get("/api/v1/appeals").then().statusCode(200)
                .body("find { it.id == " + appeal.id() + " }.overdue", equalTo(List.of()));
        // Received six days ago: past both deadlines (one day to take it up, five to decide).
        Db.update("update appeal_review set received_at = received_at - interval '6 days' where appeal_id = ?",
                appeal.id());
        Api.as(REVIEWER).get("/api/v1/appeals").then().statusCode(200)
                .body("find { it.id == " + appeal.id() + " }.overdue", equalTo(List.of("acknowledge", "decide")));
        awaitOverdueGauge("decide");
        awaitOverdueGauge("acknowledge");
        Api.as(REVIEWER).queryParam("status", "nonsense").get("/api/v1/appeals").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("status"));
    }

    @Test
    void anIspErrorReportEntersTheQueueAndUpheldOrLiftedItIsCountedInTheTransparencyReport() throws Exception {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String target = Api.unique("reported") + ".example.vn";
        Api.approvedFor(List.of(isp), Api.unique("80/QD-APPEAL"), target);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);
        String contact = Api.unique("noc") + "@" + isp + ".example.vn";
        Api.as(Api.ADMIN).body(Map.of("contact", Map.of("email", contact))).patch("/api/v1/isps/" + isp).then()
                .statusCode(200);
        // Blocked for another ISP only: nothing this ISP's rules do.
        String elsewhere = Api.unique("elsewhere") + ".example.vn";
        String other = Api.newIsp();
        Api.approvedFor(List.of(other), Api.unique("82/QD-APPEAL"), elsewhere);
        Rulesets.await(other, s -> s.get("current.counts.DOMAIN") != null);
        String engineer = Tokens.ispEngineer("eng-report", isp);
        Api.as(engineer).body(Map.of("kind", "odd", "targets", List.of(target, Api.unique("free") + ".example.vn",
                elsewhere), "description", "")).post("/api/v1/isps/" + isp + "/error-reports").then().statusCode(400)
                .contentType("application/problem+json").body("violations.code", hasItem("not-blocked"))
                .body("violations.findAll { it.code == 'not-blocked' }.line", equalTo(List.of(2, 3)))
                .body("violations.field", hasItem("kind"));
        long report = Api.as(engineer).body(Map.of("kind", "shared-address", "targets", List.of(target),
                "description", "The address also serves a hospital's booking site.")).post("/api/v1/isps/" + isp
                        + "/error-reports").then().statusCode(201).body("status", equalTo("RECEIVED"))
                .extract().jsonPath().getLong("id");
        Api.as(Tokens.ispEngineer("eng-other", Api.newIsp())).get("/api/v1/isps/" + isp + "/error-reports").then()
                .statusCode(404);
        Api.as(engineer).get("/api/v1/isps/" + isp + "/error-reports").then().statusCode(200)
                .body("id", hasItem((int) report));
        Api.as(REVIEWER).get("/api/v1/appeals").then().statusCode(200)
                .body("find { it.id == " + report + " }.isp", equalTo(isp))
                .body("find { it.id == " + report + " }.reportKind", equalTo("shared-address"));

        String month = LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7);
        long decidedBefore = appealCount(month, "decided");
        long upheldBefore = appealCount(month, "upheld");
        int version = Api.as(REVIEWER).body(Map.of("version", version(report))).post("/api/v1/appeals/" + report
                + "/review").then().statusCode(200).extract().jsonPath().getInt("version");
        version = Api.as(REVIEWER).body(Map.of("outcome", "UPHELD", "reasons", "The hospital moved elsewhere.",
                "version", version)).post("/api/v1/appeals/" + report + "/proposal").then().statusCode(200)
                .extract().jsonPath().getInt("version");
        Api.as(CONFIRMER).body(Map.of("version", version)).post("/api/v1/appeals/" + report + "/decision").then()
                .statusCode(200).body("decision.outcome", equalTo("UPHELD"));
        Api.as(engineer).get("/api/v1/isps/" + isp + "/error-reports").then().statusCode(200)
                .body("find { it.id == " + report + " }.status", equalTo("DECIDED"))
                .body("find { it.id == " + report + " }.reviews[0].reasons", equalTo("The hospital moved elsewhere."));
        // The ISP's contact address got the acknowledgement and the decision with its reasons, in whichever order the
        // outbox delivered them.
        List<String> mails = new java.util.ArrayList<>();
        for (MimeMessage mail : MailServer.awaitMessagesTo(contact, 2)) {
            mails.add(text(mail));
        }
        assertThat(mails).anySatisfy(mail -> assertThat(mail).contains("Error report " + report + " was received"))
                .anySatisfy(mail -> assertThat(mail).contains("The hospital moved elsewhere."));
        assertThat(appealCount(month, "decided")).isEqualTo(decidedBefore + 1);
        assertThat(appealCount(month, "upheld")).isEqualTo(upheldBefore + 1);
        String csv = Api.as(Api.AUDITOR).queryParam("format", "csv").queryParam("section", "appeals")
                .get("/api/v1/transparency").then().statusCode(200).extract().asString();
        assertThat(csv).startsWith("month,authority,").contains(month + "," + Tokens.DEFAULT_AUTHORITY + ",");
        assertThat(rules(isp)).contains(target);
    }

    @Test
    void aConfirmerSendsTheProposalBackAndASupervisorTakesOverAnAbsentReviewersReview() throws Exception {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String target = Api.unique("sentback") + ".example.vn";
        Api.approvedFor(List.of(isp), Api.unique("83/QD-APPEAL"), target);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);
        Filed appeal = file(Api.unique("owner") + "@example.org", List.of(target), null);
        String path = "/api/v1/appeals/" + appeal.id();
        String away = Tokens.of("officer-away", "officer");
        int version = Api.as(away).body(Map.of("version", version(appeal.id()))).post(path + "/review").then()
                .statusCode(200).extract().jsonPath().getInt("version");
        // Another officer cannot take it from the reviewer; a supervisor can, while no proposal waits.
        Api.as(Api.OTHER_OFFICER).body(Map.of("version", version)).post(path + "/review").then().statusCode(409)
                .body("code", equalTo("appeal-state"));
        version = Api.as(REVIEWER).body(Map.of("version", version)).post(path + "/review").then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW")).body("reviewer", equalTo("Test supervisor-hoa"))
                .extract().jsonPath().getInt("version");
        assertThat(Db.queryString("select summary->>'previousReviewer' from audit_entry where action ="
                + " 'appeal.taken-over' and subject_id = ?", String.valueOf(appeal.id()))).isEqualTo("officer-away");
        // The one who left is no longer the reviewer.
        Api.as(away).body(Map.of("outcome", "UPHELD", "reasons", "Too late.", "version", version))
                .post(path + "/proposal").then().statusCode(409).body("code", equalTo("not-reviewer"));
        version = Api.as(REVIEWER).body(Map.of("outcome", "LIFTED", "reasons", "The site is a bakery.",
                "version", version)).post(path + "/proposal").then().statusCode(200).extract().jsonPath()
                .getInt("version");
        Api.as(CONFIRMER).body(Map.of("version", version)).post(path + "/review").then().statusCode(409)
                .body("code", equalTo("proposal-pending"));

        // The proposer cannot send back their own proposal; remarks are required; the confirmer sends it back.
        Api.as(REVIEWER).body(Map.of("remarks", "On second thought.", "version", version))
                .post(path + "/proposal/return").then().statusCode(409).body("code", equalTo("four-eyes"));
        Api.as(CONFIRMER).body(Map.of("remarks", " ", "version", version)).post(path + "/proposal/return").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field",
                        equalTo("remarks"));
        Api.as(Api.OTHER_OFFICER).body(Map.of("remarks", "No.", "version", version)).post(path + "/proposal/return")
                .then().statusCode(403);
        // Another authority's supervisor does not see the appeal at all.
        Api.as(Tokens.ofAuthority("dic-quang-nam", "qn-supervisor-return", "supervisor"))
                .body(Map.of("remarks", "No.", "version", version)).post(path + "/proposal/return").then()
                .statusCode(404);
        Api.as(Tokens.ofAuthority("dic-quang-nam", "qn-supervisor-return", "supervisor"))
                .body(Map.of("version", version)).post(path + "/review").then().statusCode(404);
        version = Api.as(CONFIRMER).body(Map.of("remarks", "The bakery shares its address with the gambling site;"
                + " lift only if the order named the name, not the address.", "version", version))
                .post(path + "/proposal/return").then().statusCode(200).body("status", equalTo("UNDER_REVIEW"))
                .body("proposal", nullValue())
                .body("returned.returnedBy", equalTo("Test supervisor-giang"))
                .body("returned.remarks", startsWith("The bakery shares"))
                .extract().jsonPath().getInt("version");
        Api.as(CONFIRMER).body(Map.of("version", version)).post(path + "/decision").then().statusCode(409)
                .body("code", equalTo("appeal-state"));
        Api.as(REVIEWER).get("/api/v1/appeals").then().statusCode(200)
                .body("find { it.id == " + appeal.id() + " }.returned", equalTo(true))
                .body("find { it.id == " + appeal.id() + " }.proposed", equalTo(false));
        assertThat(rules(isp)).contains(target);
        // The reviewer proposes again; the confirmer confirms that one.
        version = Api.as(REVIEWER).body(Map.of("outcome", "UPHELD", "reasons", "The order named the address.",
                "version", version)).post(path + "/proposal").then().statusCode(200).extract().jsonPath()
                .getInt("version");
        Api.as(CONFIRMER).body(Map.of("version", version)).post(path + "/decision").then().statusCode(200)
                .body("decision.outcome", equalTo("UPHELD")).body("returned", nullValue());
        assertThat(Db.queryString("select count(*) from audit_entry where action = 'appeal.returned' and subject_id = ?",
                String.valueOf(appeal.id()))).isEqualTo("1");
    }

    @Test
    void eachAuthorityDecidesForItsOwnOrdersAndATargetBothBlockIsLiftedOnlyWhenBothLiftIt() throws Exception {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String shared = Api.unique("both") + ".example.vn";
        String ministryOnly = Api.unique("ministry") + ".example.vn";
        Api.approvedFor(List.of(isp), Api.unique("81/QD-APPEAL"), shared, ministryOnly);
        String department = Api.unique("dic-appeals");
        Api.as(Api.ADMIN).body(Map.of("id", department, "nameVi", "Sở " + department, "nameEn", "Department "
                + department, "level", "PROVINCIAL", "parent", Tokens.DEFAULT_AUTHORITY))
                .post("/api/v1/authorities").then().statusCode(201);
        String drafter = Tokens.ofAuthority(department, "officer-" + department, "officer");
        String approver = Tokens.ofAuthority(department, "supervisor-" + department, "supervisor");
        String departmentReviewer = Tokens.ofAuthority(department, "reviewer-" + department, "supervisor");
        String departmentConfirmer = Tokens.ofAuthority(department, "confirmer-" + department, "supervisor");
        Map<String, Object> order = new java.util.HashMap<>(Api.directive(Api.unique("12/QD-SO"),
                java.time.Instant.now().minusSeconds(60), null));
        order.put("audience", Map.of("isps", List.of(isp)));
        long directive = Api.as(drafter).body(order).post("/api/v1/directives").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        Api.addTargetsAs(drafter, directive, shared);
        Api.as(drafter).post("/api/v1/directives/" + directive + "/submit").then().statusCode(200);
        Api.as(approver).body(Map.of("confirmFlaggedTargets", List.of())).post("/api/v1/directives/" + directive
                + "/approve").then().statusCode(200);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);
        awaitOrders(shared, 2);
        Filed appeal = file(Api.unique("both") + "@example.org", List.of(shared, ministryOnly), "cdn");

        JsonPath ministry = Api.as(REVIEWER).get("/api/v1/appeals/" + appeal.id()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(ministry.getBoolean("targets.find { it.value == '" + ministryOnly + "' }.decidedHere")).isTrue();
        JsonPath theirs = Api.as(departmentReviewer).get("/api/v1/appeals/" + appeal.id()).then().statusCode(200)
                .body("authority", equalTo(department)).extract().jsonPath();
        assertThat(theirs.getBoolean("targets.find { it.value == '" + ministryOnly + "' }.decidedHere")).isFalse();
        assertThat(theirs.getBoolean("targets.find { it.value == '" + shared + "' }.decidedHere")).isTrue();

        // One authority suspends only what its own orders alone block.
        int version = Api.as(CONFIRMER).body(Map.of("version", version(appeal.id(), "mic")))
                .post("/api/v1/appeals/" + appeal.id() + "/suspension").then().statusCode(200)
                .body("suspension.targets", equalTo(List.of(ministryOnly))).extract().jsonPath().getInt("version");
        version = Api.as(REVIEWER).body(Map.of("version", version)).post("/api/v1/appeals/" + appeal.id() + "/review")
                .then().statusCode(200).extract().jsonPath().getInt("version");
        version = Api.as(REVIEWER).body(Map.of("outcome", "LIFTED", "reasons", "Both sites are lawful.", "version",
                version)).post("/api/v1/appeals/" + appeal.id() + "/proposal").then().statusCode(200)
                .extract().jsonPath().getInt("version");
        Api.as(CONFIRMER).body(Map.of("version", version)).post("/api/v1/appeals/" + appeal.id() + "/decision").then()
                .statusCode(200).body("appealStatus", equalTo("UNDER_REVIEW"));
        Rulesets.settle();
        assertThat(rules(isp)).contains(shared).doesNotContain(ministryOnly);

        version = Api.as(departmentReviewer).body(Map.of("version", version(appeal.id(), department)))
                .post("/api/v1/appeals/" + appeal.id() + "/review").then().statusCode(200).extract().jsonPath()
                .getInt("version");
        version = Api.as(departmentReviewer).body(Map.of("outcome", "LIFTED", "reasons", "Lawful.", "version",
                version)).post("/api/v1/appeals/" + appeal.id() + "/proposal").then().statusCode(200)
                .extract().jsonPath().getInt("version");
        Api.as(departmentConfirmer).body(Map.of("version", version)).post("/api/v1/appeals/" + appeal.id()
                + "/decision").then().statusCode(200).body("appealStatus", equalTo("DECIDED"));
        Rulesets.settle();
        assertThat(rules(isp)).doesNotContain(shared).doesNotContain(ministryOnly);
        anonymous().queryParam("key", appeal.key()).get("/public/v1/appeals/" + appeal.id()).then().statusCode(200)
                .body("reviews.authority", equalTo(List.of(department, "mic").stream().sorted().toList()))
                .body("reviews.outcome", equalTo(List.of("LIFTED", "LIFTED")));
    }

    @Test
    void aSuspensionLapsesAtItsExpiryAndUrlsAreNeitherSuspendedNorLifted() throws Exception {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String name = Api.unique("expiring") + ".example.vn";
        String url = "https://" + Api.unique("page") + ".example.vn/login";
        Api.approvedFor(List.of(isp), Api.unique("82/QD-APPEAL"), name, url);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);
        Filed appeal = file(Api.unique("expiring") + "@example.org", List.of(name), "cloud");
        Api.as(CONFIRMER).body(Map.of("version", version(appeal.id()))).post("/api/v1/appeals/" + appeal.id()
                + "/suspension").then().statusCode(200);
        Rulesets.await(isp, s -> s.getList("current.changes.change", String.class)
                .contains("appeal-suspended:appeal " + appeal.id()));
        assertThat(rules(isp)).doesNotContain(name);
        // Time passes: the suspension's limit is reached.
        Db.update("update allowlist_entry set expires_at = now() - interval '1 second' where appeal_id = ?", appeal.id());
        Db.update("update appeal_review set suspended_until = now() - interval '1 second' where appeal_id = ?",
                appeal.id());
        Rulesets.await(isp, s -> s.getList("current.changes.change", String.class)
                .contains("appeal-expired:appeal " + appeal.id()));
        assertThat(rules(isp)).contains(name);
        assertThat(Db.queryString("select count(*) from audit_entry where action = 'allowlist.expired'"
                + " and summary ->> 'appeal' = ?", String.valueOf(appeal.id()))).isEqualTo("1");

        Filed onUrl = file(Api.unique("url") + "@example.org", List.of(url), "shared-hosting");
        Api.as(CONFIRMER).body(Map.of("version", version(onUrl.id()))).post("/api/v1/appeals/" + onUrl.id()
                + "/suspension").then().statusCode(409).body("code", equalTo("not-suspendable"));
        int version = Api.as(REVIEWER).body(Map.of("version", version(onUrl.id()))).post("/api/v1/appeals/"
                + onUrl.id() + "/review").then().statusCode(200).extract().jsonPath().getInt("version");
        Api.as(REVIEWER).body(Map.of("outcome", "LIFTED", "reasons", "Gone.", "version", version))
                .post("/api/v1/appeals/" + onUrl.id() + "/proposal").then().statusCode(409)
                .body("code", equalTo("url-not-liftable"));
    }

    @Test
    void aTargetThatTrippedAGuardIsSuspendedWithoutCollateralAndBlockedAgainWhenTheOrderIsUpheld() throws Exception {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // An address of a CDN's range: the shared-infrastructure guard flags it, the supervisor confirmed it.
        String address = "104.16." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
        long directive = Api.draft(Api.unique("83/QD-APPEAL"), List.of(isp));
        Api.as(Api.OFFICER).contentType("text/plain; charset=UTF-8").body(address
                + "  # justification: the court order names this address").post("/api/v1/directives/" + directive
                        + "/targets").then().statusCode(200).body("flagged", equalTo(1));
        long flagged = Api.as(Api.OFFICER).get("/api/v1/directives/" + directive + "/targets?flagged=true").then()
                .statusCode(200).extract().jsonPath().getLong("items[0].id");
        Api.as(Api.OFFICER).post("/api/v1/directives/" + directive + "/submit").then().statusCode(200);
        Api.as(Api.SUPERVISOR).body(Map.of("confirmFlaggedTargets", List.of(flagged)))
                .post("/api/v1/directives/" + directive + "/approve").then().statusCode(200);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);
        Filed appeal = file(Api.unique("guarded") + "@example.org", List.of(address), null);

        int version = Api.as(CONFIRMER).body(Map.of("version", version(appeal.id()))).post("/api/v1/appeals/"
                + appeal.id() + "/suspension").then().statusCode(200).body("suspension.targets",
                        equalTo(List.of(address))).extract().jsonPath().getInt("version");
        Rulesets.await(isp, s -> s.getList("current.changes.change", String.class)
                .contains("appeal-suspended:appeal " + appeal.id()));
        version = Api.as(REVIEWER).body(Map.of("version", version)).post("/api/v1/appeals/" + appeal.id() + "/review")
                .then().statusCode(200).extract().jsonPath().getInt("version");
        version = Api.as(REVIEWER).body(Map.of("outcome", "UPHELD", "reasons", "The address serves only the"
                + " blocked site.", "version", version)).post("/api/v1/appeals/" + appeal.id() + "/proposal").then()
                .statusCode(200).extract().jsonPath().getInt("version");
        Api.as(CONFIRMER).body(Map.of("version", version)).post("/api/v1/appeals/" + appeal.id() + "/decision").then()
                .statusCode(200).body("decision.outcome", equalTo("UPHELD")).body("suspension.targets",
                        equalTo(List.of()));
        Rulesets.await(isp, s -> s.getList("current.changes.change", String.class)
                .contains("appeal-lapsed:appeal " + appeal.id()));
        assertThat(Db.queryString("select count(*) from allowlist_entry where appeal_id = ?", appeal.id()))
                .isEqualTo("0");
    }

    private record Filed(long id, String key) {}

    /** Files an appeal and confirms its address through the e-mailed link: it is received. */
    private static Filed file(String email, List<String> targets, String collateral) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("targets", targets, "appellantKind", "site-owner",
                "email", email, "grounds", "Our site shares the address.", "evidence", List.of(Map.of("fileName",
                        "contract.pdf", "content", Base64.getEncoder().encodeToString(PDF)))));
        if (collateral != null) {
            body.put("collateral", collateral);
        }
        JsonPath receipt = anonymous().contentType("application/json").body(body).post("/public/v1/appeals").then()
                .statusCode(201).extract().jsonPath();
        long id = receipt.getLong("id");
        String tracking = receipt.getString("trackingUrl");
        Matcher link = Pattern.compile("/public/appeals/" + id + "/confirmation\\?key=([A-Za-z0-9_-]+)")
                .matcher(text(MailServer.awaitMessagesTo(email, 1).get(0)));
        assertThat(link.find()).isTrue();
        anonymous().queryParam("key", link.group(1)).get("/public/v1/appeals/" + id + "/confirmation").then()
                .statusCode(200).body("status", equalTo("RECEIVED"));
        return new Filed(id, tracking.substring(tracking.indexOf("key=") + 4));
    }

    private static io.restassured.response.Response withdraw(Filed appeal, String key) {
        return anonymous().contentType("application/json").queryParam("key", key)
                .post("/public/v1/appeals/" + appeal.id() + "/withdrawal");
    }

    /** Waits until the public lookup names {@code count} orders blocking {@code target}, as appeals read them. */
    private static void awaitOrders(String target, int count) throws InterruptedException {
        int found = 0;
        for (int i = 0; i < 300 && found < count; i++) {
            found = anonymous().queryParam("q", target).get("/public/v1/lookup").then().statusCode(200).extract()
                    .jsonPath().getList("orders").size();
            if (found < count) {
                Thread.sleep(100);
            }
        }
        assertThat(found).as("orders blocking %s", target).isEqualTo(count);
    }

    private static int version(long appeal) {
        return Integer.parseInt(Db.queryString("select version from appeal_review where appeal_id = ?", appeal));
    }

    private static int version(long appeal, String authority) {
        return Integer.parseInt(Db.queryString("select version from appeal_review where appeal_id = ?"
                + " and authority_id = ?", appeal, authority));
    }

    private static long targetId(JsonPath detail, String value) {
        return detail.getLong("targets.find { it.value == '" + value + "' }.id");
    }

    private static String rules(String isp) {
        return Api.as(Api.AUDITOR).queryParam("format", "hosts").get("/api/v1/isps/" + isp + "/ruleset/current")
                .then().statusCode(200).extract().asString();
    }

    private static long appealCount(String month, String field) {
        JsonPath report = Api.as(Api.AUDITOR).get("/api/v1/transparency").then().statusCode(200).extract().jsonPath();
        Object value = report.get("appeals.find { it.month == '" + month + "' && it.authority.id == '"
                + Tokens.DEFAULT_AUTHORITY + "' }." + field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private void awaitOverdueGauge(String stage) throws InterruptedException {
        // The gauge is recomputed every second in tests; a second's wait at most, thirty allowed.
        for (int i = 0; i < 300 && overdue(stage) < 1; i++) {
            Thread.sleep(100);
        }
        assertThat(overdue(stage)).as("appeals overdue for %s", stage).isGreaterThanOrEqualTo(1);
    }

    private double overdue(String stage) {
        return metrics.get("interdict.appeals.overdue").tag("stage", stage).gauge().value();
    }
}
