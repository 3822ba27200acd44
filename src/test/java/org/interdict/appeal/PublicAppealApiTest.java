package org.interdict.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.interdict.support.Appeals.anonymous;
import static org.interdict.support.Appeals.text;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interdict.notification.MailServer;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Rulesets;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PublicAppealApiTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void anAppealIsReceivedOnlyOnceItsAddressIsConfirmedAndItsStatusNeedsTheTrackingKey() throws Exception {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String name = Api.unique("shared") + ".example.vn";
        String reference = Api.unique("1353/BTTTT-CATTT");
        Api.approvedFor(List.of(isp), reference, name);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);
        String email = Api.unique("owner") + "@example.org";

        JsonPath receipt = anonymous().contentType("application/json").body(Map.of(
                "targets", List.of("https://" + name + "/", name), "appellantKind", "site-owner", "email", email,
                "grounds", "We share an address with the blocked site.", "collateral", "shared-hosting",
                "evidence", List.of(Map.of("fileName", "hosting-contract.pdf", "content", base64(PDF)))))
                .post("/public/v1/appeals").then().statusCode(201).header("Cache-Control", "no-store")
                .body("status", equalTo("UNCONFIRMED")).body("evidenceFiles", equalTo(1))
                .extract().jsonPath();
        long id = receipt.getLong("id");
        String tracking = receipt.getString("trackingUrl");
        String trackingKey = tracking.substring(tracking.indexOf("key=") + 4);
        assertThat(receipt.getList("targets", String.class)).hasSize(2).contains(name);
        assertThat(count("select count(*) from appeal where id = ? and tracking_hash = ?", id, trackingKey)).as("the secret itself is not stored").isZero();

        anonymous().queryParam("key", trackingKey).get("/public/v1/appeals/" + id).then().statusCode(200)
                .body("status", equalTo("UNCONFIRMED")).body("collateral", equalTo("shared-hosting"))
                .body("targets.orders.flatten()", hasItems(reference)).body("evidence", equalTo(List.of("hosting-contract.pdf")));
        anonymous().queryParam("key", trackingKey + "x").get("/public/v1/appeals/" + id).then().statusCode(404);

        MimeMessage mail = MailServer.awaitMessagesTo(email, 1).get(0);
        String text = text(mail);
        Matcher link = Pattern.compile("/public/appeals/" + id + "/confirmation\\?key=([A-Za-z0-9_-]+)").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        assertThat(text).contains(tracking);
        anonymous().queryParam("key", trackingKey).get("/public/v1/appeals/" + id + "/confirmation").then()
                .statusCode(404);
        anonymous().queryParam("key", link.group(1)).get("/public/v1/appeals/" + id + "/confirmation").then()
                .statusCode(200).body("status", equalTo("RECEIVED"));
        anonymous().queryParam("key", link.group(1)).get("/public/v1/appeals/" + id + "/confirmation").then()
                .statusCode(200).body("status", equalTo("RECEIVED"));
        assertThat(count("select count(*) from audit_entry where subject_type = 'appeal' and subject_id = ?", String.valueOf(id))).isEqualTo(2);
    }

    @Test
    void forgedFilesTargetsNotBlockedAndBadFieldsAreRefusedEachNamedAndNothingIsFiled() {
        String notBlocked = Api.unique("free") + ".example.vn";
        long before = count("select count(*) from appeal");
        JsonPath refused = anonymous().contentType("application/json").body(Map.of(
                "targets", List.of(notBlocked, "not a target!"), "appellantKind", "lawyer", "email", "nobody",
                "grounds", "x", "collateral", "everything",
                "evidence", List.of(
                        Map.of("fileName", "letter.pdf", "content",
                                base64("<html><body>%PDF-1.4</body></html>".getBytes(StandardCharsets.UTF_8))),
                        Map.of("fileName", "photo.png", "content", base64(new byte[] {'M', 'Z', 0, 0, 0, 0, 0, 0})))))
                .post("/public/v1/appeals").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid-appeal")).extract().jsonPath();
        assertThat(refused.getList("violations.code", String.class)).contains("not-blocked", "unknown-kind",
                "invalid-email", "unknown-collateral", "unsupported-file");
        assertThat(refused.getList("violations.findAll { it.code == 'unsupported-file' }.message", String.class))
                .hasSize(2).anySatisfy(m -> assertThat(m).contains("letter.pdf"))
                .anySatisfy(m -> assertThat(m).contains("photo.png"));
        assertThat(refused.getInt("violations.find { it.code == 'not-blocked' }.line")).isEqualTo(1);
        assertThat(refused.getInt("violations.find { it.input == 'not a target!' }.line")).isEqualTo(2);
        assertThat(count("select count(*) from appeal")).isEqualTo(before);
    }

    private static String base64(byte[] content) {
        return Base64.getEncoder().encodeToString(content);
    }

    private static long count(String sql, Object... params) {
        return Long.parseLong(Db.queryString(sql, params));
    }
}
