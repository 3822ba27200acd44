package org.interdict.signing;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/**
 * Signs what identifies a rule-set version. The signed message is the UTF-8 text
 * {@code interdict-ruleset-v1\n<isp>\n<version>\n<digest>\n}: an appliance that verifies it and then checks the
 * SHA-256 digest of the rules it holds knows they are exactly what the authority published for its ISP, whichever
 * mirror or delta they came through.
 */
@ApplicationScoped
public class RuleSetSignatures {

    /** A signature and the id of the key that made it. */
    public record Signed(String keyId, String signature) {}

    private final SigningKeys keys;

    public RuleSetSignatures(SigningKeys keys) {
        this.keys = keys;
    }

    public static byte[] message(String isp, long version, String digest) {
        return ("interdict-ruleset-v1\n" + isp + "\n" + version + "\n" + digest + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public Signed sign(String isp, long version, String digest) {
        return new Signed(keys.keyId(), keys.sign(message(isp, version, digest)));
    }
}
