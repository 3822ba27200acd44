package org.interdict.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.interdict.persistence.Transactions;
import org.interdict.support.Api;
import org.junit.jupiter.api.Test;

/** The console's delivery log: what the API lists, in Vietnamese or English, refusing a bad filter in words. */
@QuarkusTest
class NotificationConsoleApiTest {

    @Inject
    Notifications notifications;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAuditorReadsTheDeliveryLogInEitherLanguage() {
        String cause = Api.unique("appeal") + ":decided";
        String to = Api.unique("console") + "@example.vn";
        Transactions.inTransaction(dataSource, c -> {
            notifications.email(c, new EmailNotice(to, "Quyết định kháng nghị", "text", cause));
            return null;
        });
        MailServer.awaitMessagesTo(to, 1);
        EmailDeliveryApiTest.awaitState(to, "delivered");

        String vietnamese = given().auth().oauth2(Api.AUDITOR).header("Accept-Language", "vi")
                .queryParam("cause", cause).get("/console/notifications").then().statusCode(200).extract().asString();
        assertThat(vietnamese).contains("Nhật ký gửi thông báo", to, cause, "Quyết định kháng nghị", "Đã gửi",
                "Thư điện tử");
        String english = given().auth().oauth2(Api.ADMIN).header("Accept-Language", "en")
                .queryParam("cause", cause).queryParam("state", "DELIVERED").get("/console/notifications").then()
                .statusCode(200).extract().asString();
        assertThat(english).contains("Notification delivery log", to, "Delivered", "E-mail",
                "href=\"/console/notifications\"");
        assertThat(given().auth().oauth2(Api.ADMIN).header("Accept-Language", "en").queryParam("cause", cause)
                .queryParam("state", "FAILED").get("/console/notifications").then().statusCode(200).extract()
                .asString()).contains("No notification matches.").doesNotContain(to);
    }

    @Test
    void aBadFilterIsRefusedOnThePage() {
        String page = given().auth().oauth2(Api.AUDITOR).header("Accept-Language", "en").queryParam("channel", "fax")
                .get("/console/notifications").then().statusCode(400).contentType("text/html").extract().asString();
        assertThat(page).contains("channel").doesNotContain("Exception");
    }
}
