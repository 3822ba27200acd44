package org.interdict.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.interdict.support.Api;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The pages beside the directives' workflow, in a real browser and in both languages: the delivery log, the banner of
 * an alert period in force, the public lookup and the landing page. Each is checked for accessibility and kept as a
 * screenshot.
 */
@QuarkusTest
class SidePagesConsoleApiTest {

    @TestHTTPResource("/")
    URI root;

    @RegisterExtension
    static final Browser browser = Browser.forEachClass("en");

    @Test
    void theDeliveryLogReadsInBothLanguages() {
        browser.signIn(root.resolve("/console/notifications").toString(), "admin", "dev-admin");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Notification delivery log");
        inBothLanguages("notifications");
    }

    @Test
    void theBannerOfAnAlertPeriodReadsInBothLanguages() {
        String name = "Lễ 30/4 – 1/5 " + Api.unique("screen");
        Api.as(Tokens.ofAuthority("dic-quang-nam", "qnam-screen", "officer"))
                .body(Map.of("name", name, "from", Instant.now().minusSeconds(60).toString(),
                        "to", Instant.now().plus(1, ChronoUnit.HOURS).toString(), "level", "highest",
                        "audience", Map.of("allIsps", true)))
                .post("/api/v1/alert-periods").then().statusCode(201);
        browser.signIn(root.toString(), "mic-auditor", "dev-mic-auditor");
        assertThat(browser.driver.findElement(By.className("alert-period")).getText()).contains(name);
        inBothLanguages("alert-banner");
    }

    @Test
    void thePublicLookupAndLandingPagesReadInBothLanguages() {
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(root.resolve("/public/lookup?q=" + Api.unique("not-blocked") + ".example.vn").toString());
        inBothLanguages("public-lookup");
        browser.driver.get(root.resolve("/public/landing").toString());
        inBothLanguages("public-landing");
    }

    /** Shows the page in English and in Vietnamese, with its accessibility checked and a screenshot of each. */
    private static void inBothLanguages(String name) {
        for (String language : new String[] {"en", "vi"}) {
            browser.driver.findElement(By.id("lang-" + language)).click();
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
            browser.screenshot(name + "-" + language);
            assertThat(browser.accessibilityProblems()).as(name + " in " + language).isEmpty();
        }
    }
}
