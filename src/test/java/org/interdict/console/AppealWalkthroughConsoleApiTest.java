package org.interdict.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interdict.notification.MailServer;
import org.interdict.support.Api;
import org.interdict.support.Rulesets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The appeal walkthrough in one real browser: a site owner finds their shop blocked with the order's reference,
 * appeals as collateral damage of shared hosting with a PDF, and follows the link e-mailed to them. Every page is
 * checked for accessibility and kept as a screenshot.
 */
@QuarkusTest
class AppealWalkthroughConsoleApiTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @TestHTTPResource("/")
    URI root;

    @RegisterExtension
    static final Browser browser = Browser.forEachClass("en");

    @Test
    void aSiteOwnerAppealsAsCollateralDamageAndFollowsTheConfirmationLink() throws Exception {
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
        Files.write(contract, PDF);
        driver.findElement(By.id("evidence")).sendKeys(contract.toAbsolutePath().toString());
        driver.findElement(By.id("file-appeal")).click();

        assertThat(driver.findElement(By.id("email-sent")).getText()).contains("confirmation link");
        String tracking = driver.findElement(By.id("tracking-link")).getAttribute("href");
        String id = driver.findElement(By.id("appeal-id")).getText();
        checked("appeal-receipt");

        String mail = text(MailServer.awaitMessagesTo(email, 1).get(0));
        Matcher confirmation = Pattern.compile("/public/appeals/" + id + "/confirmation\\?key=[A-Za-z0-9_-]+")
                .matcher(mail);
        assertThat(confirmation.find()).as(mail).isTrue();
        driver.get(root.resolve(confirmation.group() + "&lang=en").toString());
        assertThat(driver.findElement(By.id("confirmed")).getText()).contains("your appeal is received");
        assertThat(driver.findElement(By.id("targets")).getText()).contains(shop).contains(blog).contains(reference);
        checked("appeal-confirmed");

        driver.get(root.resolve(URI.create(tracking).getRawPath() + "?" + URI.create(tracking).getRawQuery())
                .toString());
        assertThat(driver.findElement(By.id("appeal-status")).getText()).isEqualTo("Received, waiting for review");
        inBothLanguages("appeal-status");
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

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            return String.valueOf(multipart.getBodyPart(0).getContent());
        }
        return String.valueOf(content);
    }
}
