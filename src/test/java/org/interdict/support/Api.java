package org.interdict.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests as the test users, and the few setup steps most API tests share. */
public final class Api {

    public static final String OFFICER = Tokens.of("officer-an", "officer");
    public static final String OTHER_OFFICER = Tokens.of("officer-binh", "officer");
    public static final String SUPERVISOR = Tokens.of("supervisor-chi", "supervisor");
    public static final String AUDITOR = Tokens.of("auditor-dung", "auditor");
    public static final String ADMIN = Tokens.of("admin-em", "admin");

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {}

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Registers an ISP with a fresh identifier and returns the identifier. */
    public static String newIsp() {
        String id = "isp-" + UUID.randomUUID().toString().substring(0, 8);
        as(ADMIN).body(Map.of("id", id, "legalName", "Test ISP " + id, "licenceNumber", "L-" + id))
                .post("/api/v1/isps").then().statusCode(201);
        return id;
    }

    /** Registers an ISP with a fresh identifier and the contact e-mail noc@{id}.example; returns the identifier. */
    public static String newIspWithContact() {
        String id = unique("isp");
        as(ADMIN).body(Map.of("id", id, "legalName", "Test ISP " + id, "licenceNumber", "L-" + id,
                "contact", Map.of("department", "NOC", "email", "noc@" + id + ".example"))).post("/api/v1/isps")
                .then().statusCode(201);
        return id;
    }

    /** Registers an agency with a fresh identifier, with a contact e-mail, and returns the identifier. */
    public static String newAgency() {
        String id = unique("agency");
        as(ADMIN).body(Map.of("id", id, "nameVi", "Cơ quan " + id, "nameEn", "Agency " + id,
                        "contacts", List.of(Map.of("department", "IT", "email", "it@" + id + ".example"))))
                .post("/api/v1/agencies").then().statusCode(201);
        return id;
    }

    public static Map<String, Object> directive(String reference, Instant effectiveFrom, Instant expiresAt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "legalReference", reference,
                "title", "Test directive " + reference,
                "issuedOn", "2026-11-20",
                "kind", "BLOCK",
                "category", "phishing",
                "audience", Map.of("allIsps", true),
                "effectiveFrom", effectiveFrom.toString()));
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        return body;
    }

    /** Drafts a BLOCK directive for every ISP, in force now, and returns its id. */
    public static long draft(String reference) {
        return draft(reference, null);
    }

    /** Drafts a BLOCK directive in force now, for the listed ISPs (every ISP when none), and returns its id. */
    public static long draft(String reference, List<String> isps) {
        Map<String, Object> body = directive(reference, Instant.now().minusSeconds(60), null);
        if (isps != null) {
            body.put("audience", Map.of("isps", isps));
        }
        return as(OFFICER).body(body).post("/api/v1/directives").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static void addTargets(long directive, String... lines) {
        addTargetsAs(OFFICER, directive, lines);
    }

    public static void addTargetsAs(String token, long directive, String... lines) {
        given().auth().oauth2(token).contentType("text/plain; charset=UTF-8").body(String.join("\n", lines))
                .post("/api/v1/directives/" + directive + "/targets").then().statusCode(200);
    }

    /** Drafts, fills, submits and approves a directive for every ISP with the given target lines; returns its id. */
    public static long approved(String reference, String... lines) {
        return approvedFor(null, reference, lines);
    }

    /** Like {@link #approved} for the listed ISPs only. */
    public static long approvedFor(List<String> isps, String reference, String... lines) {
        long id = draft(reference, isps);
        addTargets(id, lines);
        as(OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
        as(SUPERVISOR).body(Map.of("confirmFlaggedTargets", List.of()))
                .post("/api/v1/directives/" + id + "/approve").then().statusCode(200);
        return id;
    }

    /** Registers a DNS resolver of the ISP, as the ISP's engineer, and returns its API token. */
    public static String registerAppliance(String isp, String name) {
        return as(Tokens.ispEngineer("eng-" + isp, isp))
                .body(Map.of("name", name, "kind", "dns-resolver", "preferredFormat", "rpz"))
                .post("/api/v1/isps/" + isp + "/appliances").then().statusCode(201).extract().jsonPath().getString("token");
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
