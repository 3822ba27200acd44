package org.interdict.ruleset;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.interdict.compile.Delta;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;
import org.interdict.config.InterdictConfig;

/**
 * Holds a version whose changes nobody approved when they are too many. A supervisor approved each directive
 * individually, with its preview at hand: the rules it brings are expected, whatever their number. What no such act
 * explains is what the breaker judges: removals (revocations, expiries), allowlist edits, and anything the compiler
 * produces on its own.
 *
 * <p>A change is explained by the directives approved (or activated) since the ISP's current version:
 *
 * <ul>
 *   <li>an added rule when one of them stands behind it;
 *   <li>a removed rule when every directive behind it stands behind an explained added rule: it was folded into a
 *       tree or merged into a block an approval brought, and what it blocked stays blocked.
 * </ul>
 */
record CircuitBreaker(double maxShare, int maxChanges, int minRules) {

    static CircuitBreaker of(InterdictConfig.Breaker config) {
        return new CircuitBreaker(config.maxShare(), config.maxChanges(), config.minRules());
    }

    /**
     * Whether a version changing {@code unexplained} rules that no approval explains is held. {@code currentSize} is
     * 0 for an ISP's first version, which is never held.
     */
    boolean trips(int currentSize, int unexplained) {
        if (currentSize == 0) {
            return false;
        }
        if (unexplained > maxChanges) {
            return true;
        }
        return currentSize >= minRules && unexplained > maxShare * currentSize;
    }

    /**
     * Rules added plus rules removed from {@code current} to {@code next} (their {@code delta}) that the directives in
     * {@code approved} do not explain.
     */
    static int unexplained(RuleSet current, RuleSet next, Delta delta, Set<Long> approved) {
        int unexplained = 0;
        Set<Long> carried = new HashSet<>();
        for (RuleType type : RuleType.values()) {
            List<String> rules = next.rules(type);
            for (String rule : delta.added().get(type)) {
                long[] sources = next.sources(type, Collections.binarySearch(rules, rule));
                if (anyIn(sources, approved)) {
                    for (long id : sources) {
                        carried.add(id);
                    }
                } else {
                    unexplained++;
                }
            }
        }
        for (RuleType type : RuleType.values()) {
            List<String> rules = current.rules(type);
            for (String rule : delta.removed().get(type)) {
                long[] sources = current.sources(type, Collections.binarySearch(rules, rule));
                if (sources.length == 0 || !allIn(sources, carried)) {
                    unexplained++;
                }
            }
        }
        return unexplained;
    }

    private static boolean anyIn(long[] ids, Set<Long> set) {
        for (long id : ids) {
            if (set.contains(id)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allIn(long[] ids, Set<Long> set) {
        for (long id : ids) {
            if (!set.contains(id)) {
                return false;
            }
        }
        return true;
    }
}
