package org.interdict.export;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.interdict.compile.RuleType;

/**
 * What one rendering carried and what it did not, so a caller can warn an ISP that, say, its hosts file
 * blocks no URLs.
 *
 * @param format        the format rendered
 * @param written       per type, rules the output enforces in full, including names left out because a
 *                      listed tree already covers them
 * @param notCarried    per type, rules the format has no way to express at all (URLs in a DNS format)
 * @param narrowed      per type, rules written only in part (a domain tree reduced to its apex in a hosts
 *                      file, where subdomains cannot be listed)
 * @param rejected      rules that could not be encoded and were left out, with the reason; at most
 *                      {@link #REJECTED_LISTED} of them
 * @param rejectedTotal how many rules were rejected in all
 */
public record RenderReport(
        String format,
        Map<RuleType, Integer> written,
        Map<RuleType, Integer> notCarried,
        Map<RuleType, Integer> narrowed,
        List<Rejected> rejected,
        int rejectedTotal) {

    /** A pathological input must not turn the report itself into a memory problem. */
    public static final int REJECTED_LISTED = 1000;

    /** One rule left out of the output. */
    public record Rejected(RuleType type, String rule, String reason) {
    }

    public RenderReport {
        written = inTypeOrder(written);
        notCarried = inTypeOrder(notCarried);
        narrowed = inTypeOrder(narrowed);
        rejected = List.copyOf(rejected);
    }

    /** Keeps the maps in {@link RuleType} order so reports print the same way every time. */
    private static Map<RuleType, Integer> inTypeOrder(Map<RuleType, Integer> counts) {
        Map<RuleType, Integer> copy = new EnumMap<>(RuleType.class);
        copy.putAll(counts);
        return Collections.unmodifiableMap(copy);
    }

    public int written(RuleType type) {
        return written.getOrDefault(type, 0);
    }

    public int notCarried(RuleType type) {
        return notCarried.getOrDefault(type, 0);
    }

    public int narrowed(RuleType type) {
        return narrowed.getOrDefault(type, 0);
    }

    /** True when every rule of the set is in the output in full. */
    public boolean complete() {
        return notCarried.isEmpty() && narrowed.isEmpty() && rejectedTotal == 0;
    }
}
