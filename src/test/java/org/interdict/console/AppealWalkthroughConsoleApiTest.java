package org.interdict.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interdict.notification.MailServer;
import org.interdict.support.Api;
import org.interdict.support.Appeals;
import org.interdict.support.Rulesets;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The appeal walkthrough in one real browser, signing in through Keycloak: a site owner finds their shop blocked
 * with the order's reference, appeals as collateral damage of shared hosting with a PDF and follows the link e-mailed
 * to them; a supervisor of the Ministry suspends the contested targets (a new version without them, reason "appeal
 * N"); an officer who took no part in the order proposes to lift the shop only, with reasons, and the supervisor
 * confirms as the second person; the appellant reads the outcome and the reasons on the status page and in an
 * e-mail; the transparency report counts the partial lift. Every page is checked for accessibility and kept as a screenshot.
 */
@QuarkusTest
class AppealWalkthroughConsoleApiTest {

    @TestHTTPResource("/")
    URI root;

    @RegisterExtension
    static final Browser browser = Browser.forEachClass("en");

    @Test
    void aSiteOwnerAppealsASupervisorSuspendsAReviewerNotInvolvedDecidesAndASecondPersonConfirms() throws Exception {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String suffix = Api.unique("walk");
        String shop = "shop-" + suffix + ".example.vn";
        String blog = "blog-" + suffix + ".example.vn";
        String reference = Api.unique("1353/QD-BTTTT");
        Api.approvedFor(List.of(isp), reference, "casino-" + suffix + ".example.vn", shop, blog);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);
        String email = Api.unique("owner") + "@example.org";
        WebDriver driver = browser.driver;

        driver.manage().deleteAllCookies();
        driver.get(root.resolve("/public/lookup?lang=en").toString());
        driver.findElement(By.id("q")).sendKeys(shop);
        driver.findElement(By.id("look-up")).click();
        assertThat(driver.findElement(By.id("orders")).getText()).contains(reference);
        checked("appeal-lookup");

        driver.findElement(By.id("appeal-link")).click();
        assertThat(driver.findElement(By.id("targets")).getAttribute("value")).isEqualTo(shop);
        checked("appeal-form");
        driver.findElement(By.id("targets")).sendKeys("\n" + blog);
        driver.findElement(By.id("appellant-site-owner")).click();
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("grounds")).sendKeys("Our shop and our blog share the hosting provider's address"
                + " with the blocked casino; the contract is attached.");
        driver.findElement(By.id("collateral-shared-hosting")).click();
        Path contract = Files.createTempFile("hosting-contract", ".pdf");
        Files.write(contract, Appeals.PDF);
        driver.findElement(By.id("evidence")).sendKeys(contract.toAbsolutePath().toString());
        driver.findElement(By.id("file-appeal")).click();

        assertThat(driver.findElement(By.id("email-sent")).getText()).contains("confirmation link");
        String tracking = driver.findElement(By.id("tracking-link")).getAttribute("href");
        String id = driver.findElement(By.id("appeal-id")).getText();
        checked("appeal-receipt");

        String mail = Appeals.text(MailServer.awaitMessagesTo(email, 1).get(0));
        Matcher confirmation = Pattern.compile("/public/appeals/" + id + "/confirmation\\?key=[A-Za-z0-9_-]+")
                .matcher(mail);
        assertThat(confirmation.find()).as(mail).isTrue();
        driver.get(root.resolve(confirmation.group() + "&lang=en").toString());
        assertThat(driver.findElement(By.id("confirmed")).getText()).contains("your appeal is received");
        assertThat(driver.findElement(By.id("targets")).getText()).contains(shop).contains(blog).contains(reference);
        checked("appeal-confirmed");

        String status = URI.create(tracking).getRawPath() + "?" + URI.create(tracking).getRawQuery();
        driver.get(root.resolve(status).toString());
        assertThat(driver.findElement(By.id("appeal-status")).getText()).isEqualTo("Received, waiting for review");
        assertThat(driver.findElement(By.id("decide-by")).getText()).isNotBlank();
        inBothLanguages("appeal-status");

        // A supervisor of the Ministry, who took no part in the order, suspends the contested targets at once.
        browser.signIn(root.resolve("/console/appeals").toString(), "mic-supervisor", "dev-mic-supervisor");
        switchTo("en");
        assertThat(driver.findElement(By.id("appeal-" + id)).getText()).contains("Received")
                .contains("The owner of the site");
        checked("appeal-queue");
        driver.findElement(By.cssSelector("#appeal-" + id + " a")).click();
        assertThat(driver.findElement(By.id("grounds")).getText()).contains("share the hosting provider's address");
        assertThat(driver.findElement(By.id("evidence")).getText()).contains(contract.getFileName().toString());
        checked("appeal-review-received");
        driver.findElement(By.id("suspend")).click();
        assertThat(driver.findElement(By.id("done")).getText()).contains("suspended");
        assertThat(driver.findElement(By.id("history-suspended")).getText()).contains("until");
        String appeal = "appeal " + id;
        Rulesets.await(isp, s -> s.getList("current.changes.change", String.class)
                .contains("appeal-suspended:" + appeal));
        assertThat(rules(isp)).doesNotContain(shop).doesNotContain(blog).contains("casino-" + suffix);
        // The suspension as the allowlist shows it, in both languages.
        driver.get(root.resolve("/console/allowlist?q=" + shop).toString());
        browser.scrollTo("entries");
        browser.screenshot("appeal-allowlist-suspended-en");
        browser.press("lang-vi");
        browser.scrollTo("entries");
        browser.screenshot("appeal-allowlist-suspended-vi");

        // An officer not involved takes it up and proposes to lift the shop only, with reasons.
        browser.signIn(root.resolve("/console/appeals/" + id).toString(), "mic-officer", "dev-mic-officer");
        switchTo("en");
        driver.findElement(By.id("take")).click();
        assertThat(driver.findElement(By.id("done")).getText()).contains("You took the appeal up");
        String reasons = "The shop only shares the hosting provider's address with the casino; the blog links to it.";
        driver.findElement(By.id("outcome-PARTIALLY_LIFTED")).click();
        driver.findElement(By.xpath("//input[@name='lift'][following-sibling::label/code[text()='" + shop + "']]"))
                .click();
        driver.findElement(By.id("reasons")).sendKeys(reasons);
        checked("appeal-review-propose");
        driver.findElement(By.id("propose")).click();
        assertThat(driver.findElement(By.id("proposed-outcome")).getText()).isEqualTo("Partially lifted");

        // The supervisor confirms as the second person: the shop is lifted, the blog stays blocked.
        String month = LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7);
        long partiallyLifted = partiallyLifted(month);
        browser.signIn(root.resolve("/console/appeals/" + id).toString(), "mic-supervisor", "dev-mic-supervisor");
        // What the second person weighs: the proposal, and the forms to confirm it or send it back.
        browser.press("lang-vi");
        browser.scrollTo("history");
        browser.screenshot("appeal-review-confirm-vi");
        browser.press("lang-en");
        browser.scrollTo("history");
        browser.screenshot("appeal-review-confirm-en");
        driver.findElement(By.id("confirm")).click();
        assertThat(driver.findElement(By.id("decided-outcome")).getText()).isEqualTo("Partially lifted");
        assertThat(driver.findElement(By.id("review-status")).getText()).isEqualTo("Decided");
        checked("appeal-review-decided");
        Rulesets.await(isp, s -> s.getList("current.changes.change", String.class)
                .contains("appeal-lifted:" + appeal));
        assertThat(rules(isp)).doesNotContain(shop).contains(blog);

        // The appellant reads the outcome and the reasons on the status page and in the e-mail.
        driver.manage().deleteAllCookies();
        driver.get(root.resolve(status + "&lang=en").toString());
        assertThat(driver.findElement(By.id("appeal-status")).getText()).isEqualTo("Decided");
        assertThat(driver.findElement(By.cssSelector(".review h3")).getText())
                .isEqualTo("Review by Ministry of Information and Communications");
        assertThat(driver.findElement(By.cssSelector(".review .outcome")).getText()).isEqualTo("Partially lifted");
        assertThat(driver.findElement(By.cssSelector(".review .reasons")).getText()).isEqualTo(reasons);
        assertThat(driver.findElement(By.id("targets")).getText()).contains("Lifted");
        inBothLanguages("appeal-status-decided");
        assertThat(MailServer.awaitMessagesTo(email, 3).stream().map(m -> {
            try {
                return Appeals.text(m);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).anySatisfy(text -> assertThat(text).contains(reasons));

        // The transparency report counts it.
        assertThat(partiallyLifted(month)).isEqualTo(partiallyLifted + 1);
        browser.signIn(root.resolve("/console/transparency").toString(), "mic-auditor", "dev-mic-auditor");
        switchTo("en");
        assertThat(driver.findElement(By.cssSelector("#appeals-" + month + "-" + Tokens.DEFAULT_AUTHORITY
                + " .partially-lifted")).getText()).isEqualTo(String.valueOf(partiallyLifted + 1));
        checked("appeal-transparency");
    }

    private static long partiallyLifted(String month) {
        Object count = Api.as(Api.AUDITOR).get("/api/v1/transparency").then().statusCode(200).extract().jsonPath()
                .get("appeals.find { it.month == '" + month + "' && it.authority.id == '" + Tokens.DEFAULT_AUTHORITY
                        + "' }.partiallyLifted");
        return count == null ? 0 : ((Number) count).longValue();
    }

    /** The console page shown again in {@code language}, through its language switch. */
    private static void switchTo(String language) {
        browser.driver.findElement(By.id("lang-" + language)).click();
    }

    private static String rules(String isp) {
        return Api.as(Api.AUDITOR).queryParam("format", "hosts").get("/api/v1/isps/" + isp + "/ruleset/current")
                .then().statusCode(200).extract().asString();
    }

    /** The page as it is: free of serious accessibility problems, and kept as a screenshot. */
    private static void checked(String name) {
        browser.screenshot(name);
        assertThat(browser.accessibilityProblems()).as(name).isEmpty();
    }

    private static void inBothLanguages(String name) {
        for (String language : new String[] {"vi", "en"}) {
            browser.driver.findElement(By.id("lang-" + language)).click();
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
            checked(name + "-" + language);
        }
    }
}
