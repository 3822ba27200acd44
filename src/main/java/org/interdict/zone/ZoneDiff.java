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
 *
 * <p>Only the newer version is read: whether a rule was in the older one follows from the delta (it was if it is in
 * the newer one and was not added, or if it was removed). A secondary asks for the difference from the version it
 * held, which by then may be read back from storage only at the cost of decoding every rule.
 */
final class ZoneDiff {

    private static final RuleType[] DOMAINS = {RuleType.DOMAIN, RuleType.DOMAIN_TREE};
    private static final RuleType[] ADDRESSES = {RuleType.IPV4, RuleType.IPV6};

    /** The rules to render from the older and the newer version. */
    record Scope(RuleSet before, RuleSet after) {}

    /** Whether a version holds a rule. */
    private interface Holds {
        boolean rule(RuleType type, String rule);
    }

    private ZoneDiff() {}

    /** The scope of the difference that {@code delta} makes, {@code to} being the version it leads to. */
    static Scope scope(RuleSet to, Delta delta) {
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
        // The older version's names under a changed tree are the newer one's, less those added, plus those
        // removed: the removed ones are among the delta's names already.
        if (!changedTrees.isEmpty()) {
            for (RuleType type : DOMAINS) {
                for (String name : to.rules(type)) {
                    if (underAny(name, changedTrees)) {
                        names.add(name);
                    }
                }
            }
        }
        Holds inTo = (type, rule) -> Collections.binarySearch(to.rules(type), rule) >= 0;
        Map<RuleType, Set<String>> added = asSets(delta.added());
        Map<RuleType, Set<String>> removed = asSets(delta.removed());
        Holds inFrom = (type, rule) -> removed.getOrDefault(type, Set.of()).contains(rule)
                || inTo.rule(type, rule) && !added.getOrDefault(type, Set.of()).contains(rule);
        return new Scope(restrict(inFrom, names, addresses), restrict(inTo, names, addresses));
    }

    private static Map<RuleType, Set<String>> asSets(Map<RuleType, List<String>> rules) {
        Map<RuleType, Set<String>> sets = new EnumMap<>(RuleType.class);
        rules.forEach((type, list) -> sets.put(type, new HashSet<>(list)));
        return sets;
    }

    /** The rules a version holds among {@code names} and {@code addresses}, with its trees above those names. */
    private static RuleSet restrict(Holds holds, Set<String> names, Set<String> addresses) {
        Map<RuleType, String[]> kept = new EnumMap<>(RuleType.class);
        Map<RuleType, long[][]> sources = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            Set<String> wanted = type == RuleType.DOMAIN || type == RuleType.DOMAIN_TREE ? names
                    : type == RuleType.IPV4 || type == RuleType.IPV6 ? addresses : Set.of();
            TreeSet<String> chosen = new TreeSet<>();
            for (String rule : wanted) {
                if (holds.rule(type, rule)) {
                    chosen.add(rule);
                }
            }
            if (type == RuleType.DOMAIN_TREE) {
                for (String name : names) {
                    for (String above = name; above != null; above = parent(above)) {
                        if (holds.rule(RuleType.DOMAIN_TREE, above)) {
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
