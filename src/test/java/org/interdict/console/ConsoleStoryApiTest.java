package org.interdict.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.interdict.support.Api;
import org.interdict.support.Rulesets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole story in one browser, as the issue tells it: a Quảng Nam officer switches the console to Vietnamese,
 * drafts a directive, pastes targets with two bad lines, reads the refused lines, corrects them, justifies the one a
 * guard flags, reads the impact preview and submits, and is refused in words when approving it; a supervisor of the
 * same authority confirms the flagged target and approves; VNPT's engineer sees the new version, registers an appliance
 * and copies its token, shown once; an auditor verifies the audit chain and downloads the transparency report as CSV.
 * Every page is checked with axe-core and photographed.
 */
@QuarkusTest
class ConsoleStoryApiTest {

    @TestHTTPResource("/")
    URI root;

    @RegisterExtension
    static final Browser browser = Browser.forEachClass("en");

    @Test
    void fromDraftToEnforcementAndAudit() throws Exception {
        var driver = browser.driver;
        String reference = "99/QD-STTTT-" + System.nanoTime();
        String site = Api.unique("danh-bai") + ".vn";

        // The officer: an English browser, switched to Vietnamese.
        browser.signIn(root.toString(), "qnam-officer", "dev-qnam-officer");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Home");
        driver.findElement(By.id("lang-vi")).click();
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Trang chủ");

        driver.findElement(By.linkText("Soạn quyết định mới")).click();
        driver.findElement(By.id("legalReference")).sendKeys(reference);
        driver.findElement(By.id("title")).sendKeys("Chặn trang đánh bài trực tuyến");
        driver.executeScript("document.getElementById('issuedOn').value = '2026-04-20';"
                + "document.getElementById('effectiveFrom').value = '2026-05-01T08:00';");
        new Select(driver.findElement(By.id("category"))).selectByValue("gambling");
        driver.findElement(By.id("audience-listed")).click();
        driver.findElement(By.id("isp-vnpt")).click();
        driver.findElement(By.id("save")).click();
        waitFor("done");
        assertThat(driver.findElement(By.id("done")).getText()).isEqualTo("Đã lưu dự thảo.");
        String directivePage = driver.getCurrentUrl().replaceAll("\\?.*", "");
        String id = directivePage.substring(directivePage.lastIndexOf('/') + 1);
        visited("story-1-draft-vi");

        // Two bad lines and an address in a CDN's range: nothing imported, every refused line in the table.
        driver.findElement(By.id("targets-link")).click();
        paste(site + "\n010.0.0.1\nftp://files." + site + "/x\n104.16.0.1\nwww." + site);
        driver.findElement(By.id("import")).click();
        waitFor("refused");
        assertThat(driver.findElement(By.id("refusal-code")).getText()).isEqualTo("invalid-targets");
        assertThat(driver.findElement(By.id("refused")).findElements(By.cssSelector("tbody tr"))).hasSize(3);
        assertThat(driver.findElement(By.id("refused-2")).getText()).contains("010.0.0.1", "invalid-ip",
                "Không phải địa chỉ IP hợp lệ");
        assertThat(driver.findElement(By.id("refused-3")).getText()).contains("url-scheme",
                "Chỉ chặn được URL http và https.");
        assertThat(driver.findElement(By.id("refused-4")).getText()).contains("shared-infrastructure",
                "Trùng với dải địa chỉ của CDN", "Ghi lý do để vượt cảnh báo");
        assertThat(driver.findElements(By.id("justify-2"))).isEmpty();
        assertThat(driver.findElements(By.id("no-targets"))).hasSize(1);
        driver.executeScript("document.getElementById('refused-heading').scrollIntoView()");
        visited("story-2-refused-lines-vi");

        // Corrected, the flagged line justified in the field beside it.
        paste(site + "\n45.118.170.9\nhttp://files." + site + "/x\n104.16.0.1\nwww." + site);
        driver.findElement(By.id("justify-4")).sendKeys("Địa chỉ nêu trong biên bản của Công an tỉnh");
        driver.findElement(By.id("import")).click();
        waitFor("done");
        assertThat(driver.findElement(By.id("done")).getText()).contains("Đã nhập 5 đối tượng", "1 mục bị cảnh báo");
        WebElement flagged = driver.findElement(By.xpath("//table[@id='targets']//tr[td/code='104.16.0.1']"));
        assertThat(flagged.getText()).contains("shared-infrastructure", "Công an tỉnh");
        assertThat(driver.findElement(By.id("preview")).getText()).contains("vnpt");
        driver.executeScript("document.getElementById('preview').scrollIntoView()");
        visited("story-3-preview-vi");

        // The targets page shows the import's "done" too: only the next page's counts.
        browser.press("submit");
        waitFor("done");
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Chờ phê duyệt");

        // The drafter cannot approve their own directive: refused, in words.
        driver.findElement(By.id("review-link")).click();
        driver.findElement(By.id("approve")).click();
        waitFor("refusal-code");
        assertThat(driver.findElement(By.id("refusal-code")).getText()).isEqualTo("forbidden");
        assertThat(driver.findElement(By.id("refusal-words")).getText())
                .isEqualTo("Vai trò của bạn không được phép thực hiện thao tác này.");
        visited("story-4-own-approval-refused-vi");

        // A supervisor of the same authority: the queue, the flagged target confirmed, the approval.
        driver.findElement(By.id("sign-out")).click();
        browser.signIn(root.toString(), "qnam-supervisor", "dev-qnam-supervisor");
        driver.findElement(By.id("pending-link")).click();
        assertThat(driver.findElement(By.id("waiting-" + id)).getText()).contains(reference);
        assertThat(driver.findElement(By.id("targets-" + id)).getText()).isEqualTo("5");
        visited("story-5-queue-en");
        driver.findElement(By.linkText(reference)).click();
        WebElement row = driver.findElement(By.xpath("//table[@id='flagged']//tr[td/code='104.16.0.1']"));
        assertThat(row.getText()).contains("shared-infrastructure", "Công an tỉnh");
        row.findElement(By.cssSelector("input[type=checkbox]")).click();
        driver.findElement(By.id("approve-comment")).sendKeys("The CDN address is named in the police record");
        visited("story-6-review-en");
        driver.findElement(By.id("approve")).click();
        waitFor("done");
        assertThat(driver.findElement(By.id("done")).getText()).contains(reference, "approved");
        assertThat(driver.findElements(By.id("waiting-" + id))).isEmpty();
        driver.get(directivePage);
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Active");

        // VNPT's engineer: the new version and why, an appliance and its token, shown once.
        Rulesets.settle();
        driver.findElement(By.id("sign-out")).click();
        browser.signIn(root.resolve("/console/isps/vnpt").toString(), "vnpt-engineer", "dev-vnpt-engineer");
        assertThat(driver.findElement(By.id("current-version")).getText()).isNotBlank();
        WebElement newest = driver.findElement(By.cssSelector("#changes tbody tr"));
        assertThat(newest.getText()).contains(reference);
        visited("story-7-isp-en");
        String appliance = Api.unique("resolver");
        driver.findElement(By.id("appliance-name")).sendKeys(appliance);
        driver.findElement(By.id("register")).click();
        waitFor("issued");
        String token = driver.findElement(By.id("token")).getAttribute("value");
        assertThat(token).startsWith("itd_");
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", root.toString().replaceAll("/$", ""),
                "permissions", java.util.List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        driver.findElement(By.id("copy-token")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElement(
                By.cssSelector("[data-copied=token]")).getText().isEmpty());
        assertThat(driver.findElement(By.cssSelector("[data-copied=token]")).getText()).isEqualTo("Copied.");
        Object copied = driver.executeAsyncScript("arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(arguments[arguments.length - 1]);");
        assertThat(copied).isEqualTo(token);
        assertThat(driver.findElement(By.id("appliance-table")).getText()).contains(appliance);
        driver.navigate().refresh();
        assertThat(driver.findElements(By.id("token"))).isEmpty();
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain(token);

        // The auditor: the chain verified, the transparency report downloaded as CSV.
        driver.findElement(By.id("sign-out")).click();
        browser.signIn(root.resolve("/console/audit").toString(), "mic-auditor", "dev-mic-auditor");
        driver.findElement(By.id("a-subject-id")).sendKeys(id);
        driver.findElement(By.id("apply")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("subjectId=" + id));
        assertThat(driver.findElement(By.id("entries")).getText()).contains("directive.approved", "qnam-supervisor",
                "directive.submitted", "qnam-officer");
        driver.findElement(By.id("verify")).click();
        waitFor("verification");
        assertThat(driver.findElement(By.id("verification")).getAttribute("class")).isEqualTo("notice");
        visited("story-8-audit-verified-en");
        driver.get(root.resolve("/console/transparency").toString());
        assertThat(driver.findElement(By.id("table-authority")).getText()).isNotBlank();
        Response csv = withSession().get(URI.create(driver.findElement(By.id("csv")).getAttribute("href")));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.asString()).startsWith("month,authority").contains("dic-quang-nam");
        visited("story-9-transparency-en");
    }

    private static void paste(String text) {
        var area = browser.driver.findElement(By.id("text"));
        area.clear();
        area.sendKeys(text);
    }

    /** A request carrying the browser's cookies: the same session as the page. */
    private static io.restassured.specification.RequestSpecification withSession() {
        Map<String, String> cookies = browser.driver.manage().getCookies().stream()
                .collect(Collectors.toMap(Cookie::getName, Cookie::getValue));
        return given().redirects().follow(false).cookies(cookies);
    }

    private static void waitFor(String id) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    private static void visited(String name) {
        browser.screenshot(name);
        assertThat(browser.accessibilityProblems()).as(name).isEmpty();
    }
}
