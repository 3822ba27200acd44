package org.interdict.signing;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs what identifies a rule-set version. The signed message is the UTF-8 text
 * {@code interdict-ruleset-v1\n<isp>\n<version>\n<digest>\n}: an appliance that verifies it and then checks the
 * SHA-256 digest of the rules it holds knows they are exactly what the authority published for its ISP, whichever
 * mirror or delta they came through.
 *
 * <p>Every response about a version carries its signature, 304s included, and appliances poll often: signing each
 * time would cost more than the rest of a poll. Ed25519 signatures are deterministic, so a signature is made once
 * per (isp, version, digest) and remembered; the signing key does not change while the service runs.
 */
@ApplicationScoped
public class RuleSetSignatures {

    /** A signature and the id of the key that made it. */
    public record Signed(String keyId, String signature) {}

    /** Versions signed and remembered at most; beyond it the memory starts afresh (a version is cheap to sign again). */
    static final int REMEMBERED = 4096;

    private final SigningKeys keys;
    private final Map<String, Signed> signed = new ConcurrentHashMap<>();

    public RuleSetSignatures(SigningKeys keys) {
        this.keys = keys;
    }

    public static byte[] message(String isp, long version, String digest) {
        return ("interdict-ruleset-v1\n" + isp + "\n" + version + "\n" + digest + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public Signed sign(String isp, long version, String digest) {
        String key = isp + "\n" + version + "\n" + digest;
        Signed known = signed.get(key);
        if (known != null) {
            return known;
        }
        Signed fresh = new Signed(keys.keyId(), keys.sign(message(isp, version, digest)));
        if (signed.size() >= REMEMBERED) {
            signed.clear();
        }
        signed.put(key, fresh);
        return fresh;
    }
}
