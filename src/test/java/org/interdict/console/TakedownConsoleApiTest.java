package org.interdict.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interdict.category.ReasonCategory;
import org.interdict.directive.DirectiveKind;
import org.interdict.directive.DirectiveLifecycle;
import org.interdict.directive.DirectiveService;
import org.interdict.directive.DirectiveTargets;
import org.interdict.directive.dto.AudienceInput;
import org.interdict.directive.dto.Decision;
import org.interdict.directive.dto.DirectiveCreate;
import org.interdict.directive.dto.TakedownInput;
import org.interdict.security.Actor;
import org.interdict.security.Roles;
import org.interdict.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Quảng Nam officer, in Vietnamese, on an approved takedown whose deadline has not passed: escalating it is refused
 * in words, and switching to English on that refused page shows the takedown again (not the address the form was
 * posted to). The officer records that the host did not comply and escalates it into a block draft. A revocation
 * without the revoking act's reference is refused with the field's message in Vietnamese, while the API keeps
 * answering in English to a client that asks for Vietnamese.
 */
@QuarkusTest
class TakedownConsoleApiTest {

    private static final String AUTHORITY = "dic-quang-nam";
    private static final Actor DRAFTER = new Actor("qnam-takedown-drafter", "Lê Văn Tâm", Set.of(Roles.OFFICER), null,
            AUTHORITY, null);
    private static final Actor APPROVER = new Actor("qnam-takedown-approver", "Phan Thị Lan",
            Set.of(Roles.SUPERVISOR), null, AUTHORITY, null);

    @TestHTTPResource("/")
    URI root;

    @Inject
    DirectiveService directives;

    @Inject
    DirectiveTargets targets;

    @Inject
    DirectiveLifecycle lifecycle;

    @RegisterExtension
    static final Browser browser = Browser.forEachClass("vi");

    @Test
    void anOfficerRecordsAnUnheededTakedownEscalatesItAndIsRefusedARevocationInVietnamese() {
        String reference = "31/QD-STTTT-" + System.nanoTime();
        long takedown = approvedTakedown(reference, "Gỡ video đánh bạc");
        String takedownPage = root.resolve("/console/directives/" + takedown).toString();
        var driver = browser.driver;
        browser.signIn(root.toString(), "qnam-officer", "dev-qnam-officer");

        driver.get(takedownPage);
        assertThat(driver.findElement(By.id("complied")).getText()).isEqualTo("Chưa ghi nhận");
        visited("takedown-vi");
        driver.findElement(By.id("escalate")).click();
        waitFor("refusal-code");
        assertThat(driver.findElement(By.id("refusal-code")).getText()).isEqualTo("takedown-not-overdue");
        assertThat(driver.findElement(By.id("refusal-words")).getText())
                .isEqualTo("Chưa quá hạn gỡ bỏ: chỉ chuyển thành chặn được khi đã quá hạn.");
        assertThat(driver.getCurrentUrl()).endsWith("/escalate");

        // The refused page was the answer to a POST: the switch goes back to the takedown's own page.
        driver.findElement(By.id("lang-en")).click();
        assertThat(driver.getCurrentUrl()).isEqualTo(takedownPage);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Directive " + reference);
        assertThat(driver.findElement(By.id("complied")).getText()).isEqualTo("Not recorded yet");
        visited("takedown-en");
        driver.findElement(By.id("lang-vi")).click();

        driver.findElement(By.id("complied-no")).click();
        waitFor("done");
        assertThat(driver.findElement(By.id("done")).getText()).isEqualTo("Đã ghi nhận việc tuân thủ gỡ bỏ.");
        assertThat(driver.findElement(By.id("complied")).getText()).startsWith("Không");
        driver.findElement(By.id("escalate-title")).sendKeys("Chặn video đánh bạc không được gỡ");
        driver.findElement(By.id("escalate")).click();
        waitFor("done");
        assertThat(driver.findElement(By.id("done")).getText())
                .isEqualTo("Đã tạo dự thảo chặn từ quyết định gỡ bỏ không được chấp hành.");
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Dự thảo");
        assertThat(driver.findElement(By.id("title")).getText()).isEqualTo("Chặn video đánh bạc không được gỡ");
        assertThat(driver.findElement(By.id("escalated-from")).getText()).isEqualTo(String.valueOf(takedown));
        assertThat(driver.findElement(By.id("targets")).getText()).contains("video-cobac.example");
        visited("escalated-vi");

        // A revocation without the revoking act's reference: refused, the field's message in Vietnamese.
        driver.get(takedownPage);
        driver.findElement(By.id("revoke-reason")).sendKeys("Bên lưu trữ đã gỡ bài viết");
        // The browser would stop the empty field: the server's check is what is tried here.
        driver.executeScript("document.getElementById('revoke-reference').removeAttribute('required')");
        driver.findElement(By.id("revoke")).click();
        waitFor("refusal-code");
        assertThat(driver.findElement(By.id("refusal-code")).getText()).isEqualTo("invalid-request");
        assertThat(driver.findElement(By.id("refusal-field")).getText()).isEqualTo("reference");
        assertThat(driver.findElement(By.id("refusal-detail")).getText()).isEqualTo("không được để trống");
        visited("revoke-refused-vi");

        // The API answers in English whatever language the client prefers, and never fails for asking.
        Api.as(Api.SUPERVISOR).header("Accept-Language", "vi").body(Map.of("reason", "", "reference", "x"))
                .post("/api/v1/directives/" + takedown + "/revoke")
                .then().statusCode(400).body("violations[0].message", equalTo("must not be blank"));
    }

    /** An approved takedown of Quảng Nam, its deadline an hour away. */
    private long approvedTakedown(String reference, String title) {
        Instant deadline = Instant.now().plus(Duration.ofHours(1));
        long id = directives.create(new DirectiveCreate(reference, title, LocalDate.now(), DirectiveKind.TAKEDOWN,
                ReasonCategory.fromCode("gambling"), null, new AudienceInput(false, List.of("vnpt")),
                Instant.now().minusSeconds(60), null, new TakedownInput("video-cobac.example", deadline), null, null,
                null, null), DRAFTER, null).directive().id();
        targets.importText(id, "https://video-cobac.example/watch?v=42", false, DRAFTER);
        lifecycle.submit(id, DRAFTER);
        lifecycle.approve(id, new Decision(null, null), APPROVER);
        return id;
    }

    private static void waitFor(String id) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    private static void visited(String name) {
        browser.screenshot(name);
        assertThat(browser.accessibilityProblems()).as(name).isEmpty();
    }
}
