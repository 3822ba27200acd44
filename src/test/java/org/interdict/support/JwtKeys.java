package org.interdict.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;

/**
 * Key pairs made for the test run: the token one (the service's local-key tenant verifies tokens that
 * {@link Tokens} signs) and the rule-set signing one. Nothing secret is committed.
 */
public class JwtKeys implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://interdict.test/issuer";
    public static final String SIGNING_KEY_ID = "test-signing-1";
    private static final KeyPair KEYS = generate("RSA");
    /** The rule-set signing key pair (Ed25519); tests verify signatures with its public half. */
    public static final KeyPair SIGNING = generate("Ed25519");

    static PrivateKey privateKey() {
        return KEYS.getPrivate();
    }

    @Override
    public Map<String, String> start() {
        try {
            // The local-key tenant verifies the tests' tokens, chosen by their issuer; Keycloak stays the default.
            return Map.of("quarkus.oidc.local-key.tenant-enabled", "true",
                    "quarkus.oidc.local-key.public-key", Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()),
                    "quarkus.oidc.local-key.token.issuer", ISSUER,
                    "interdict.signing.private-key", pem("PRIVATE KEY", SIGNING.getPrivate().getEncoded()),
                    "interdict.signing.public-key", pem("PUBLIC KEY", SIGNING.getPublic().getEncoded()),
                    "interdict.signing.key-id", SIGNING_KEY_ID);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {}

    private static String pem(String type, byte[] der) throws IOException {
        Path file = Files.createTempFile("interdict-test-signing", ".pem");
        file.toFile().deleteOnExit();
        Files.writeString(file, "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n");
        return file.toString();
    }

    private static KeyPair generate(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
