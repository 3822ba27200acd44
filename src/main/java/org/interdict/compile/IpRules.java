package org.interdict.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * The sorted IPv4 and IPv6 block rules and the collisions met making them. A job of its own: it shares nothing
 * with the name rules but the allowlist, which is read-only by then.
 */
record IpRules(RuleBuffer ipv4, RuleBuffer ipv6, List<Conflict> conflicts) {

    /** Merges {@code targets} into the aggregators, which already hold the protected ranges. */
    static IpRules of(TargetColumn targets, CidrAggregator ipv4Blocks, CidrAggregator ipv6Blocks) {
        // one pass, so each target's text is read once; most registers are nearly all IPv4
        ipv4Blocks.ensureCapacity(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            String value = targets.values[i];
            (IpText.isIpv6(value) ? ipv6Blocks : ipv4Blocks).add(targets.ids[i], value);
        }
        List<Conflict> conflicts = new ArrayList<>();
        RuleBuffer ipv4Rules = new RuleBuffer(ipv4Blocks.size());
        ipv4Blocks.aggregate(ipv4Rules, conflicts);
        ipv4Rules.sort();
        RuleBuffer ipv6Rules = new RuleBuffer(ipv6Blocks.size());
        ipv6Blocks.aggregate(ipv6Rules, conflicts);
        ipv6Rules.sort();
        return new IpRules(ipv4Rules, ipv6Rules, conflicts);
    }
}
