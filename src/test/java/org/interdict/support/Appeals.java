package org.interdict.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interdict.notification.MailServer;

/** Appeals as the public side files them, received: filed, and confirmed through the link e-mailed. */
public final class Appeals {

    public static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private Appeals() {}

    /** An appeal filed and confirmed; {@code key} is its tracking key. */
    public record Received(long id, String key) {}

    /** A site owner's appeal against {@code targets} (blocked now), claiming shared hosting, with a PDF. */
    public static Received received(List<String> targets) throws Exception {
        String email = Api.unique("appellant") + "@example.org";
        JsonPath receipt = anonymous().contentType("application/json").body(Map.of("targets", targets,
                "appellantKind", "site-owner", "email", email, "grounds", "Our site shares the address.",
                "collateral", "shared-hosting", "evidence", List.of(Map.of("fileName", "contract.pdf", "content",
                        Base64.getEncoder().encodeToString(PDF))))).post("/public/v1/appeals").then()
                .statusCode(201).extract().jsonPath();
        long id = receipt.getLong("id");
        String tracking = receipt.getString("trackingUrl");
        Matcher link = Pattern.compile("/appeals/" + id + "/confirmation\\?key=([A-Za-z0-9_-]+)")
                .matcher(text(MailServer.awaitMessagesTo(email, 1).get(0)));
        assertThat(link.find()).isTrue();
        anonymous().queryParam("key", link.group(1)).get("/public/v1/appeals/" + id + "/confirmation").then()
                .statusCode(200);
        return new Received(id, tracking.substring(tracking.indexOf("key=") + 4));
    }

    /** The text of an e-mail, plain or the first part of a multipart one. */
    public static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            return String.valueOf(multipart.getBodyPart(0).getContent());
        }
        return String.valueOf(content);
    }

    /** A public caller from an address of its own, so that the public rate limit leaves it alone. */
    public static RequestSpecification anonymous() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return given().header("X-Forwarded-For", "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255));
    }
}
