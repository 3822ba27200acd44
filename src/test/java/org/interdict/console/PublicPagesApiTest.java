package org.interdict.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.interdict.support.Api;
import org.interdict.support.Rulesets;
import org.junit.jupiter.api.Test;

/** The lookup page and the landing page: anonymous, cookieless, cacheable, in both languages, never reflecting input. */
@QuarkusTest
class PublicPagesApiTest {

    @Test
    void aBlockedNameReachingTheServiceIsShownItsOrderInBothLanguagesWhateverThePath() throws IOException {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String name = Api.unique("landing") + ".example.vn";
        String reference = Api.unique("374/STTTT");
        Api.approvedFor(List.of(isp), reference, name);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);

        String answer = raw("GET /some/page.php?id=1 HTTP/1.1\r\nHost: " + name.toUpperCase() + ":80\r\n"
                + "X-Forwarded-For: " + address() + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 451");
        assertThat(answer).containsIgnoringCase("content-type: text/html").containsIgnoringCase("cache-control: max-age=60")
                .containsIgnoringCase("vary: Host").doesNotContainIgnoringCase("set-cookie");
        assertThat(answer).contains(reference).contains("lang=\"vi\"").contains("lang=\"en\"")
                .contains("Trang này bị chặn").contains("This site is blocked")
                .contains("Ministry of Information and Communications").contains("Bộ Thông tin và Truyền thông")
                .contains("mật khẩu").contains("passwords").contains(name);
    }

    @Test
    void anUnknownHostAChildAbuseHostAndAHostileHostSeeTheSameNeutralPage() throws IOException {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String hidden = Api.unique("hidden") + ".example.vn";
        Map<String, Object> body = Api.directive(Api.unique("ca"), Instant.now().minusSeconds(60), null);
        body.put("category", "child-abuse");
        long withheld = as(OFFICER).body(body).post("/api/v1/directives").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Api.addTargets(withheld, hidden);
        as(OFFICER).post("/api/v1/directives/" + withheld + "/submit").then().statusCode(200);
        as(SUPERVISOR).body(Map.of()).post("/api/v1/directives/" + withheld + "/approve").then().statusCode(200);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);

        String childAbuse = landing(hidden);
        String unknown = landing(Api.unique("never-seen") + ".example.vn");
        String hostile = landing("x<script>alert(1)</script>\"'.example.vn");
        String notAName = landing("%3Cimg%20src=x%3E");
        assertThat(body(childAbuse)).isEqualTo(body(unknown)).isEqualTo(body(hostile)).isEqualTo(body(notAName));
        assertThat(childAbuse).startsWith("HTTP/1.1 200").doesNotContain(hidden);
        assertThat(hostile).doesNotContain("<script>alert").doesNotContain("alert(1)");
        assertThat(body(unknown)).contains("không khả dụng").contains("not available");
    }

    @Test
    void theLookupPageAnswersInTheChosenLanguageAndEscapesTheQuestion() {
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        String name = Api.unique("page") + ".example.vn";
        String reference = Api.unique("101/QD");
        Api.approvedFor(List.of(isp), reference, name);
        Rulesets.await(isp, s -> s.getLong("current.version") > first);

        Response english = given().header("X-Forwarded-For", address()).queryParam("q", name).queryParam("lang", "en")
                .get("/public/lookup");
        english.then().statusCode(200).header("Cache-Control", "max-age=60").header("Content-Language", "en");
        assertThat(english.getHeaders().hasHeaderWithName("Set-Cookie")).isFalse();
        assertThat(english.asString()).contains(reference).contains("is blocked by these published orders")
                .contains("passwords").contains("Ministry of Information and Communications");
        String vietnamese = given().header("X-Forwarded-For", address()).header("Accept-Language", "vi")
                .queryParam("q", name).get("/public/lookup").then().statusCode(200).extract().asString();
        assertThat(vietnamese).contains(reference).contains("bị chặn theo các quyết định đã công bố")
                .contains("Bộ Thông tin và Truyền thông");

        String refused = given().header("X-Forwarded-For", address()).queryParam("q", "<script>alert(1)</script>")
                .queryParam("lang", "en").get("/public/lookup").then().statusCode(400).extract().asString();
        assertThat(refused).doesNotContain("<script>alert").contains("id=\"refusal\"");
    }

    private static String landing(String host) throws IOException {
        return raw("GET /public/landing HTTP/1.1\r\nHost: " + host + "\r\nX-Forwarded-For: " + address()
                + "\r\nAccept-Language: en\r\nConnection: close\r\n\r\n");
    }

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "203.0." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
