package org.interdict.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Ministry officer uploads a file of 25,000 targets through the import page: while the request runs, the form says it
 * is working (its buttons disabled, the form busy, a live status read out); the page that answers counts every line
 * imported.
 */
@QuarkusTest
class LargeImportConsoleApiTest {

    private static final int LINES = 25_000;

    @TestHTTPResource("/")
    URI root;

    @RegisterExtension
    static final Browser browser = Browser.forEachClass("vi");

    @BeforeAll
    static void configureBrowser() {
        // The import of a large file is the page's own work, not a slow page: it is given the time it takes here.
        browser.driver.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(5));
    }

    @Test
    void aLargeFileImportsThroughThePageWithAWorkingState() throws Exception {
        var driver = browser.driver;
        long directive = Api.draft(Api.unique("LARGE"));
        String prefix = Api.unique("bulk");
        Path file = Files.createTempFile("targets", ".txt");
        Files.writeString(file, IntStream.range(0, LINES).mapToObj(i -> prefix + "-" + i + ".example.vn")
                .collect(Collectors.joining("\n", "# " + LINES + " tên miền\n", "\n")));

        browser.signIn(root.resolve("/console/directives/" + directive + "/targets").toString(), "mic-officer",
                "dev-mic-officer");
        assertThat(driver.findElement(By.id("upload-working")).getText()).isEmpty();
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        // What the form shows while its request runs is written down as it is sent (the browser is busy with the
        // request until the answer arrives) and read back from the page that answers.
        driver.executeScript("window.addEventListener('submit', function () {"
                + "  var form = document.getElementById('upload-form');"
                + "  sessionStorage.setItem('working', JSON.stringify({"
                + "    disabled: document.getElementById('upload').disabled,"
                + "    busy: form.getAttribute('aria-busy'),"
                + "    indicator: form.classList.contains('htmx-request'),"
                + "    status: document.getElementById('upload-working').textContent,"
                + "    live: document.getElementById('upload-working').getAttribute('role')}));"
                + "});"
                + "setTimeout(function () { document.getElementById('upload').click(); }, 0);");
        new WebDriverWait(driver, Duration.ofMinutes(5)).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));

        @SuppressWarnings("unchecked")
        Map<String, Object> working = (Map<String, Object>) driver.executeScript(
                "return JSON.parse(sessionStorage.getItem('working'));");
        assertThat(working).containsEntry("disabled", true).containsEntry("busy", "true")
                .containsEntry("indicator", true).containsEntry("live", "status");
        assertThat((String) working.get("status")).startsWith("Đang nhập");
        assertThat(driver.findElement(By.id("done")).getText()).containsPattern("Đã nhập 25[.,]?000 đối tượng");
        assertThat(Db.queryString("select count(*) from directive_target where directive_id = " + directive))
                .isEqualTo(String.valueOf(LINES));
        assertThat(driver.findElement(By.id("upload")).isEnabled()).isTrue();
        browser.screenshot("large-import-done-vi");
        assertThat(browser.accessibilityProblems()).isEmpty();
        Files.delete(file);
    }
}
