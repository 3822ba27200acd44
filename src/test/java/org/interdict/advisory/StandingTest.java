package org.interdict.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StandingTest {

    private static final Instant DEADLINE = Instant.parse("2022-05-01T17:00:00Z");
    private static final Instant BEFORE = DEADLINE.minusSeconds(1);

    @Test
    void patchedOrNotAffectedOweNothingEvenAfterTheDeadline() {
        assertThat(Standing.of("patched", null, 1, DEADLINE, DEADLINE.plusSeconds(60))).isEqualTo(Standing.PATCHED);
        assertThat(Standing.of("not-affected", 1, 2, DEADLINE, BEFORE)).isEqualTo(Standing.PATCHED);
    }

    @Test
    void atTheDeadlineAnyoneNotPatchedIsLate() {
        assertThat(Standing.of("mitigated", 1, 1, DEADLINE, DEADLINE)).isEqualTo(Standing.LATE);
        assertThat(Standing.of(null, null, 1, DEADLINE, DEADLINE)).isEqualTo(Standing.LATE);
    }

    @Test
    void anAcknowledgementOfAnOlderRevisionIsSilence() {
        assertThat(Standing.of(null, 1, 2, DEADLINE, BEFORE)).isEqualTo(Standing.SILENT);
        assertThat(Standing.of(null, 2, 2, DEADLINE, BEFORE)).isEqualTo(Standing.ACKNOWLEDGED);
        assertThat(Standing.of("investigating", null, 2, DEADLINE, BEFORE)).isEqualTo(Standing.ACKNOWLEDGED);
    }
}
