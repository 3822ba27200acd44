package org.interdict.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.interdict.support.Api;
import org.interdict.support.Rulesets;
import org.junit.jupiter.api.Test;

/** Requests refused before the REST layer, the headers on every answer, and clients that never finish a request. */
@QuarkusTest
class HttpEdgeApiTest {

    @Test
    void aTooLongUriIsRefusedWithAProblem() {
        String q = "a".repeat(9_000);
        as(OFFICER).get("/api/v1/directives?q=" + q).then().statusCode(414)
                .contentType("application/problem+json").body("code", equalTo("uri-too-long"))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void tooLargeHeadersAreRefusedWithAProblemNamingTheLargest() {
        as(OFFICER).header("X-Padding", "p".repeat(30_000)).get("/api/v1/directives").then().statusCode(431)
                .contentType("application/problem+json").body("code", equalTo("headers-too-large"))
                .body("violations[0].field", equalTo("X-Padding"));
    }

    @Test
    void aTooLargeBodyIsRefusedWithAProblemBeforeItIsRead() throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/directives HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + OFFICER
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n{\"title\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readUntilClosed(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"code\":\"body-too-large\"").containsIgnoringCase("connection: close");
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndApiAnswersAreNotStored() {
        Response list = as(OFFICER).get("/api/v1/directives");
        list.then().statusCode(200).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store")
                .header("Strict-Transport-Security", nullValue());
        assertThat(list.getHeaders().getValues("Set-Cookie")).as("the API sets no cookie").isEmpty();
        given().get("/api/v1/directives").then().statusCode(401).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
        given().get("/q/openapi").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void behindATlsProxyAnswersCarryHsts() {
        as(OFFICER).header("X-Forwarded-Proto", "https").get("/api/v1/directives").then().statusCode(200)
                .header("Strict-Transport-Security", HttpEdge.HSTS);
    }

    @Test
    void ruleSetDownloadsKeepTheirOwnCaching() {
        String isp = Api.newIsp();
        Rulesets.current(isp);
        String token = Api.registerAppliance(isp, "resolver-cache");
        Response download = given().auth().oauth2(token).queryParam("format", "txt")
                .get("/api/v1/isps/" + isp + "/ruleset/current");
        download.then().statusCode(200).header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff");
        assertThat(download.header("ETag")).isNotBlank();
    }

    /**
     * A client sending its headers one byte a second is never idle, so only the timeout counted from the service's
     * last write ends it: the connection is closed without an answer.
     */
    @Test
    void aClientTricklingItsHeadersIsDropped() throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(1_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
            int sent = 0;
            int received = 0;
            while (received == 0 && Instant.now().isBefore(giveUp)) {
                try {
                    out.write('x');
                    out.flush();
                    sent++;
                    received = socket.getInputStream().read();
                } catch (SocketTimeoutException stillOpen) {
                    // nothing to read for a second: the server still waits for the rest of the headers
                } catch (SocketException closed) {
                    received = -1;
                }
            }
            assertThat(received).as("end of stream (not an answer) after %d bytes, one a second", sent).isEqualTo(-1);
            assertThat(sent).isGreaterThan(5);
        }
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // the server closes the connection while the refused body is still announced: what came is enough
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
