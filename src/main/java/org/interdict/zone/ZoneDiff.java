package org.interdict.zone;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.interdict.compile.Delta;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/**
 * What of two versions an incremental transfer must compare. A record of the RPZ depends on its own rule and on the
 * trees above it (a name under a blocked tree is not written on its own), so the rules to render from each version
 * are: every rule the delta adds or removes; every name under or at a tree the delta adds or removes; and the trees
 * of that version above any of those names. Rendering these two small rule sets and comparing their records gives
 * exactly the records the whole zones differ by, without rendering either whole.
 */
final class ZoneDiff {

    private static final RuleType[] DOMAINS = {RuleType.DOMAIN, RuleType.DOMAIN_TREE};
    private static final RuleType[] ADDRESSES = {RuleType.IPV4, RuleType.IPV6};

    /** The rules to render from the older and the newer version. */
    record Scope(RuleSet before, RuleSet after) {}

    private ZoneDiff() {}

    static Scope scope(RuleSet from, RuleSet to, Delta delta) {
        Set<String> names = new HashSet<>();
        Set<String> changedTrees = new HashSet<>(delta.added().getOrDefault(RuleType.DOMAIN_TREE, List.of()));
        changedTrees.addAll(delta.removed().getOrDefault(RuleType.DOMAIN_TREE, List.of()));
        Set<String> addresses = new HashSet<>();
        for (RuleType type : DOMAINS) {
            names.addAll(delta.added().getOrDefault(type, List.of()));
            names.addAll(delta.removed().getOrDefault(type, List.of()));
        }
        for (RuleType type : ADDRESSES) {
            addresses.addAll(delta.added().getOrDefault(type, List.of()));
            addresses.addAll(delta.removed().getOrDefault(type, List.of()));
        }
        if (!changedTrees.isEmpty()) {
            for (RuleSet rules : List.of(from, to)) {
                for (RuleType type : DOMAINS) {
                    for (String name : rules.rules(type)) {
                        if (underAny(name, changedTrees)) {
                            names.add(name);
                        }
                    }
                }
            }
        }
        return new Scope(restrict(from, names, addresses), restrict(to, names, addresses));
    }

    /** The rules of {@code rules} among {@code names} and {@code addresses}, with its trees above those names. */
    private static RuleSet restrict(RuleSet rules, Set<String> names, Set<String> addresses) {
        Map<RuleType, String[]> kept = new EnumMap<>(RuleType.class);
        Map<RuleType, long[][]> sources = new EnumMap<>(RuleType.class);
        List<String> trees = rules.rules(RuleType.DOMAIN_TREE);
        for (RuleType type : RuleType.values()) {
            List<String> all = rules.rules(type);
            Set<String> wanted = type == RuleType.DOMAIN || type == RuleType.DOMAIN_TREE ? names
                    : type == RuleType.IPV4 || type == RuleType.IPV6 ? addresses : Set.of();
            TreeSet<String> chosen = new TreeSet<>();
            for (String rule : wanted) {
                if (Collections.binarySearch(all, rule) >= 0) {
                    chosen.add(rule);
                }
            }
            if (type == RuleType.DOMAIN_TREE) {
                for (String name : names) {
                    for (String above = name; above != null; above = parent(above)) {
                        if (Collections.binarySearch(trees, above) >= 0) {
                            chosen.add(above);
                        }
                    }
                }
            }
            kept.put(type, chosen.toArray(String[]::new));
            sources.put(type, new long[chosen.size()][0]);
        }
        return RuleSet.of(kept, sources);
    }

    private static boolean underAny(String name, Set<String> trees) {
        for (String above = name; above != null; above = parent(above)) {
            if (trees.contains(above)) {
                return true;
            }
        }
        return false;
    }

    private static String parent(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? null : name.substring(dot + 1);
    }

    /** The records only in {@code before} (to delete) and only in {@code after} (to add), each in order. */
    static <R> Changes<R> compare(List<R> before, List<R> after) {
        Set<R> old = new HashSet<>(before);
        Set<R> now = new HashSet<>(after);
        List<R> deleted = new ArrayList<>();
        for (R record : before) {
            if (!now.contains(record)) {
                deleted.add(record);
            }
        }
        List<R> added = new ArrayList<>();
        for (R record : after) {
            if (!old.contains(record)) {
                added.add(record);
            }
        }
        return new Changes<>(deleted, added);
    }

    record Changes<R>(List<R> deleted, List<R> added) {}
}
