package org.interdict.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SerialsTest {

    private static final long WRAP = 1L << 32;

    @Test
    void theSerialIsTheVersionModulo2To32() {
        assertThat(Serials.of(7)).isEqualTo(7);
        assertThat(Serials.of(WRAP - 1)).isEqualTo(WRAP - 1);
        assertThat(Serials.of(WRAP)).isZero();
        assertThat(Serials.of(WRAP + 5)).isEqualTo(5);
    }

    @Test
    void aSerialBehindTheCurrentOneNamesAVersion() {
        assertThat(Serials.versionOf(7, 7)).hasValue(7);
        assertThat(Serials.versionOf(3, 7)).hasValue(3);
        // Past the wrap: the current serial 2 follows the secondary's serial 2^32 - 3.
        assertThat(Serials.versionOf(WRAP - 3, WRAP + 2)).hasValue(WRAP - 3);
        assertThat(Serials.versionOf(1, WRAP + 2)).hasValue(WRAP + 1);
    }

    @Test
    void aSerialAheadOrTooFarBehindNamesNone() {
        // Ahead of the current version: the secondary knows a zone this service never made.
        assertThat(Serials.versionOf(8, 7)).isEqualTo(OptionalLong.empty());
        // Before version 1.
        assertThat(Serials.versionOf(WRAP - 1, 7)).isEqualTo(OptionalLong.empty());
        // 2^31 behind: undefined in RFC 1982 arithmetic.
        long current = (1L << 31) + 10;
        assertThat(Serials.versionOf(10, current)).isEqualTo(OptionalLong.empty());
        assertThat(Serials.versionOf(11, current)).hasValue(11);
        assertThat(Serials.versionOf(WRAP, 7)).isEqualTo(OptionalLong.empty());
    }
}
