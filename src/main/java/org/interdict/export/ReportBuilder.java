package org.interdict.export;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/** Collects a {@link RenderReport} while a renderer streams. */
final class ReportBuilder {

    private final String format;
    private final int[] written = new int[RuleType.values().length];
    private final int[] notCarried = new int[RuleType.values().length];
    private final int[] narrowed = new int[RuleType.values().length];
    private final List<RenderReport.Rejected> rejected = new ArrayList<>();
    private int rejectedTotal;

    ReportBuilder(String format) {
        this.format = format;
    }

    void written(RuleType type) {
        written[type.ordinal()]++;
    }

    /** All rules of {@code types} in {@code rules} are outside what the format can say. */
    void notCarried(RuleSet rules, RuleType... types) {
        for (RuleType type : types) {
            notCarried[type.ordinal()] += rules.count(type);
        }
    }

    void narrowed(RuleType type) {
        narrowed[type.ordinal()]++;
    }

    void reject(RuleType type, String rule, String reason) {
        rejectedTotal++;
        if (rejected.size() < RenderReport.REJECTED_LISTED) {
            rejected.add(new RenderReport.Rejected(type, rule, reason));
        }
    }

    RenderReport build() {
        return new RenderReport(format, nonZero(written), nonZero(notCarried), nonZero(narrowed), rejected,
                rejectedTotal);
    }

    private static Map<RuleType, Integer> nonZero(int[] counts) {
        Map<RuleType, Integer> map = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            if (counts[type.ordinal()] != 0) {
                map.put(type, counts[type.ordinal()]);
            }
        }
        return map;
    }
}
