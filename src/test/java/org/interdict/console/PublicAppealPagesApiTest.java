package org.interdict.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interdict.notification.MailServer;
import org.interdict.support.Api;
import org.interdict.support.Appeals;
import org.interdict.support.Db;
import org.interdict.support.Rulesets;
import org.junit.jupiter.api.Test;

/**
 * The appeal as pages: a multipart form that carries its CSRF token without any session, refusals in words next to
 * their fields and never reflecting input unescaped, the receipt with the tracking link, the confirmation link and
 * the status page, none of them cached.
 */
@QuarkusTest
class PublicAppealPagesApiTest {

    /** The form page's CSRF cookie and the token its form carries. */
    private record FormToken(String cookie, String token) {}

    @Test
    void anAppealFiledThroughTheFormIsConfirmedByItsLinkAndShownBehindItsTrackingLink() throws Exception {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String name = Api.unique("appeal-page") + ".example.vn";
        String reference = Api.unique("88/QD-STTTT");
        Api.approvedFor(List.of(isp), reference, name);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);
        String email = Api.unique("owner") + "@example.org";
        String address = address();

        String lookup = given().header("X-Forwarded-For", address).queryParam("q", name).queryParam("lang", "en")
                .get("/public/lookup").then().statusCode(200).extract().asString();
        assertThat(lookup).contains("/public/appeals/new?lang=en&amp;target=" + name);

        Response form = given().header("X-Forwarded-For", address).queryParam("target", name)
                .queryParam("lang", "en").get("/public/appeals/new");
        form.then().statusCode(200).header("Cache-Control", "no-store");
        assertThat(form.asString()).contains("Appeal against a blocking order").contains(">" + name + "</textarea>");
        FormToken token = token(form);

        Response receipt = post(address, token).multiPart("targets", name).multiPart("appellantKind", "site-owner")
                .multiPart("email", email).multiPart("grounds", "Our shop shares the address of the blocked site.")
                .multiPart("collateral", "shared-hosting").multiPart("lang", "en")
                .multiPart("evidence", "contract.pdf", Appeals.PDF, "application/pdf").post("/public/appeals");
        receipt.then().statusCode(201).header("Cache-Control", "no-store");
        String page = receipt.asString();
        assertThat(page).contains("We sent a confirmation link").contains("Your tracking link");
        Matcher tracking = Pattern.compile("href=\"[^\"]*(/public/appeals/(\\d+)\\?key=([A-Za-z0-9_-]+))\"").matcher(page);
        assertThat(tracking.find()).as(page).isTrue();
        String id = tracking.group(2);
        assertThat(Db.queryString("select count(*) from appeal_evidence where appeal_id = ? and media_type = ?",
                Long.parseLong(id), "application/pdf")).isEqualTo("1");

        String status = given().header("X-Forwarded-For", address).queryParam("key", tracking.group(3))
                .queryParam("lang", "en").get("/public/appeals/" + id).then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
        assertThat(status).contains("Waiting for the confirmation of the e-mail address").contains(reference)
                .contains("contract.pdf").contains("The site shares its address with the blocked one");
        given().header("X-Forwarded-For", address).queryParam("key", "wrong").get("/public/appeals/" + id).then()
                .statusCode(404);

        String text = Appeals.text(MailServer.awaitMessagesTo(email, 1).get(0));
        Matcher confirmation = Pattern.compile("(/public/appeals/" + id + "/confirmation)\\?key=([A-Za-z0-9_-]+)")
                .matcher(text);
        assertThat(confirmation.find()).as(text).isTrue();
        assertThat(text).contains(tracking.group(1));
        String confirmed = given().header("X-Forwarded-For", address).header("Accept-Language", "vi")
                .queryParam("key", confirmation.group(2)).get(confirmation.group(1)).then().statusCode(200)
                .extract().asString();
        assertThat(confirmed).contains("địa chỉ e-mail đã được xác nhận").contains("Đã tiếp nhận");
        assertThat(Db.queryString("select status from appeal where id = ?", Long.parseLong(id))).isEqualTo("RECEIVED");

        // The status page offers the withdrawal, carrying the tracking key and its own form token.
        Response received = given().header("X-Forwarded-For", address).queryParam("key", tracking.group(3))
                .queryParam("lang", "en").get("/public/appeals/" + id);
        assertThat(received.asString()).contains("Withdraw the appeal").contains("Decide by");
        FormToken withdrawal = token(received);
        String withdrawn = given().header("X-Forwarded-For", address).cookie("csrf-token", withdrawal.cookie())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", withdrawal.token()).formParam("key", tracking.group(3))
                .formParam("lang", "en").post("/public/appeals/" + id + "/withdrawal").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
        assertThat(withdrawn).contains("Your appeal is withdrawn.").doesNotContain("Withdraw the appeal");
        assertThat(Db.queryString("select status from appeal where id = ?", Long.parseLong(id))).isEqualTo("WITHDRAWN");
    }

    @Test
    void theAppealPagesCountAgainstTheClientAddressesAllowance() {
        String address = address();
        int answered = 0;
        Response last = null;
        for (int i = 0; i < 100 && (last == null || last.statusCode() == 200); i++) {
            last = given().header("X-Forwarded-For", address).get("/public/appeals/new");
            answered++;
        }
        assertThat(answered).as("requests answered before the refusal").isGreaterThan(1).isLessThan(100);
        last.then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
    }

    @Test
    void refusedFieldsAreSaidInWordsBesideThemAndInputIsNeverReflectedUnescaped() {
        String address = address();
        FormToken token = token(given().header("X-Forwarded-For", address).queryParam("lang", "en")
                .get("/public/appeals/new"));
        long before = Long.parseLong(Db.queryString("select count(*) from appeal"));

        String hostile = "<script>alert(1)</script>";
        Response refused = post(address, token).multiPart("targets", Api.unique("free") + ".example.vn\n" + hostile)
                .multiPart("appellantKind", "site-owner").multiPart("email", "nobody")
                .multiPart("grounds", hostile).multiPart("lang", "en")
                .multiPart("evidence", "letter.pdf", "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8),
                        "application/pdf")
                .post("/public/appeals");
        refused.then().statusCode(400).header("Cache-Control", "no-store");
        String page = refused.asString();
        assertThat(page).doesNotContain(hostile).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(section(page, "targets-error")).contains("Line 1").contains("No published order blocks this now")
                .contains("Line 2");
        assertThat(section(page, "email-error")).contains("This is not an e-mail address.");
        assertThat(section(page, "evidence-error")).contains("is not a PDF, PNG or JPEG file").contains("letter.pdf");
        assertThat(page).contains("aria-invalid=\"true\"").contains("The appeal was not filed");
        assertThat(Long.parseLong(Db.queryString("select count(*) from appeal"))).isEqualTo(before);
    }

    @Test
    void aPostWithoutTheFormsTokenIsRefusedAndFilesNothing() {
        long before = Long.parseLong(Db.queryString("select count(*) from appeal"));
        given().header("X-Forwarded-For", address()).multiPart("targets", "example.vn")
                .multiPart("appellantKind", "user").multiPart("email", "a@example.org").multiPart("grounds", "g")
                .post("/public/appeals").then().statusCode(400);
        assertThat(Long.parseLong(Db.queryString("select count(*) from appeal"))).isEqualTo(before);
    }

    private static FormToken token(Response form) {
        Matcher field = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.asString());
        assertThat(field.find()).as("the form's token").isTrue();
        String cookie = form.getCookie("csrf-token");
        assertThat(cookie).as("the form's token cookie").isNotBlank();
        return new FormToken(cookie, field.group(1));
    }

    private static RequestSpecification post(String address, FormToken token) {
        return given().header("X-Forwarded-For", address).cookie("csrf-token", token.cookie())
                .multiPart("csrf-token", token.token());
    }

    /** The element with this id and what follows it, up to the next field. */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        int end = page.indexOf("class=\"field\"", start);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.19." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
