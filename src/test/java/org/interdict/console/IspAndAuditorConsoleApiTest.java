package org.interdict.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.interdict.support.Api;
import org.interdict.support.Rulesets;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real Chromium whose language is Vietnamese: an engineer of VNPT sees the directive just approved through the
 * API on the ISP's page, registers an appliance and sees its token once; finds the order with the lookup; an auditor
 * verifies the audit chain, sees on an ISP's compliance page the report it missed in an alert period, and downloads
 * the transparency report as CSV with the session. Every page is checked with
 * axe-core and photographed.
 */
@QuarkusTest
class IspAndAuditorConsoleApiTest {

    @TestHTTPResource("/")
    URI root;

    @RegisterExtension
    static final Browser browser = Browser.forEachClass("vi");

    @Test
    void anEngineerAndAnAuditorUseTheirPages() {
        var driver = browser.driver;
        String reference = "88/QD-BTTTT-" + System.nanoTime();
        String name = Api.unique("blocked") + ".example";
        long directive = Api.approvedFor(List.of("vnpt"), reference, name);
        Rulesets.settle();
        Rulesets.current("vnpt");

        browser.signIn(root.resolve("/console/isps/vnpt").toString(), "vnpt-engineer", "dev-vnpt-engineer");
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Nhà mạng");
        assertThat(driver.findElement(By.id("current-version")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("changes")).getText()).contains(reference);
        assertThat(driver.findElement(By.id("downloads")).getText()).contains("rpz", "nftables");
        visited("isp-vi");
        driver.findElement(By.id("lang-en")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("ISP");
        visited("isp-en");

        // The download link serves the signed file with the session, as the API does with a token.
        Response download = withSession(driver).get(root.resolve("/console/isps/vnpt/download?format=txt"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.header("X-Interdict-Signature")).isNotBlank();
        assertThat(download.asString()).contains(name);

        String appliance = Api.unique("resolver");
        driver.findElement(By.id("appliance-name")).sendKeys(appliance);
        driver.findElement(By.id("register")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("issued")));
        assertThat(driver.findElement(By.id("token")).getAttribute("value")).startsWith("itd_");
        assertThat(driver.findElement(By.id("command")).getAttribute("value")).contains("scripts/appliance-sync.sh",
                "--isp vnpt", "--format rpz");
        assertThat(driver.findElement(By.id("appliance-table")).getText()).contains(appliance);
        visited("appliance-token-en");
        driver.navigate().refresh();
        assertThat(driver.findElements(By.id("token"))).isEmpty();
        assertThat(driver.findElement(By.id("token-gone")).isDisplayed()).isTrue();

        driver.get(root.resolve("/console/isps/vnpt/compliance").toString());
        assertThat(driver.findElement(By.id("deadlines")).getText()).contains(reference);
        visited("compliance-en");

        driver.get(root.resolve("/console/lookup").toString());
        driver.findElement(By.id("q")).sendKeys("https://" + name + "/page");
        driver.findElement(By.id("look-up")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("answer")));
        assertThat(driver.findElement(By.id("answer-title")).getText()).isEqualTo("https://" + name + "/page is blocked");
        assertThat(driver.findElement(By.id("orders")).getText()).contains(reference);
        assertThat(driver.findElement(By.linkText(reference)).getAttribute("href")).endsWith("/console/directives/"
                + directive);
        visited("lookup-en");

        // An engineer is no auditor: the audit log is refused in words.
        driver.get(root.resolve("/console/audit").toString());
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("forbidden");

        driver.get(root.resolve("/logout").toString());
        browser.signIn(root.resolve("/console/audit").toString(), "mic-auditor", "dev-mic-auditor");
        assertThat(driver.findElement(By.id("entries")).getText()).contains("directive");
        driver.findElement(By.id("verify")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("verification")));
        assertThat(driver.findElement(By.id("verification")).getAttribute("class")).isEqualTo("notice");
        visited("audit-verified-en");

        // A period for VNPT that began yesterday, cancelled at once: yesterday's report shows as missed.
        String periodName = "Lễ 30/4 – 1/5 " + Api.unique("console");
        String department = Tokens.ofAuthority("dic-quang-nam", "qnam-console-officer", "officer");
        long period = Api.as(department).body(Map.of("name", periodName,
                        "from", Instant.now().minus(1, ChronoUnit.DAYS).toString(),
                        "to", Instant.now().plus(1, ChronoUnit.DAYS).toString(), "level", "high",
                        "audience", Map.of("isps", List.of("vnpt"))))
                .post("/api/v1/alert-periods").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.as(department).body(Map.of("reason", "console test")).post("/api/v1/alert-periods/" + period + "/cancel")
                .then().statusCode(200);
        driver.get(root.resolve("/console/isps/vnpt/compliance").toString());
        assertThat(driver.findElement(By.id("alert-period-misses")).getText()).contains(periodName)
                .contains(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).toString());
        visited("compliance-alert-periods");

        driver.get(root.resolve("/console/transparency").toString());
        assertThat(driver.findElement(By.id("chart-month")).getAttribute("role")).isEqualTo("img");
        assertThat(driver.findElement(By.id("table-authority")).getText()).isNotBlank();
        visited("transparency-en");
        String csv = driver.findElement(By.id("csv")).getAttribute("href");
        Response report = withSession(driver).get(URI.create(csv));
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("text/csv");
        assertThat(report.asString()).startsWith("month,authority,authority_name_vi");
        driver.findElement(By.id("lang-vi")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Báo cáo minh bạch");
        visited("transparency-vi");
    }

    /** A request carrying the browser's cookies: the same session as the page. */
    private static io.restassured.specification.RequestSpecification withSession(
            org.openqa.selenium.WebDriver driver) {
        Map<String, String> cookies = driver.manage().getCookies().stream()
                .collect(Collectors.toMap(Cookie::getName, Cookie::getValue));
        return given().redirects().follow(false).cookies(cookies);
    }

    private static void visited(String name) {
        browser.screenshot(name);
        assertThat(browser.accessibilityProblems()).as(name).isEmpty();
    }
}
