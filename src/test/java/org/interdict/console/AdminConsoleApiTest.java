package org.interdict.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.interdict.support.Api;
import org.interdict.support.Rulesets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * In a real Chromium whose language is English: the administrator registers an ISP, registers a provincial authority
 * under {@code mic} whose scope is one category and that ISP, registers an agency answering to that authority and
 * deactivates it, and protects an allowlist entry; a supervisor confirms a version the circuit breaker held. Every page
 * is checked with axe-core and photographed.
 */
@QuarkusTest
class AdminConsoleApiTest {

    @TestHTTPResource("/")
    URI root;

    @RegisterExtension
    static final Browser browser = Browser.forEachClass("en");

    @Test
    void theAdministratorKeepsTheRegisters() {
        var driver = browser.driver;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String isp = "isp-" + suffix;
        String authority = "dic-test-" + suffix;

        browser.signIn(root.resolve("/console/admin/isps").toString(), "admin", "dev-admin");
        visited("admin-isps-en");
        driver.findElement(By.id("id")).sendKeys(isp);
        driver.findElement(By.id("legalName")).sendKeys("Test Telecom " + suffix);
        driver.findElement(By.id("licenceNumber")).sendKeys("L-" + suffix);
        driver.findElement(By.id("department")).sendKeys("Network operations");
        driver.findElement(By.id("email")).sendKeys("noc@example.vn");
        driver.findElement(By.id("register-isp")).click();
        assertThat(done()).isEqualTo("ISP " + isp + " registered.");
        assertThat(driver.findElement(By.id("isp-" + isp)).getText()).contains("Test Telecom " + suffix,
                "noc@example.vn");

        // A phone with letters is refused as the API refuses it, with what was typed kept.
        driver.get(root.resolve("/console/admin/isps/" + isp).toString());
        driver.findElement(By.id("phone")).sendKeys("call us");
        driver.findElement(By.id("save")).click();
        assertThat(driver.findElement(By.id("refusal-detail")).getText()).contains("digits");
        assertThat(driver.findElement(By.id("phone")).getAttribute("value")).isEqualTo("call us");
        visited("admin-isp-refused-en");

        driver.get(root.resolve("/console/admin/authorities").toString());
        driver.findElement(By.id("id")).sendKeys(authority);
        driver.findElement(By.id("nameVi")).sendKeys("Sở Thử nghiệm " + suffix);
        driver.findElement(By.id("nameEn")).sendKeys("Test Department " + suffix);
        new Select(driver.findElement(By.id("level"))).selectByValue("PROVINCIAL");
        new Select(driver.findElement(By.id("parent"))).selectByValue("mic");
        driver.findElement(By.id("contacts")).sendKeys("Inspection office; +84 235 3812 345; thanhtra@example.vn");
        driver.findElement(By.id("aliases")).sendKeys("STN " + suffix);
        driver.findElement(By.id("category-phishing")).click();
        driver.findElement(By.id("allIsps")).click();
        driver.findElement(By.id("scope-isp-" + isp)).click();
        driver.findElement(By.id("register-authority")).click();
        assertThat(done()).isEqualTo("Authority " + authority + " registered.");
        String row = driver.findElement(By.id("authority-" + authority)).getText();
        assertThat(row).contains("Test Department " + suffix, "relays mic", "Phishing", isp, "Inspection office",
                "STN " + suffix);
        JsonPath registered = as(Api.ADMIN).get("/api/v1/authorities/" + authority).then().statusCode(200)
                .extract().jsonPath();
        assertThat(registered.getString("parent.id")).isEqualTo("mic");
        assertThat(registered.getList("scope.categories")).containsExactly("phishing");
        assertThat(registered.getList("scope.isps")).containsExactly(isp);
        assertThat(registered.getBoolean("scope.allIsps")).isFalse();
        visited("admin-authorities-en");
        driver.findElement(By.id("lang-vi")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Cơ quan ra quyết định");
        visited("admin-authorities-vi");
        driver.findElement(By.id("lang-en")).click();

        driver.get(root.resolve("/console/admin/authorities/" + authority).toString());
        assertThat(driver.findElement(By.id("nameEn")).getAttribute("value")).isEqualTo("Test Department " + suffix);
        visited("admin-authority-en");
        driver.findElement(By.id("link-legacy")).click();
        assertThat(done()).contains("0 directive(s) linked.");

        // An agency that answers to the new authority, with two contact points, then deactivated.
        String agency = "agency-" + suffix;
        driver.get(root.resolve("/console/admin/agencies").toString());
        driver.findElement(By.id("id")).sendKeys(agency);
        driver.findElement(By.id("nameVi")).sendKeys("Sở Thử nghiệm Y tế " + suffix);
        driver.findElement(By.id("nameEn")).sendKeys("Test Health Department " + suffix);
        new Select(driver.findElement(By.id("authority"))).selectByValue(authority);
        driver.findElement(By.id("contacts"))
                .sendKeys("IT office; +84 235 3810 000; it@example.vn\nDuty desk; ; trucban@example.vn");
        driver.findElement(By.id("register-agency")).click();
        assertThat(done()).isEqualTo("Agency " + agency + " registered.");
        assertThat(driver.findElement(By.id("agency-" + agency)).getText()).contains("Test Health Department " + suffix,
                authority, "IT office", "trucban@example.vn", "yes");
        visited("admin-agencies-en");
        driver.get(root.resolve("/console/admin/agencies/" + agency).toString());
        assertThat(driver.findElement(By.id("active")).isSelected()).isTrue();
        driver.findElement(By.id("active")).click();
        assertThat(driver.findElement(By.id("active")).isSelected()).isFalse();
        browser.press("save");
        assertThat(done()).isEqualTo("Agency " + agency + " updated.");
        JsonPath agencyRecord = as(Api.ADMIN).get("/api/v1/agencies/" + agency).then().statusCode(200).extract()
                .jsonPath();
        assertThat(agencyRecord.getBoolean("active")).isFalse();
        assertThat(agencyRecord.getString("authority")).isEqualTo(authority);
        assertThat(agencyRecord.getList("contacts.email")).containsExactly("it@example.vn", "trucban@example.vn");

        String entry = "portal-" + suffix + ".example.vn";
        driver.get(root.resolve("/console/allowlist").toString());
        driver.findElement(By.id("value")).sendKeys(entry);
        driver.findElement(By.id("reason")).sendKeys("the provincial portal");
        driver.findElement(By.id("add")).click();
        assertThat(done()).isEqualTo("Entry added to the allowlist.");
        assertThat(driver.findElement(By.id("entries")).getText()).contains(entry, "the provincial portal");
        visited("admin-allowlist-en");

        driver.get(root.resolve("/console/admin/keys").toString());
        assertThat(driver.findElement(By.id("keys")).getText()).contains("signs new versions");
        visited("admin-keys-en");
        driver.get(root.resolve("/console/held").toString());
        assertThat(driver.findElements(By.cssSelector("form[action^='/console/held/']"))).isEmpty();
        visited("admin-held-en");
        driver.get(root.resolve("/logout").toString());
    }

    @Test
    void aSupervisorConfirmsAHeldVersion() {
        var driver = browser.driver;
        // An allowlist entry that removes a sixth of an ISP's rules follows from no approval: the breaker holds it.
        String isp = Api.newIsp();
        String zone = Api.unique("zone") + ".example.vn";
        Api.approvedFor(List.of(isp), Api.unique("base"), IntStream.range(0, 1000)
                .mapToObj(i -> "n" + i + "." + Api.unique("base") + ".example.vn").toArray(String[]::new));
        Api.approvedFor(List.of(isp), Api.unique("zone"), IntStream.range(0, 200)
                .mapToObj(i -> "n" + i + "." + zone).toArray(String[]::new));
        Rulesets.await(isp, s -> s.get("current.total") != null && s.getInt("current.total") == 1200);
        as(SUPERVISOR).body(Map.of("value", "*." + zone, "reason", "a partner's portal")).post("/api/v1/allowlist")
                .then().statusCode(201);
        long held = Rulesets.await(isp, s -> s.get("held") != null).getLong("held.version");

        browser.signIn(root.resolve("/").toString(), "mic-supervisor", "dev-mic-supervisor");
        driver.findElement(By.id("held-link")).click();
        assertThat(driver.findElement(By.id("delta-" + isp)).getText()).isEqualTo("0 added, 200 removed");
        assertThat(driver.findElement(By.id("unexplained-" + isp)).getText()).isEqualTo("200");
        visited("held-en");
        // A decision without a reason is refused by the browser; one with a reason goes through the service.
        driver.findElement(By.id("confirm-reason-" + isp)).sendKeys("the partner's portal must stay reachable");
        driver.findElement(By.id("confirm-" + isp)).click();
        assertThat(done())
                .isEqualTo("Version " + held + " of " + isp + " confirmed: it is now current.");
        assertThat(driver.findElements(By.id("held-" + isp))).isEmpty();
        JsonPath status = Rulesets.await(isp, s -> s.get("held") == null);
        assertThat(status.getLong("current.version")).isEqualTo(held);
        driver.get(root.resolve("/logout").toString());
    }

    /** The confirmation a successful form shows; the page's own words when it shows none (a refusal, say). */
    private static String done() {
        var driver = browser.driver;
        List<org.openqa.selenium.WebElement> done = driver.findElements(By.id("done"));
        assertThat(done).as("confirmation on %s: %s", driver.getCurrentUrl(),
                driver.findElement(By.tagName("main")).getText()).isNotEmpty();
        return done.get(0).getText();
    }

    private static void visited(String name) {
        browser.screenshot(name);
        assertThat(browser.accessibilityProblems()).as(name).isEmpty();
    }
}
