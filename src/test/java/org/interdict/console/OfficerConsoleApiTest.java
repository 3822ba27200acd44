package org.interdict.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An officer of Quảng Nam in a real Chromium whose language is Vietnamese: signs in through Keycloak's login form,
 * drafts a directive through the form (a field refused first, inline), finds it in the list, opens it, switches to
 * English, and is refused approval in words. Every page is checked with axe-core and photographed.
 */
@QuarkusTest
class OfficerConsoleApiTest {

    @TestHTTPResource("/")
    URI root;

    @RegisterExtension
    static final Browser browser = Browser.forEachClass("vi");

    @Test
    void anOfficerDraftsFindsAndOpensADirectiveInBothLanguages() {
        var driver = browser.driver;
        browser.signIn(root.toString(), "qnam-officer", "dev-qnam-officer");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(driver.findElement(By.id("name")).getText()).isEqualTo("Võ Minh Quân");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Trang chủ");
        assertThat(driver.findElement(By.id("acting-for")).getText()).contains("Quảng Nam");
        visited("home-vi");

        driver.get(root.resolve("/console/directives/new").toString());
        String reference = "77/QD-STTTT-" + System.nanoTime();
        driver.findElement(By.id("legalReference")).sendKeys(reference);
        // Date widgets take keys in the browser language's order: their values are set directly.
        driver.executeScript("document.getElementById('issuedOn').value = '2026-04-20';"
                + "document.getElementById('effectiveFrom').value = '2026-05-01T08:00';");
        new Select(driver.findElement(By.id("category"))).selectByValue("gambling");
        driver.findElement(By.id("audience-listed")).click();
        driver.findElement(By.id("isp-vnpt")).click();
        driver.findElement(By.id("save")).click();
        // No title: refused beside the field, the rest of the form kept.
        assertThat(driver.findElement(By.id("title-error")).getText()).contains("không được để trống");
        assertThat(driver.findElement(By.id("title")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("legalReference")).getAttribute("value")).isEqualTo(reference);
        visited("draft-refused-vi");

        driver.findElement(By.id("title")).sendKeys("Chặn trang cờ bạc dịp lễ");
        driver.findElement(By.id("save")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(driver.findElement(By.id("done")).getText()).isEqualTo("Đã lưu dự thảo.");
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Dự thảo");
        assertThat(driver.findElement(By.id("audience")).getText()).isEqualTo("vnpt");
        String directivePage = driver.getCurrentUrl().replaceAll("\\?.*", "");

        driver.get(root.resolve("/console/directives").toString());
        assertThat(driver.findElement(By.id("own-authority-hint")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("directives")).getText()).contains(reference, "Dự thảo");
        visited("list-vi");
        driver.findElement(By.id("f-q")).sendKeys(reference);
        driver.findElement(By.id("apply")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("q="));
        driver.findElement(By.linkText(reference)).click();

        assertThat(driver.getCurrentUrl()).isEqualTo(directivePage);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Quyết định " + reference);
        visited("directive-vi");
        driver.findElement(By.id("lang-en")).click();
        assertThat(driver.getCurrentUrl()).isEqualTo(directivePage);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Directive " + reference);
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Draft");
        visited("directive-en");
        driver.get(root.toString());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Home");
        visited("home-en");

        // Officers cannot approve: a form posted anyway (with the page's CSRF token) is refused, in words.
        driver.get(directivePage);
        driver.executeScript("var f = document.createElement('form'); f.method = 'post';"
                + "f.action = location.pathname + '/approve';"
                + "var t = document.createElement('input'); t.type = 'hidden'; t.name = 'csrf-token';"
                + "t.value = document.querySelector('meta[name=csrf-token]').content; f.appendChild(t);"
                + "document.body.appendChild(f); f.submit();");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("refusal-code")));
        assertThat(driver.findElement(By.id("refusal-code")).getText()).isEqualTo("forbidden");
        assertThat(driver.findElement(By.id("refusal-words")).getText()).isEqualTo("Your role does not allow this action.");
        visited("approve-refused-en");
    }

    private static void visited(String name) {
        browser.screenshot(name);
        assertThat(browser.accessibilityProblems()).as(name).isEmpty();
    }
}
