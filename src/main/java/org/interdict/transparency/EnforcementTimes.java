package org.interdict.transparency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.interdict.transparency.dto.TransparencyReport.TimeToEnforce;

/**
 * The time to enforce of the transparency report: per ISP, the median over the period's block directives of the
 * time from a directive coming into force to the first appliance confirmation that counts for it.
 *
 * <p>What counts for a directive at an ISP: the first version of the ISP that names it at or after it came into
 * force; the first published version at or after that one (a held version is published later, or refused); then
 * the first confirmation of any version from the start of that published version's run of the same rules on (the
 * run starts right after the last earlier published version with other rules, as the SQL function rules_run_start
 * defines it). Directives no version names, or whose version is not confirmed yet, are left out.
 *
 * <p>It is fed the directives in ascending order of id, then every version of each ISP in ascending order, and
 * works in a few passes over each ISP's versions with a binary search per named directive. A ten-year register has a few hundred thousand
 * (directive, ISP) pairs; asked version by version for each of them, PostgreSQL took minutes, and even joined in
 * passes it took seconds.
 */
final class EnforcementTimes {

    /** No confirmation (yet). Instants are microseconds since the epoch, as PostgreSQL stores them. */
    static final long NEVER = Long.MAX_VALUE;

    /**
     * A version: {@code confirmed} is its own first applied confirmation ({@link #NEVER}: none), {@code named} the
     * directives its changes name.
     */
    private record Version(long number, boolean published, String digest, long created, long confirmed,
            long[] named) {}

    // The directives in ascending order of id, as parallel arrays: a few hundred thousand lookups stay unboxed.
    private long[] ids = new long[64];
    private long[] since = new long[64];
    private boolean[] allIsps = new boolean[64];
    private final List<Set<String>> audiences = new ArrayList<>();
    private int directives;
    private final Map<String, List<Version>> versions = new TreeMap<>();

    /** A directive of the period, in ascending order of id; {@code since}: when it came into force. */
    void directive(long id, long since, boolean allIsps, Collection<String> audience) {
        if (directives > 0 && id <= ids[directives - 1]) {
            throw new IllegalArgumentException("directives come in ascending order of id: " + id);
        }
        if (directives == ids.length) {
            ids = Arrays.copyOf(ids, 2 * directives);
            this.since = Arrays.copyOf(this.since, 2 * directives);
            this.allIsps = Arrays.copyOf(this.allIsps, 2 * directives);
        }
        ids[directives] = id;
        this.since[directives] = since;
        this.allIsps[directives] = allIsps;
        audiences.add(Set.copyOf(audience));
        directives++;
    }

    /** When the first directive came into force: no earlier version can name one in force. Null without any. */
    OptionalLong earliest() {
        return Arrays.stream(since, 0, directives).min();
    }

    /**
     * The next version of an ISP, in ascending order of number (an ISP's versions are numbered from 1, no gaps);
     * {@code confirmed}: {@link #NEVER} when no appliance confirmed it.
     */
    void version(String isp, long number, boolean published, String digest, long created, long confirmed,
            long[] named) {
        versions.computeIfAbsent(isp, ignored -> new ArrayList<>())
                .add(new Version(number, published, digest, created, confirmed, named));
    }

    /** Per ISP with at least one enforced directive, in ISP order. */
    List<TimeToEnforce> medians() {
        List<TimeToEnforce> medians = new ArrayList<>();
        versions.forEach((isp, list) -> {
            double[] seconds = seconds(isp, list);
            if (seconds.length > 0) {
                medians.add(new TimeToEnforce(isp, seconds.length, median(seconds)));
            }
        });
        return medians;
    }

    private double[] seconds(String isp, List<Version> list) {
        long[] enforced = enforced(list);
        boolean[] paired = new boolean[directives];
        double[] seconds = new double[16];
        int count = 0;
        for (int i = 0; i < list.size(); i++) {
            Version version = list.get(i);
            for (long id : version.named()) {
                int d = Arrays.binarySearch(ids, 0, directives, id);
                if (d < 0 || paired[d] || version.created() < since[d] || !(allIsps[d] || audiences.get(d).contains(isp))) {
                    continue;
                }
                paired[d] = true;
                if (enforced[i] != NEVER) {
                    seconds = count == seconds.length ? Arrays.copyOf(seconds, 2 * count) : seconds;
                    seconds[count++] = Math.max(0, enforced[i] - since[d]) / 1e6;
                }
            }
        }
        return Arrays.copyOf(seconds, count);
    }

    /** For each version of one ISP, when a directive it names first counts as enforced; {@link #NEVER} until then. */
    private static long[] enforced(List<Version> list) {
        int n = list.size();
        long first = n == 0 ? 0 : list.get(0).number();
        // Backwards: the first confirmation of a version or a later one, and the first published version from it on.
        long[] confirmedFrom = new long[n];
        int[] publishedFrom = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            Version version = list.get(i);
            confirmedFrom[i] = Math.min(version.confirmed(), i + 1 < n ? confirmedFrom[i + 1] : NEVER);
            publishedFrom[i] = version.published() ? i : i + 1 < n ? publishedFrom[i + 1] : -1;
        }
        // Forwards over the published versions: where each one's run of the same rules starts.
        int[] runStart = new int[n];
        String runDigest = null;
        long lastPublished = first - 1;
        int start = 0;
        for (int i = 0; i < n; i++) {
            Version version = list.get(i);
            if (version.published()) {
                if (!Objects.equals(version.digest(), runDigest)) {
                    start = (int) (lastPublished + 1 - first);
                    runDigest = version.digest();
                }
                lastPublished = version.number();
                runStart[i] = start;
            }
        }
        long[] enforced = new long[n];
        for (int i = 0; i < n; i++) {
            enforced[i] = publishedFrom[i] < 0 ? NEVER : confirmedFrom[runStart[publishedFrom[i]]];
        }
        return enforced;
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
