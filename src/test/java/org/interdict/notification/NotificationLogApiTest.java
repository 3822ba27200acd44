package org.interdict.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.interdict.persistence.Transactions;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

/** The delivery log over REST: filters, paging, the attempts of one notification, and who sees what. */
@QuarkusTest
class NotificationLogApiTest {

    @Inject
    Notifications notifications;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void administratorsAndAuditorsSeeEveryNotificationWithItsAttempts() {
        String cause = Api.unique("appeal") + ":received";
        String to = Api.unique("citizen") + "@example.vn";
        Transactions.inTransaction(dataSource, c -> {
            notifications.email(c, new EmailNotice(to, "Đã nhận kháng nghị", "Your appeal was received.", cause));
            return null;
        });
        MailServer.awaitMessagesTo(to, 1);
        EmailDeliveryApiTest.awaitState(to, "delivered");

        JsonPath page = Api.as(Api.AUDITOR).queryParam("cause", cause.substring(0, cause.indexOf(':') + 1))
                .get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items")).hasSize(1);
        assertThat(page.getString("items[0].channel")).isEqualTo("EMAIL");
        assertThat(page.getString("items[0].recipient")).isEqualTo(to);
        assertThat(page.getString("items[0].state")).isEqualTo("DELIVERED");
        long id = page.getLong("items[0].id");

        Api.as(Api.ADMIN).get("/api/v1/notifications/" + id).then().statusCode(200)
                .body("notification.subject", equalTo("Đã nhận kháng nghị"))
                .body("text", equalTo("Your appeal was received."))
                // A busy SMTP server may have failed a first attempt: whatever came before, one attempt delivered.
                .body("attempts.findAll { it.delivered == true }.size()", equalTo(1));
        Api.as(Api.ADMIN).queryParam("cause", cause).queryParam("channel", "webhook").get("/api/v1/notifications")
                .then().statusCode(200).body("items.size()", equalTo(0));
        Api.as(Api.ADMIN).queryParam("cause", cause).queryParam("state", "pending").get("/api/v1/notifications")
                .then().statusCode(200).body("items.size()", equalTo(0));
        Api.as(Api.ADMIN).queryParam("cause", cause).queryParam("state", "delivered").get("/api/v1/notifications")
                .then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void pagesFollowTheCursorNewestFirst() {
        String cause = Api.unique("paging") + ":sent";
        for (int i = 0; i < 3; i++) {
            String to = Api.unique("page-" + i) + "@example.vn";
            Transactions.inTransaction(dataSource, c -> {
                notifications.email(c, new EmailNotice(to, "s", "t", cause));
                return null;
            });
        }
        JsonPath first = Api.as(Api.ADMIN).queryParam("cause", cause).queryParam("limit", 2)
                .get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
        List<Long> ids = first.getList("items.id", Long.class);
        assertThat(ids).hasSize(2).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        JsonPath second = Api.as(Api.ADMIN).queryParam("cause", cause).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/notifications").then()
                .statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.id", Long.class)).hasSize(1).allMatch(id -> id < ids.get(1));
        assertThat(second.getString("nextCursor")).isNull();
    }

    @Test
    void anEngineerSeesTheWebhookCallsOfTheirIspOnly() {
        String isp = Api.newIsp();
        String other = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        String cause = Api.unique("advisory") + ":published";
        for (String owner : List.of(isp, other)) {
            Api.as(Tokens.ispEngineer("eng-" + owner, owner)).body(Map.of("url", "http://127.0.0.1:9/" + owner))
                    .post("/api/v1/webhooks").then().statusCode(201);
        }
        String to = Api.unique("someone") + "@example.vn";
        Transactions.inTransaction(dataSource, c -> {
            notifications.webhook(c, "isp:" + isp, "advisory.published", Map.of("n", 1), cause);
            notifications.webhook(c, "isp:" + other, "advisory.published", Map.of("n", 1), cause);
            notifications.email(c, new EmailNotice(to, "s", "t", cause));
            return null;
        });

        JsonPath seen = Api.as(engineer).queryParam("cause", cause).get("/api/v1/notifications").then()
                .statusCode(200).extract().jsonPath();
        assertThat(seen.<String>getList("items.owner")).containsExactly("isp:" + isp);
        long mine = seen.getLong("items[0].id");
        Api.as(engineer).get("/api/v1/notifications/" + mine).then().statusCode(200)
                .body("payload.n", equalTo(1)).body("notification.event", equalTo("advisory.published"));

        long theirs = Long.parseLong(Db.queryString("select id from notification where owner = ? and cause = ?",
                "isp:" + other, cause));
        long email = Long.parseLong(Db.queryString("select id from notification where recipient = ?", to));
        Api.as(engineer).get("/api/v1/notifications/" + theirs).then().statusCode(404);
        Api.as(engineer).get("/api/v1/notifications/" + email).then().statusCode(404);
        assertThat(Api.as(Api.ADMIN).queryParam("cause", cause).get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items")).hasSize(3);
    }

    @Test
    void aBadFilterIsRefusedNamingTheParameter() {
        Api.as(Api.ADMIN).queryParam("channel", "fax").get("/api/v1/notifications").then().statusCode(400)
                .body("violations[0].field", equalTo("channel"));
        Api.as(Api.ADMIN).queryParam("state", "lost").get("/api/v1/notifications").then().statusCode(400)
                .body("violations[0].field", equalTo("state"));
        Api.as(Api.ADMIN).queryParam("limit", 0).get("/api/v1/notifications").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        Api.as(Api.ADMIN).get("/api/v1/notifications/999999999").then().statusCode(404);
    }
}
