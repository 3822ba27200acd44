package org.interdict.signing;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.interdict.config.InterdictConfig;

/**
 * The Ed25519 key that signs rule sets, and the public keys appliances may verify with. The JDK does the
 * cryptography (Ed25519 is built in since Java 15).
 */
@ApplicationScoped
public class SigningKeys {

    /** A public key with its id, as published to appliances (PEM, SubjectPublicKeyInfo). */
    public record PublishedKey(String id, String algorithm, String publicKeyPem, boolean current) {}

    private final PrivateKey privateKey;
    private final String keyId;
    private final List<PublishedKey> published = new ArrayList<>();

    public SigningKeys(InterdictConfig config) {
        InterdictConfig.Signing signing = config.signing();
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            this.privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pem(signing.privateKey(), "PRIVATE KEY")));
            this.keyId = signing.keyId();
            published.add(new PublishedKey(keyId, "Ed25519", publicPem(factory, signing.publicKey()), true));
            for (String entry : signing.previousPublicKeys().orElse(List.of())) {
                String[] idAndPath = entry.split("=", 2);
                published.add(new PublishedKey(idAndPath[0], "Ed25519", publicPem(factory, Path.of(idAndPath[1])), false));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("interdict.signing: not an Ed25519 key: " + e.getMessage(), e);
        }
    }

    public String keyId() {
        return keyId;
    }

    public List<PublishedKey> published() {
        return List.copyOf(published);
    }

    /** Base64 of the Ed25519 signature of {@code message}. */
    public String sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads and re-encodes the key, so a malformed file fails at start-up, not at an appliance. */
    private static String publicPem(KeyFactory factory, Path file) throws GeneralSecurityException {
        PublicKey key = factory.generatePublic(new X509EncodedKeySpec(pem(file, "PUBLIC KEY")));
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] pem(Path file, String type) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            String body = text.replace("-----BEGIN " + type + "-----", "").replace("-----END " + type + "-----", "")
                    .replaceAll("\\s", "");
            return Base64.getDecoder().decode(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
