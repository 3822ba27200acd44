package org.interdict.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.interdict.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * In a real Chromium whose language is English, as the demo users: VNPT's engineer reports a DDoS whose indicators
 * include lines that are no targets (refused in a table, the text kept), corrects them and adds an update; the
 * Ministry's officer triages it and drafts a block directive from its indicators in one step. A Quảng Nam officer
 * declares an alert period for VNPT, whose engineer sends the day's situation report ("no incident"), and the officer
 * sees it reported; both read each other by name, not by sign-in subject. Every page is checked with axe-core and photographed.
 */
@QuarkusTest
class IncidentConsoleApiTest {

    private static final ZoneId CONSOLE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @TestHTTPResource("/")
    URI root;

    @RegisterExtension
    static final Browser browser = Browser.forEachClass("en");

    @Test
    void anIncidentsIndicatorsBecomeABlockDraft() {
        var driver = browser.driver;
        String botnet = Api.unique("c2") + ".example.vn";

        browser.signIn(root.resolve("/console/incidents").toString(), "vnpt-engineer", "dev-vnpt-engineer");
        browser.press("new-incident");
        new Select(driver.findElement(By.id("type"))).selectByValue("ddos");
        new Select(driver.findElement(By.id("severity"))).selectByValue("high");
        driver.findElement(By.id("affectedSystems")).sendKeys("DNS resolvers in Đà Nẵng");
        driver.findElement(By.id("indicators")).sendKeys(botnet + "\nhttp://" + botnet + "/panel\n999.1.2.3\n"
                + "not a target at all");
        driver.findElement(By.id("actionsTaken")).sendKeys("Rate limiting at the edge");
        browser.press("send-report");

        assertThat(driver.findElement(By.id("refusal-code")).getText()).isEqualTo("invalid-indicators");
        assertThat(driver.findElement(By.id("refused-3")).getText()).contains("999.1.2.3");
        assertThat(driver.findElement(By.id("refused-4")).getText()).contains("not a target at all");
        assertThat(driver.findElements(By.cssSelector("#refused tbody tr"))).hasSize(2);
        assertThat(driver.findElement(By.id("indicators")).getAttribute("value")).contains("not a target at all");
        driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("indicators")));
        visited("incident-refused-lines-en");
        driver.findElement(By.id("indicators")).clear();
        driver.findElement(By.id("indicators")).sendKeys(botnet + "\nhttp://" + botnet + "/panel");
        browser.press("send-report");
        assertThat(done()).isEqualTo("The incident was reported.");
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/console/incidents/(\\d+).*", "$1"));
        assertThat(driver.findElement(By.id("indicators")).getText()).contains(botnet, "http://" + botnet + "/panel");
        driver.findElement(By.id("note")).sendKeys("Traffic from the botnet keeps coming");
        browser.press("add-update");
        assertThat(done()).isEqualTo("The update was recorded.");
        assertThat(driver.findElement(By.id("updates")).getText()).contains("Traffic from the botnet keeps coming",
                "Hoàng Đức Minh").doesNotContain("vnpt-engineer");
        assertThat(driver.findElement(By.id("reported-by")).getText()).contains("isp:vnpt", "Hoàng Đức Minh");
        assertThat(driver.findElements(By.id("draft-directive"))).isEmpty();
        visited("incident-reported-en");

        browser.signIn(root.resolve("/console/incidents?triage=new").toString(), "mic-officer", "dev-mic-officer");
        assertThat(driver.findElement(By.id("incident-" + id)).getText()).contains("DDoS", "isp:vnpt", "New");
        visited("incidents-triage-en");
        browser.press(By.cssSelector("#incident-" + id + " a"));
        new Select(driver.findElement(By.id("triage"))).selectByValue("in-progress");
        driver.findElement(By.id("triage-note")).sendKeys("Blocking the command servers");
        browser.press("save-triage");
        assertThat(done()).isEqualTo("The triage was recorded.");
        assertThat(driver.findElement(By.id("triage-state")).getText()).isEqualTo("In progress");
        assertThat(driver.findElement(By.id("updates")).getText()).contains("Nguyễn Văn An (");
        visited("incident-triage-en");
        browser.press("draft-directive");

        assertThat(driver.getCurrentUrl()).matches(".*/console/directives/\\d+\\?done=saved");
        long draft = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/console/directives/(\\d+).*", "$1"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("INCIDENT-" + id);
        visited("incident-draft-en");
        List<String> targets = Api.as(Api.OFFICER).get("/api/v1/directives/" + draft + "/targets").then()
                .statusCode(200).extract().jsonPath().getList("items.value");
        assertThat(targets).contains(botnet, "http://" + botnet + "/panel");
        driver.get(root.resolve("/console/incidents/" + id).toString());
        assertThat(driver.findElement(By.id("directive-link")).getAttribute("href")).endsWith("/console/directives/"
                + draft);
        assertThat(driver.findElements(By.id("draft-directive"))).isEmpty();
        driver.get(root.resolve("/logout").toString());
    }

    @Test
    void aRecipientReportsTheDayAndTheAuthoritySeesIt() {
        var driver = browser.driver;
        String name = "Lễ 30/4 – 1/5 " + Api.unique("alert");
        LocalDateTime now = LocalDateTime.now(CONSOLE_ZONE).truncatedTo(ChronoUnit.MINUTES);

        browser.signIn(root.resolve("/console/alerts").toString(), "qnam-officer", "dev-qnam-officer");
        browser.press("declare-alert");
        driver.findElement(By.id("alert-name")).sendKeys(name);
        driver.executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id("from")),
                now.minusMinutes(5).toString());
        // Until the end of tomorrow, so that today is a day of the period whenever the test runs.
        driver.executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id("to")),
                now.toLocalDate().plusDays(2).atStartOfDay().toString());
        new Select(driver.findElement(By.id("level"))).selectByValue("highest");
        driver.findElement(By.id("allIsps")).click();
        driver.findElement(By.id("isp-vnpt")).click();
        browser.press("declare");
        assertThat(done()).startsWith("The alert period was declared");
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/console/alerts/(\\d+).*", "$1"));
        assertThat(driver.findElement(By.id("level")).getText()).isEqualTo("Highest");
        assertThat(driver.findElement(By.id("today-isp-vnpt")).getText()).contains("Not yet reported");
        assertThat(driver.findElement(By.id("declared-by")).getText()).startsWith("Võ Minh Quân · ");
        visited("alert-declared-en");
        // The period as its authority changes it, in both languages.
        driver.get(root.resolve("/console/alerts/" + id + "/edit").toString());
        browser.screenshot("alert-edit-en");
        browser.press("lang-vi");
        browser.screenshot("alert-edit-vi");
        driver.get(root.resolve("/console/alerts/" + id).toString());
        browser.scrollTo("period-fields");
        browser.screenshot("alert-declared-vi");

        browser.signIn(root.resolve("/console/alerts/" + id).toString(), "vnpt-engineer", "dev-vnpt-engineer");
        assertThat(driver.findElement(By.id("alert-period-" + id)).getText()).contains(name, "highest level, until");
        assertThat(driver.findElement(By.id("noIncident")).isSelected()).isTrue();
        browser.press("send-situation");
        assertThat(done()).isEqualTo("Your situation report was sent.");
        visited("alert-situation-en");
        browser.press("lang-vi");
        browser.screenshot("alert-situation-vi");
        browser.press("lang-en");
        // Sent once a day: the form gives way to who sent it and when.
        assertThat(driver.findElements(By.id("situation-form"))).isEmpty();
        assertThat(driver.findElement(By.id("addressed-to-you")).getText()).startsWith("You, among recipients");
        assertThat(driver.findElement(By.id("situation-sent")).getText()).startsWith("Today's report was sent by Hoàng Đức Minh at ");

        browser.signIn(root.resolve("/console/alerts/" + id).toString(), "qnam-officer", "dev-qnam-officer");
        assertThat(driver.findElement(By.id("today-isp-vnpt")).getText()).contains("Reported", "No incident",
                "Hoàng Đức Minh").doesNotContain("vnpt-engineer");
        visited("alert-reports-en");
        driver.get(root.resolve("/logout").toString());
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
