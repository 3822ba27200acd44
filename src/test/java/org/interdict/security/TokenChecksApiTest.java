package org.interdict.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.interdict.support.JwtKeys;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signed tokens from the trusted issuer that must still be refused: expired, issued in the future, too old or
 * valid for too long, or carrying claims of the wrong type. Each is a 401 problem, never a 500.
 */
@QuarkusTest
class TokenChecksApiTest {

    private static final String ENDPOINT = "/api/v1/compliance";

    @Test
    void anOrdinaryTokenIsAccepted() {
        String token = Tokens.sign(Tokens.claims("officer-ok", "officer"));
        given().auth().oauth2(token).get(ENDPOINT).then().statusCode(200);
    }

    @Test
    void anExpiredTokenIsRefusedOnceTheSkewOfAFewSecondsHasPassed() {
        Instant now = Instant.now();
        String token = Tokens.sign(Tokens.claims("officer-late", "officer")
                .issuedAt(now.minus(Duration.ofMinutes(10))).expiresAt(now.minusSeconds(15)));
        refused(token);
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        Instant now = Instant.now();
        String token = Tokens.sign(Tokens.claims("officer-early", "officer")
                .issuedAt(now.plusSeconds(60)).expiresAt(now.plus(Duration.ofHours(1))));
        refused(token);
    }

    @Test
    void aClockAheadByLessThanTheSkewIsTolerated() {
        Instant now = Instant.now();
        String token = Tokens.sign(Tokens.claims("officer-drift", "officer")
                .issuedAt(now.plusSeconds(2)).expiresAt(now.plus(Duration.ofHours(1))));
        given().auth().oauth2(token).get(ENDPOINT).then().statusCode(200);
    }

    @Test
    void aTokenOlderThanTheMaximumAgeIsRefusedThoughNotExpired() {
        Instant now = Instant.now();
        String token = Tokens.sign(Tokens.claims("officer-old", "officer")
                .issuedAt(now.minus(Duration.ofHours(13))).expiresAt(now.plus(Duration.ofHours(1))));
        refused(token);
    }

    @Test
    void aTokenValidForTenYearsIsRefusedAtOnce() {
        Instant now = Instant.now();
        String token = Tokens.sign(Tokens.claims("officer-forever", "officer")
                .issuedAt(now).expiresAt(now.plus(Duration.ofDays(3650))));
        refused(token);
    }

    @Test
    void aTokenWithoutIssuedAtIsRefused() {
        long now = Instant.now().getEpochSecond();
        refused(Tokens.signPayload("{\"iss\":\"" + JwtKeys.ISSUER + "\",\"sub\":\"officer-noiat\","
                + "\"groups\":[\"officer\"],\"exp\":" + (now + 600) + "}"));
    }

    /** Claims that are present but of the wrong JSON type; the rest of the payload is an ordinary token's. */
    @ParameterizedTest
    @ValueSource(strings = {
        "\"groups\":[\"isp-engineer\"],\"isp\":[\"vnpt\",\"viettel\"]",
        "\"groups\":[\"isp-engineer\"],\"isp\":42",
        "\"groups\":[\"isp-engineer\"],\"isp\":{\"id\":\"vnpt\"}",
        "\"groups\":[\"isp-engineer\"],\"isp\":true",
        "\"groups\":[\"officer\"],\"name\":{\"first\":\"An\"}",
        "\"groups\":[\"officer\"],\"name\":[\"An\"]",
        "\"groups\":[\"officer\"],\"name\":7",
        "\"groups\":[1,2]",
        "\"groups\":[\"officer\",{\"role\":\"admin\"}]",
        "\"groups\":[[\"officer\"]]",
        "\"groups\":{\"officer\":true}",
        "\"groups\":5",
    })
    void claimsOfTheWrongTypeAreRefused(String claims) {
        long now = Instant.now().getEpochSecond();
        refused(Tokens.signPayload("{\"iss\":\"" + JwtKeys.ISSUER + "\",\"sub\":\"odd-claims\",\"iat\":" + now
                + ",\"exp\":" + (now + 600) + "," + claims + "}"));
    }

    @Test
    void aNumericSubjectIsRefused() {
        long now = Instant.now().getEpochSecond();
        refused(Tokens.signPayload("{\"iss\":\"" + JwtKeys.ISSUER + "\",\"sub\":12,\"groups\":[\"officer\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 600) + "}"));
    }

    private static void refused(String token) {
        given().auth().oauth2(token).get(ENDPOINT).then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("unauthenticated"));
    }
}
