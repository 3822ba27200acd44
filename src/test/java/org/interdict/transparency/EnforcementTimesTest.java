package org.interdict.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.interdict.transparency.dto.TransparencyReport.TimeToEnforce;
import org.junit.jupiter.api.Test;

class EnforcementTimesTest {

    private static final Instant T0 = Instant.parse("2016-03-01T09:00:00Z");
    private static final long NEVER = EnforcementTimes.NEVER;
    private static final long[] NONE = {};

    /** Microseconds since the epoch, {@code seconds} after T0. */
    private static long at(long seconds) {
        return (T0.getEpochSecond() + seconds) * 1_000_000;
    }

    private static long[] naming(long... ids) {
        return ids;
    }

    @Test
    void aDirectiveCountsFromComingIntoForceToTheFirstConfirmationOfItsFirstVersion() {
        EnforcementTimes times = new EnforcementTimes();
        times.directive(1, at(0), true, List.of());
        times.directive(2, at(100), true, List.of());
        // Version 1 names directive 2 before it came into force (approved for later): that does not count.
        times.version("vnpt", 1, true, "a", at(10), at(70), naming(1, 2));
        times.version("vnpt", 2, true, "b", at(110), at(400), naming(2));
        // A later version naming directive 1 again changes nothing.
        times.version("vnpt", 3, true, "c", at(500), at(900), naming(1));
        assertThat(times.earliest()).hasValue(at(0));
        assertThat(times.medians()).containsExactly(new TimeToEnforce("vnpt", 2, (70 + 300) / 2.0));
    }

    @Test
    void aHeldVersionCountsFromTheNextPublishedOneAndAnUnconfirmedOneFromALaterConfirmation() {
        EnforcementTimes times = new EnforcementTimes();
        times.directive(1, at(0), true, List.of());
        times.directive(2, at(0), true, List.of());
        times.version("fpt", 1, true, "a", at(1), NEVER, NONE);
        times.version("fpt", 2, false, "b", at(5), NEVER, naming(1));
        times.version("fpt", 3, true, "b", at(8), NEVER, naming(2));
        times.version("fpt", 4, true, "c", at(9), at(60), NONE);
        // Directive 1 is carried from version 3 on (2 was held), and 3 is first confirmed through version 4.
        assertThat(times.medians()).containsExactly(new TimeToEnforce("fpt", 2, 60));
    }

    @Test
    void anEarlierVersionWithTheSameRulesCountsAsEnforcingTheDirective() {
        EnforcementTimes times = new EnforcementTimes();
        times.directive(1, at(100), true, List.of());
        times.version("viettel", 1, true, "a", at(1), NEVER, NONE);
        times.version("viettel", 2, true, "b", at(2), at(40), NONE);
        // Version 3 only changes provenance (same rules as 2): the appliance that applied 2 already enforces it.
        times.version("viettel", 3, true, "b", at(150), NEVER, naming(1));
        assertThat(times.medians()).containsExactly(new TimeToEnforce("viettel", 1, 0));

        EnforcementTimes changed = new EnforcementTimes();
        changed.directive(1, at(100), true, List.of());
        changed.version("viettel", 1, true, "a", at(1), at(2), NONE);
        changed.version("viettel", 2, true, "b", at(150), NEVER, naming(1));
        assertThat(changed.medians()).isEmpty();
    }

    @Test
    void onlyTheIspsADirectiveAddressesCountAndAFirstVersionNotYetConfirmedLeavesItOut() {
        EnforcementTimes times = new EnforcementTimes();
        times.directive(7, at(100), false, List.of("fpt", "fpt"));
        times.version("vnpt", 1, true, "a", at(200), at(300), naming(7));
        times.version("fpt", 1, true, "a", at(200), at(260), naming(7));
        times.version("spt", 1, false, "a", at(200), NEVER, naming(7));
        assertThat(times.medians()).containsExactly(new TimeToEnforce("fpt", 1, 160));
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleOneAndIspsComeInOrder() {
        EnforcementTimes times = new EnforcementTimes();
        for (long id = 1; id <= 3; id++) {
            times.directive(id, at(0), true, List.of());
        }
        times.version("b-isp", 1, true, "a", at(1), at(30), naming(1));
        times.version("b-isp", 2, true, "b", at(2), at(10), naming(2));
        times.version("b-isp", 3, true, "c", at(3), at(20), naming(3));
        times.version("a-isp", 1, true, "a", at(1), at(5), naming(3));
        assertThat(times.medians()).containsExactly(new TimeToEnforce("a-isp", 1, 5), new TimeToEnforce("b-isp", 3, 10));
    }

    @Test
    void withoutDirectivesThereIsNothingToPair() {
        EnforcementTimes times = new EnforcementTimes();
        times.version("vnpt", 1, true, "a", at(1), at(2), NONE);
        assertThat(times.earliest()).isEmpty();
        assertThat(times.medians()).isEmpty();
    }
}
