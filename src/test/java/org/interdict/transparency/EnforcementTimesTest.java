package org.interdict.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.interdict.transparency.dto.TransparencyReport.TimeToEnforce;
import org.junit.jupiter.api.Test;

class EnforcementTimesTest {

    private static final Instant T0 = Instant.parse("2016-03-01T09:00:00Z");

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void eachDirectiveCountsFromItsFirstVersionAtOrAfterComingIntoForce() {
        EnforcementTimes times = new EnforcementTimes();
        times.directive(1, at(0), true, Set.of());
        times.directive(2, at(100), true, Set.of());
        // Version 1 names directive 2 before it came into force (approved for later): it does not count.
        times.version("vnpt", at(10), at(70), new long[] {1, 2});
        times.version("vnpt", at(110), at(400), new long[] {2});
        // A later version naming directive 1 again changes nothing.
        times.version("vnpt", at(500), at(900), new long[] {1});
        assertThat(times.earliest()).isEqualTo(at(0));
        assertThat(times.medians()).containsExactly(new TimeToEnforce("vnpt", 2, (70 + 300) / 2.0));
    }

    @Test
    void aFirstVersionNotYetEnforcedLeavesTheDirectiveOutRatherThanALaterOne() {
        EnforcementTimes times = new EnforcementTimes();
        times.directive(1, at(0), true, Set.of());
        times.directive(2, at(0), true, Set.of());
        times.version("viettel", at(5), null, new long[] {1});
        times.version("viettel", at(6), at(50), new long[] {1, 2});
        assertThat(times.medians()).containsExactly(new TimeToEnforce("viettel", 1, 50));
    }

    @Test
    void onlyTheIspsADirectiveAddressesCountAndConfirmationsBeforeItCountAsImmediate() {
        EnforcementTimes times = new EnforcementTimes();
        times.directive(7, at(100), false, Set.of("fpt"));
        times.version("vnpt", at(200), at(300), new long[] {7});
        // The same rules were confirmed before the directive came into force: it was enforced at once.
        times.version("fpt", at(200), at(50), new long[] {7});
        times.version("fpt", at(300), at(400), new long[] {99});
        assertThat(times.medians()).containsExactly(new TimeToEnforce("fpt", 1, 0));
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleOneAndIspsComeInOrder() {
        EnforcementTimes times = new EnforcementTimes();
        for (long id = 1; id <= 3; id++) {
            times.directive(id, at(0), true, Set.of());
        }
        times.version("b-isp", at(1), at(30), new long[] {1});
        times.version("b-isp", at(2), at(10), new long[] {2});
        times.version("b-isp", at(3), at(20), new long[] {3});
        times.version("a-isp", at(1), at(5), new long[] {3});
        assertThat(times.medians()).containsExactly(new TimeToEnforce("a-isp", 1, 5), new TimeToEnforce("b-isp", 3, 20));
    }

    @Test
    void withoutDirectivesThereIsNothingToPair() {
        EnforcementTimes times = new EnforcementTimes();
        assertThat(times.earliest()).isNull();
        assertThat(times.medians()).isEmpty();
    }
}
