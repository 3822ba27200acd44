package org.interdict.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets that the service must read back (TSIG keys, webhook signing secrets) for storage with AES-256-GCM: a
 * fresh 96-bit nonce, then the ciphertext and its 128-bit tag. The name the secret is sealed for (a key's name, a
 * webhook's owner and URL) is the associated data, so a sealed secret opens only on the row it was made for.
 */
public final class SecretSeal {

    private static final int NONCE_OCTETS = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** From the configured base64 of 32 octets; anything else is refused with the reason. */
    public static SecretSeal of(String base64) {
        byte[] octets;
        try {
            octets = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("interdict.key-encryption-key is not base64");
        }
        if (octets.length != 32) {
            throw new IllegalArgumentException("interdict.key-encryption-key must be 32 octets (AES-256), not "
                    + octets.length);
        }
        return new SecretSeal(octets);
    }

    private SecretSeal(byte[] octets) {
        this.key = new SecretKeySpec(octets, "AES");
    }

    public byte[] seal(byte[] secret, String keyName) {
        byte[] nonce = new byte[NONCE_OCTETS];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, secret, 0, secret.length, keyName);
        return ByteBuffer.allocate(NONCE_OCTETS + sealed.length).put(nonce).put(sealed).array();
    }

    /** The secret, or an {@link IllegalStateException} when the stored value was not sealed by this key for the name. */
    public byte[] open(byte[] sealed, String keyName) {
        byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_OCTETS);
        return crypt(Cipher.DECRYPT_MODE, nonce, sealed, NONCE_OCTETS, sealed.length - NONCE_OCTETS, keyName);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input, int offset, int length, String keyName) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyName.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the secret sealed for " + keyName
                    + " does not open with the configured key-encryption key", e);
        }
    }
}
