package org.interdict.appliance;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.interdict.hash.Sha256;

/**
 * Appliance API tokens: {@code itd_} and 43 base64url characters of 32 random bytes. Only their SHA-256 is stored;
 * with 256 random bits a slow password hash would add nothing but latency on every request.
 */
public final class ApplianceTokens {

    public static final String PREFIX = "itd_";
    static final int HINT_LENGTH = 8;
    private static final int RANDOM_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("itd_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApplianceTokens() {}

    /** A fresh token, shown once to whoever issued it, with what is kept of it. */
    public record Issued(String token, String hash, String hint) {

        @Override
        public String toString() {
            return "Issued[hint=" + hint + "]";
        }
    }

    public static Issued issue() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, hash(token), token.substring(0, HINT_LENGTH));
    }

    /** Whether {@code value} has the shape of a token this service issues. */
    public static boolean wellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    /** Lower-case hex SHA-256 of the token's characters, as stored in {@code appliance.token_hash}. */
    public static String hash(String token) {
        return Sha256.hex(token);
    }
}
