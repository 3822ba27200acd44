package org.interdict.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interdict.support.Api;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * In a real Chromium whose language is Vietnamese, as the demo users: the Ministry's officer drafts an advisory to
 * the two seeded agencies, a malformed CVE identifier refused beside its field, with a remediation deadline already
 * past; the Ministry's supervisor publishes it; the Quảng Nam Department of Health acknowledges it and reports it
 * patched; the tracking page then shows it patched and the silent Đà Nẵng centre late, as a chart, a table and the
 * CSV. Every page is checked with axe-core and photographed.
 */
@QuarkusTest
class AdvisoryConsoleApiTest {

    /** The hidden field of a form that carries the CSRF token: its name and value. */
    private static final Pattern HIDDEN_CSRF = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">");

    @TestHTTPResource("/")
    URI root;

    @RegisterExtension
    static final Browser browser = Browser.forEachClass("vi");

    @Test
    void anAdvisoryGoesFromDraftToTrackingWithARecipientPatchedAndOneLate() {
        var driver = browser.driver;
        String title = "Lỗ hổng Spring4Shell " + Api.unique("adv");

        browser.signIn(root.resolve("/console/advisories").toString(), "mic-officer", "dev-mic-officer");
        visited("advisories-officer-vi");
        browser.press("new-advisory");
        driver.findElement(By.id("title")).sendKeys(title);
        new Select(driver.findElement(By.id("severity"))).selectByValue("critical");
        driver.findElement(By.id("cves")).sendKeys("CVE-2022-22965, CVE-22-1");
        driver.findElement(By.id("affected")).sendKeys("Spring Framework; 5.3.0 - 5.3.17, 5.2.0 - 5.2.19");
        driver.findElement(By.id("description")).sendKeys("Thực thi mã từ xa qua data binding trên JDK 9+.");
        driver.findElement(By.id("recommendedActions")).sendKeys("Nâng cấp Spring Framework lên 5.3.18 hoặc 5.2.20.");
        driver.findElement(By.id("references")).sendKeys("https://tanzu.vmware.com/security/cve-2022-22965");
        // A deadline already past: whoever has not patched is late as soon as it is published.
        driver.executeScript("arguments[0].value = '2026-01-05T17:00'",
                driver.findElement(By.id("remediationDeadline")));
        driver.findElement(By.id("agency-qnam-health")).click();
        driver.findElement(By.id("agency-dnang-ioc")).click();
        browser.press("save");

        assertThat(driver.findElement(By.id("cves-error")).getText()).contains("Không phải mã CVE", "CVE-22-1")
                .doesNotContain("CVE-2022-22965");
        assertThat(driver.findElement(By.id("cves")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo(title);
        driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("title")));
        visited("advisory-cve-refused-vi");
        driver.findElement(By.id("cves")).clear();
        driver.findElement(By.id("cves")).sendKeys("CVE-2022-22965");
        browser.press("save");
        assertThat(done()).isEqualTo("Đã lưu bản nháp.");
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/console/advisories/(\\d+).*", "$1"));
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Bản nháp");
        // The officer who drafted it has no way to publish it.
        assertThat(driver.findElements(By.id("publish"))).isEmpty();
        visited("advisory-draft-vi");

        browser.signIn(root.resolve("/console/advisories/" + id).toString(), "mic-supervisor", "dev-mic-supervisor");
        browser.press("publish");
        assertThat(done()).startsWith("Đã ban hành cảnh báo");
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Đã ban hành");
        // People by name, not by their sign-in subject.
        assertThat(driver.findElement(By.id("drafted-by")).getText()).startsWith("Nguyễn Văn An ·");
        assertThat(driver.findElement(By.id("published-by")).getText()).startsWith("Trần Thị Chi ·");
        visited("advisory-published-vi");

        browser.signIn(root.resolve("/console/advisories").toString(), "qnam-health", "dev-qnam-health");
        assertThat(driver.findElement(By.id("advisory-" + id)).getText()).contains(title, "Nghiêm trọng",
                "Chưa xác nhận");
        browser.press(By.cssSelector("#advisory-" + id + " a"));
        browser.press("acknowledge");
        assertThat(done()).isEqualTo("Đã xác nhận nhận cảnh báo.");
        assertThat(driver.findElement(By.id("mine-state")).getText()).startsWith("Đã xác nhận lúc");
        driver.findElement(By.id("status-patched")).click();
        driver.findElement(By.id("note")).sendKeys("Đã nâng cấp cổng dịch vụ công lên 5.3.18");
        browser.press("report-status");
        assertThat(done()).isEqualTo("Đã báo cáo tình trạng của bạn.");
        assertThat(driver.findElement(By.id("mine-state")).getText()).contains("Đã vá", "5.3.18");
        assertThat(driver.findElement(By.id("acting-for")).getText()).isEqualTo("Sở Y tế tỉnh Quảng Nam");
        assertThat(driver.findElement(By.id("audience")).getText()).contains("trong đó có bạn");
        assertThat(driver.findElements(By.id("tracking-link"))).isEmpty();
        visited("advisory-recipient-vi");

        browser.signIn(root.resolve("/console/advisories/" + id + "/tracking").toString(), "mic-officer",
                "dev-mic-officer");
        assertThat(driver.findElement(By.id("recipient-agency-qnam-health")).getText())
                .contains("Đã vá hoặc không ảnh hưởng", "Đã vá", "5.3.18");
        assertThat(driver.findElement(By.id("recipient-agency-dnang-ioc")).getText()).contains("Quá hạn");
        assertThat(rows("table-standing")).containsExactly("Đã vá hoặc không ảnh hưởng 1", "Đã xác nhận 0",
                "Quá hạn 1", "Chưa phản hồi 0");
        assertThat(driver.findElements(By.cssSelector("#chart-standing rect"))).hasSize(4);
        assertThat(driver.findElement(By.id("csv")).getAttribute("href")).endsWith("/console/advisories/" + id
                + "/tracking.csv");
        visited("advisory-tracking-vi");

        String csv = Api.as(Tokens.ofAuthority("mic", "mic-tracker", "officer"))
                .get("/console/advisories/" + id + "/tracking.csv").then().statusCode(200).extract().asString();
        assertThat(csv).contains("agency:qnam-health,", ",patched,").contains("agency:dnang-ioc,");
        assertThat(csv.lines().filter(l -> l.startsWith("agency:dnang-ioc,")).findFirst().orElseThrow())
                .contains(",late,");
        driver.get(root.resolve("/logout").toString());
    }

    /**
     * Someone both officer and supervisor who drafted an advisory presses Publish on its page: the service's four-eyes
     * refusal comes back in words, with its code, under the API's status, and the advisory stays a draft.
     */
    @Test
    void theDrafterCannotPublishAndIsToldWhyInWords() {
        String both = Tokens.of(Api.unique("both"), "officer", "supervisor");
        long id = Api.as(both).body(Map.of("title", Api.unique("four-eyes"), "severity", "low", "description", "d",
                        "recommendedActions", "a", "remediationDeadline", Instant.now().plusSeconds(86_400).toString(),
                        "audience", Map.of("allAgencies", true)))
                .post("/api/v1/advisories").then().statusCode(201).extract().jsonPath().getLong("id");
        Response page = given().auth().oauth2(both).header("Accept-Language", "vi").get("/console/advisories/" + id);
        Matcher csrf = HIDDEN_CSRF.matcher(page.then().statusCode(200).extract().asString());
        assertThat(csrf.find()).as("the publish form's CSRF field").isTrue();

        String refused = given().auth().oauth2(both).header("Accept-Language", "vi")
                .cookies(page.getCookies()).contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParam(csrf.group(1), csrf.group(2))
                .post("/console/advisories/" + id + "/publish").then().statusCode(409).contentType(ContentType.HTML)
                .extract().asString();
        assertThat(refused).contains("Nguyên tắc bốn mắt", "<code id=\"refusal-code\">four-eyes</code>");
        assertThat(Api.as(both).get("/api/v1/advisories/" + id).then().statusCode(200).extract().jsonPath()
                .getString("status")).isEqualTo("DRAFT");
    }

    private static List<String> rows(String table) {
        return browser.driver.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(WebElement::getText).toList();
    }

    /** The confirmation a successful form shows; the page's own words when it shows none (a refusal, say). */
    private static String done() {
        var driver = browser.driver;
        List<WebElement> done = driver.findElements(By.id("done"));
        assertThat(done).as("confirmation on %s: %s", driver.getCurrentUrl(),
                driver.findElement(By.tagName("main")).getText()).isNotEmpty();
        return done.get(0).getText();
    }

    private static void visited(String name) {
        browser.screenshot(name);
        assertThat(browser.accessibilityProblems()).as(name).isEmpty();
    }
}
