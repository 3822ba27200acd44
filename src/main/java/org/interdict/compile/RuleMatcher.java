package org.interdict.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.interdict.target.UrlHost;

/**
 * Answers "is this blocked, and by which directives" against one {@link RuleSet}: the rules a name, a URL or an
 * address would hit on an appliance that loads the set.
 */
public final class RuleMatcher {

    /** A rule that matched, with the ids of the directives behind it, ascending. */
    public record Match(RuleType type, String rule, List<Long> directiveIds) {

        public Match {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(rule, "rule");
            directiveIds = List.copyOf(directiveIds);
        }
    }

    private final RuleSet ruleSet;
    private final BlockIndex ipv4;
    private final BlockIndex ipv6;

    public RuleMatcher(RuleSet ruleSet) {
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
        this.ipv4 = new BlockIndex(ruleSet.rulesArray(RuleType.IPV4), false);
        this.ipv6 = new BlockIndex(ruleSet.rulesArray(RuleType.IPV6), true);
    }

    /** The exact DOMAIN rule for {@code name}, then every DOMAIN_TREE rule at or above it, nearest first. */
    public List<Match> matchDomain(String name) {
        List<Match> found = new ArrayList<>();
        exact(RuleType.DOMAIN, name, found);
        int from = 0;
        while (true) {
            exact(RuleType.DOMAIN_TREE, name.substring(from), found);
            int dot = name.indexOf('.', from);
            if (dot < 0) {
                break;
            }
            from = dot + 1;
        }
        return found;
    }

    /**
     * The URL rule equal to {@code url} (canonical form), then what its host matches: domain rules for a name,
     * the covering block for an IP literal.
     */
    public List<Match> matchUrl(String url) {
        List<Match> found = new ArrayList<>();
        exact(RuleType.URL, url, found);
        UrlHost host = UrlHost.of(url);
        found.addAll(host.ipLiteral() ? matchAddress(host.name()) : matchDomain(host.name()));
        return found;
    }

    /** The block covering {@code address} (a bare IPv4 or IPv6 address), if any: blocks never overlap. */
    public List<Match> matchAddress(String address) {
        boolean v6 = IpText.isIpv6(address);
        long[] range = new long[4];
        if (v6) {
            IpText.parseIpv6(address, range);
        } else {
            IpText.parseIpv4(address, range);
        }
        int index = (v6 ? ipv6 : ipv4).covering(range[IpText.START_HI], range[IpText.START_LO]);
        if (index < 0) {
            return List.of();
        }
        RuleType type = v6 ? RuleType.IPV6 : RuleType.IPV4;
        return List.of(match(type, index));
    }

    private void exact(RuleType type, String rule, List<Match> found) {
        int index = Arrays.binarySearch(ruleSet.rulesArray(type), rule);
        if (index >= 0) {
            found.add(match(type, index));
        }
    }

    private Match match(RuleType type, int index) {
        long[] ids = ruleSet.sources(type, index);
        return new Match(type, ruleSet.rulesArray(type)[index], Arrays.stream(ids).boxed().toList());
    }

    /** The blocks of one family in numeric order, since canonical (text) order does not follow the addresses. */
    private static final class BlockIndex {

        private final long[] startHi;
        private final long[] startLo;
        private final long[] endHi;
        private final long[] endLo;
        private final int[] rule;

        BlockIndex(String[] rules, boolean ipv6) {
            int n = rules.length;
            long[][] ranges = new long[n][];
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                ranges[i] = new long[4];
                if (ipv6) {
                    IpText.parseIpv6(rules[i], ranges[i]);
                } else {
                    IpText.parseIpv4(rules[i], ranges[i]);
                }
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> CidrAggregator.compare(ranges[a][0], ranges[a][1], ranges[b][0], ranges[b][1]));
            startHi = new long[n];
            startLo = new long[n];
            endHi = new long[n];
            endLo = new long[n];
            rule = new int[n];
            for (int k = 0; k < n; k++) {
                long[] r = ranges[order[k]];
                startHi[k] = r[0];
                startLo[k] = r[1];
                endHi[k] = r[2];
                endLo[k] = r[3];
                rule[k] = order[k];
            }
        }

        /** The rule index of the block containing the address, or -1. */
        int covering(long hi, long lo) {
            int low = 0;
            int high = rule.length - 1;
            int best = -1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (CidrAggregator.compare(startHi[mid], startLo[mid], hi, lo) <= 0) {
                    best = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            if (best < 0 || CidrAggregator.compare(endHi[best], endLo[best], hi, lo) < 0) {
                return -1;
            }
            return rule[best];
        }
    }
}
