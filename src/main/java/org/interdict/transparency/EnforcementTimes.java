package org.interdict.transparency;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.interdict.transparency.dto.TransparencyReport.TimeToEnforce;

/**
 * Pairs each directive with the first version of each ISP it addresses that names it at or after the directive
 * came into force, and takes the median, per ISP, of the time from coming into force to that version's
 * enforcement (the first appliance confirmation that counts for it, worked out per version by the database).
 * Directives whose first such version is not enforced yet are left out, as are those no version names.
 *
 * <p>It is fed the directives first, then the versions of each ISP in ascending order: the first that names a
 * directive is then its first version. A ten-year register has a few hundred thousand (directive, ISP) pairs, which
 * this counts with a hash lookup each, where joining them in SQL took seconds.
 */
final class EnforcementTimes {

    private record Directive(Instant since, boolean allIsps, Set<String> audience) {
        boolean addresses(String isp) {
            return allIsps || audience.contains(isp);
        }
    }

    /** The directives of one ISP already paired, and the seconds of those enforced. */
    private static final class Tally {
        final Set<Long> paired = new HashSet<>();
        double[] seconds = new double[64];
        int count;

        void add(double value) {
            if (count == seconds.length) {
                seconds = Arrays.copyOf(seconds, count * 2);
            }
            seconds[count++] = value;
        }

        double median() {
            Arrays.sort(seconds, 0, count);
            int middle = count / 2;
            return count % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2;
        }
    }

    private final Map<Long, Directive> directives = new HashMap<>();
    private final Map<String, Tally> tallies = new TreeMap<>();
    private Instant earliest;

    /** A directive of the period; {@code since}: when it came into force. */
    void directive(long id, Instant since, boolean allIsps, Set<String> audience) {
        directives.put(id, new Directive(since, allIsps, Set.copyOf(audience)));
        earliest = earliest == null || since.isBefore(earliest) ? since : earliest;
    }

    /** When the first directive came into force: no earlier version can count. Null without directives. */
    Instant earliest() {
        return earliest;
    }

    /** The next version of an ISP: when it was made, when it counts as enforced (null: not yet), whom it names. */
    void version(String isp, Instant created, Instant enforced, long[] named) {
        Tally tally = null;
        for (long id : named) {
            Directive directive = directives.get(id);
            if (directive == null || created.isBefore(directive.since()) || !directive.addresses(isp)) {
                continue;
            }
            tally = tally == null ? tallies.computeIfAbsent(isp, ignored -> new Tally()) : tally;
            if (tally.paired.add(id) && enforced != null) {
                Duration taken = Duration.between(directive.since(), enforced);
                tally.add(taken.isNegative() ? 0 : taken.toNanos() / 1e9);
            }
        }
    }

    /** Per ISP with at least one enforced directive, in ISP order. */
    List<TimeToEnforce> medians() {
        List<TimeToEnforce> medians = new ArrayList<>();
        tallies.forEach((isp, tally) -> {
            if (tally.count > 0) {
                medians.add(new TimeToEnforce(isp, tally.count, tally.median()));
            }
        });
        return medians;
    }
}
