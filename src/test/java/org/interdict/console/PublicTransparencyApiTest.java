package org.interdict.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Map;
import org.interdict.support.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * With {@code interdict.transparency.public=true} the console's transparency page, its CSV and the language switch are
 * open without signing in, as the API's report is; every other page still sends a visitor without a session to sign
 * in. (Without the setting, {@link PageAccessApiTest} shows the page refused to all but auditors and administrators.)
 */
@QuarkusTest
@TestProfile(PublicTransparencyApiTest.PublicReport.class)
class PublicTransparencyApiTest {

    /** The report open to everyone. */
    public static class PublicReport implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("interdict.transparency.public", "true");
        }
    }

    @TestHTTPResource("/")
    URI root;

    @Test
    void theReportIsReadWithoutSigningInAsTheApiGivesIt() throws Exception {
        given().get("/api/v1/transparency").then().statusCode(200);

        Response page = given().redirects().follow(false).header("Accept-Language", "vi").get("/console/transparency");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.asString()).contains("Báo cáo minh bạch", "id=\"sign-in\"").doesNotContain("id=\"sign-out\"");

        Response csv = given().redirects().follow(false).get("/console/transparency/report.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.asString()).startsWith("month,authority");

        Response switched = given().redirects().follow(false)
                .get("/console/language?lang=en&back=/console/transparency");
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.header("Location")).endsWith("/console/transparency");

        // Only the report is public: the audit log and the home page still ask to sign in.
        assertThat(given().redirects().follow(false).get("/console/audit").statusCode()).isEqualTo(302);
        assertThat(given().redirects().follow(false).get("/").statusCode()).isEqualTo(302);
        // Signed-in callers of any role read it too.
        assertThat(given().redirects().follow(false).auth().oauth2(Api.OFFICER).get("/console/transparency")
                .statusCode()).isEqualTo(200);

        try (Browser browser = Browser.start("vi")) {
            browser.driver.get(root.resolve("/console/transparency").toString());
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Báo cáo minh bạch");
            assertThat(browser.driver.findElement(By.id("csv")).getAttribute("href")).contains(
                    "/console/transparency/report.csv");
            browser.driver.findElement(By.id("lang-en")).click();
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Transparency report");
            assertThat(browser.driver.findElement(By.id("sign-in")).getText()).isEqualTo("Sign in");
            browser.screenshot("transparency-public-en");
            assertThat(browser.accessibilityProblems()).isEmpty();
        }
    }
}
