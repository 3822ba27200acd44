package org.interdict.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Quảng Nam officer pastes targets into a draft: two bad lines and an address in a CDN's range are refused in a
 * table, the officer corrects the lines and justifies the flagged one, removes a target, uploads a file, reads the
 * impact preview and submits; the officer's own approval is refused in words. A Quảng Nam supervisor finds the directive in the review
 * queue, is refused while the flagged target is unconfirmed, confirms it and approves. Every page is checked with
 * axe-core; the queue and the review page are photographed in both languages.
 */
@QuarkusTest
class ReviewConsoleApiTest {

    @TestHTTPResource("/")
    URI root;

    @RegisterExtension
    static final Browser browser = Browser.forEachClass("vi");

    @Test
    void anOfficerFillsAndSubmitsADraftAndASupervisorConfirmsAndApprovesIt() throws Exception {
        var driver = browser.driver;
        browser.signIn(root.toString(), "qnam-officer", "dev-qnam-officer");
        String reference = "88/QD-STTTT-" + System.nanoTime();
        driver.get(root.resolve("/console/directives/new").toString());
        driver.findElement(By.id("legalReference")).sendKeys(reference);
        driver.findElement(By.id("title")).sendKeys("Chặn trang cờ bạc trực tuyến");
        driver.executeScript("document.getElementById('issuedOn').value = '2026-04-20';"
                + "document.getElementById('effectiveFrom').value = '2026-05-01T08:00';");
        new Select(driver.findElement(By.id("category"))).selectByValue("gambling");
        driver.findElement(By.id("audience-listed")).click();
        driver.findElement(By.id("isp-vnpt")).click();
        driver.findElement(By.id("save")).click();
        waitFor("done");
        driver.findElement(By.id("targets-link")).click();
        String targetsPage = driver.getCurrentUrl();
        String directivePage = targetsPage.replace("/targets", "");
        visited("targets-empty-vi");

        // Two lines that are no targets and one the CDN guard flags: nothing imported, every line in the table.
        paste("""
                cobac-hoian.vn
                010.0.0.1
                ftp://files.cobac-hoian.vn/x
                104.16.0.1
                xoso-online.vn""");
        driver.findElement(By.id("import")).click();
        waitFor("refused");
        assertThat(driver.findElement(By.id("refusal-code")).getText()).isEqualTo("invalid-targets");
        assertThat(driver.findElement(By.id("refused-2")).getText()).contains("010.0.0.1", "invalid-ip");
        assertThat(driver.findElement(By.id("refused-3")).getText()).contains("url-scheme");
        assertThat(driver.findElement(By.id("refused-4")).getText()).contains("shared-infrastructure");
        assertThat(driver.findElements(By.id("justify-2"))).isEmpty();
        assertThat(driver.findElement(By.id("text")).getAttribute("value")).contains("xoso-online.vn");
        driver.executeScript("document.getElementById('refused-heading').scrollIntoView()");
        visited("targets-refused-vi");

        // Corrected, with a justification for the flagged line in the field beside it.
        paste("""
                cobac-hoian.vn
                45.118.170.9
                http://files.cobac-hoian.vn/x
                104.16.0.1
                xoso-online.vn""");
        driver.findElement(By.id("justify-4")).sendKeys("Địa chỉ được nêu trong quyết định của toà án");
        driver.findElement(By.id("import")).click();
        waitFor("done");
        assertThat(driver.findElement(By.id("done")).getText()).contains("Đã nhập 5 đối tượng", "1 mục bị cảnh báo");
        WebElement flagged = driver.findElement(By.xpath("//table[@id='targets']//tr[td/code='104.16.0.1']"));
        assertThat(flagged.getText()).contains("shared-infrastructure", "toà án");
        assertThat(driver.findElement(By.id("preview")).getText()).contains("vnpt");
        visited("targets-imported-vi");

        driver.findElement(By.xpath("//table[@id='targets']//tr[td/code='xoso-online.vn']//button")).click();
        waitFor("done");
        assertThat(driver.findElement(By.id("targets")).getText()).doesNotContain("xoso-online.vn");

        // A file is read as the pasted text is.
        Path file = Files.createTempFile("targets", ".txt");
        Files.writeString(file, "# từ công văn của Công an tỉnh\ntai-xiu-hoian.vn\n");
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("upload")).click();
        waitFor("done");
        assertThat(driver.findElement(By.id("done")).getText()).contains("Đã nhập 1 đối tượng");
        assertThat(driver.findElement(By.id("targets")).getText()).contains("tai-xiu-hoian.vn");
        Files.delete(file);
        driver.findElement(By.id("submit")).click();
        waitFor("done");
        assertThat(driver.getCurrentUrl()).startsWith(directivePage);
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Chờ phê duyệt");

        // The drafter opens the review page and tries to approve: refused, in words.
        driver.findElement(By.id("review-link")).click();
        String reviewPage = driver.getCurrentUrl();
        visited("review-officer-vi");
        driver.findElement(By.id("approve")).click();
        waitFor("refusal-code");
        assertThat(driver.findElement(By.id("refusal-code")).getText()).isEqualTo("forbidden");
        assertThat(driver.findElement(By.id("refusal-words")).getText())
                .isEqualTo("Vai trò của bạn không được phép thực hiện thao tác này.");

        // A supervisor of the same authority: the queue, then the review.
        driver.findElement(By.id("sign-out")).click();
        browser.signIn(root.toString(), "qnam-supervisor", "dev-qnam-supervisor");
        driver.findElement(By.id("pending-link")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/console/review");
        String id = directivePage.substring(directivePage.lastIndexOf('/') + 1);
        assertThat(driver.findElement(By.id("waiting-" + id)).getText()).contains(reference);
        assertThat(driver.findElement(By.id("targets-" + id)).getText()).isEqualTo("5");
        assertThat(driver.findElement(By.id("waiting-" + id)).getText()).containsPattern("\\d+ phút");
        visited("queue-vi");
        driver.findElement(By.id("lang-en")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Pending approval");
        visited("queue-en");

        driver.findElement(By.linkText(reference)).click();
        assertThat(driver.getCurrentUrl()).isEqualTo(reviewPage);
        WebElement row = driver.findElement(By.xpath("//table[@id='flagged']//tr[td/code='104.16.0.1']"));
        assertThat(row.getText()).contains("shared-infrastructure", "toà án");
        visited("review-en");
        driver.findElement(By.id("approve")).click();
        waitFor("refusal-code");
        assertThat(driver.findElement(By.id("refusal-code")).getText()).isEqualTo("unconfirmed-guard-overrides");
        assertThat(driver.findElement(By.id("refusal-words")).getText())
                .isEqualTo("Targets flagged by a guard must be confirmed first.");
        visited("review-unconfirmed-en");

        driver.get(reviewPage);
        driver.findElement(By.id("lang-vi")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Xem xét " + reference);
        visited("review-vi");
        driver.findElement(By.xpath("//table[@id='flagged']//input[@type='checkbox']")).click();
        driver.findElement(By.id("approve-comment")).sendKeys("Đã kiểm tra địa chỉ CDN");
        driver.findElement(By.id("approve")).click();
        waitFor("done");
        assertThat(driver.findElement(By.id("done")).getText()).contains(reference, "đã được phê duyệt");
        assertThat(driver.findElements(By.id("waiting-" + id))).isEmpty();
        visited("queue-approved-vi");
    }

    private void paste(String text) {
        var area = browser.driver.findElement(By.id("text"));
        area.clear();
        area.sendKeys(text);
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
