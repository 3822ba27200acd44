package org.interdict.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void textIsHashedAsUtf8InLowerCaseHex() {
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("Bộ Thông tin"))
                .isEqualTo("a8f4180dcd4d9e231063a7eb18e31f960ba9cb5c7cb4b5000dc52d31f534f7af");
    }

    @Test
    void aTextHashedInPartsHashesAsAWholeAndTheStateStartsAfresh() {
        MessageDigest state = Sha256.start();
        state.update("Bộ Thông".getBytes(StandardCharsets.UTF_8));
        state.update(" tin".getBytes(StandardCharsets.UTF_8));
        assertThat(Sha256.finish(state)).isEqualTo(Sha256.hex("Bộ Thông tin"));
        state.update("abc".getBytes(StandardCharsets.UTF_8));
        assertThat(Sha256.finish(state)).isEqualTo(Sha256.hex("abc"));
    }
}
