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
 * A key pair made for the test run: the service verifies with the public half, {@link Tokens} signs with the
 * private half. Nothing secret is committed.
 */
public class JwtKeys implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://interdict.test/issuer";
    private static final KeyPair KEYS = generate();

    static PrivateKey privateKey() {
        return KEYS.getPrivate();
    }

    @Override
    public Map<String, String> start() {
        try {
            Path file = Files.createTempFile("interdict-test-jwt", ".pem");
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            file.toFile().deleteOnExit();
            return Map.of("mp.jwt.verify.publickey.location", file.toString(), "mp.jwt.verify.issuer", ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {}

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
