package org.interdict.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretSealTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final byte[] SECRET = "thirty-two octets of tsig secret".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aSealedSecretOpensForItsOwnKeyName() {
        SecretSeal seal = SecretSeal.of(KEY);
        byte[] sealed = seal.seal(SECRET, "key-1.isp-a.rpz.interdict.");
        assertThat(sealed).hasSize(12 + SECRET.length + 16);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("tsig secret");
        assertThat(seal.open(sealed, "key-1.isp-a.rpz.interdict.")).isEqualTo(SECRET);
        // A fresh nonce each time.
        assertThat(seal.seal(SECRET, "key-1.isp-a.rpz.interdict.")).isNotEqualTo(sealed);
    }

    @Test
    void anotherNameOrKeyDoesNotOpenIt() {
        byte[] sealed = SecretSeal.of(KEY).seal(SECRET, "key-1.isp-a.rpz.interdict.");
        assertThatThrownBy(() -> SecretSeal.of(KEY).open(sealed, "key-1.isp-b.rpz.interdict."))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key-1.isp-b.rpz.interdict.");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> SecretSeal.of(Base64.getEncoder().encodeToString(other))
                .open(sealed, "key-1.isp-a.rpz.interdict.")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theConfiguredKeyMustBe32OctetsOfBase64() {
        assertThatThrownBy(() -> SecretSeal.of("not base64!")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> SecretSeal.of(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 octets");
    }
}
