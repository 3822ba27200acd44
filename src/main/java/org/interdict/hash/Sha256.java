package org.interdict.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as every digest of this service is written: lower-case hex. */
public final class Sha256 {

    private Sha256() {}

    /** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(start().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh SHA-256 state, for a text hashed in parts. */
    public static MessageDigest start() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** Lower-case hex of what the state hashed; the state starts afresh. */
    public static String finish(MessageDigest state) {
        return HexFormat.of().formatHex(state.digest());
    }
}
