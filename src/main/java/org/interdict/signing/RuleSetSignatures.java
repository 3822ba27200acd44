package org.interdict.signing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.interdict.config.InterdictConfig;

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

    private final SigningKeys keys;
    private final Cache<String, Signed> signed;

    public RuleSetSignatures(SigningKeys keys, InterdictConfig config, MeterRegistry registry) {
        this.keys = keys;
        this.signed = CaffeineCacheMetrics.monitor(registry, Caffeine.newBuilder()
                .maximumSize(config.caches().signatures()).recordStats().<String, Signed>build(), "signatures");
    }

    public static byte[] message(String isp, long version, String digest) {
        return ("interdict-ruleset-v1\n" + isp + "\n" + version + "\n" + digest + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public Signed sign(String isp, long version, String digest) {
        return signed.get(isp + "\n" + version + "\n" + digest,
                ignored -> new Signed(keys.keyId(), keys.sign(message(isp, version, digest))));
    }
}
