package org.interdict.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.interdict.support.Api;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

/** The alert period in force shows on every console page of those it concerns, its level in words of their language. */
@QuarkusTest
class AlertBannerConsoleApiTest {

    @Test
    void theBannerShowsToTheRecipientsOfAPeriodInForceOnly() {
        String addressed = Api.newIsp();
        String other = Api.newIsp();
        String name = "Lễ 30/4 – 1/5 " + Api.unique("banner");
        long period = Api.as(Tokens.ofAuthority("dic-quang-nam", "qnam-banner", "officer"))
                .body(Map.of("name", name, "from", Instant.now().minusSeconds(60).toString(),
                        "to", Instant.now().plus(1, ChronoUnit.DAYS).toString(), "level", "highest",
                        "audience", Map.of("isps", List.of(addressed))))
                .post("/api/v1/alert-periods").then().statusCode(201).extract().jsonPath().getLong("id");

        String vietnamese = page("/", Tokens.ispEngineer("eng-" + addressed, addressed), "vi");
        assertThat(vietnamese).contains("id=\"alert-period-" + period + "\"")
                .contains("Đang trong giai đoạn cảnh báo: " + name).contains("mức cao nhất, đến")
                .doesNotContain("mức highest");
        assertThat(page("/", Tokens.ispEngineer("eng-" + addressed, addressed), "en"))
                .contains("Alert period in force: " + name).contains("highest level, until");
        assertThat(page("/", Api.AUDITOR, "en")).contains("alert-period-" + period);
        assertThat(page("/", Tokens.ispEngineer("eng-" + other, other), "en")).doesNotContain("alert-period-" + period);
    }

    private static String page(String path, String token, String language) {
        return given().auth().oauth2(token).header("Accept-Language", language).get(path)
                .then().statusCode(200).extract().asString();
    }
}
