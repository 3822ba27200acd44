package org.interdict.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What changed between two rule sets, per rule type: rules added and rules removed, each in canonical order.
 * Rules only: provenance changes of a rule kept in both sets are not a change an appliance has to apply.
 */
public record Delta(Map<RuleType, List<String>> added, Map<RuleType, List<String>> removed) {

    public Delta {
        added = copy(added);
        removed = copy(removed);
    }

    /** Rules of one type from which the merge is split in two halves, one per core. */
    private static final int SPLIT_AT = 1 << 16;

    /** What one merge found: rules only in the newer array, rules only in the older one. */
    private record Merge(List<String> plus, List<String> minus) {}

    /**
     * One linear merge per type over the two sorted rule arrays; a large type is merged in two halves at once,
     * split at the older array's middle rule (the merge reads strings scattered over the heap: it waits on memory).
     */
    public static Delta between(RuleSet from, RuleSet to) {
        Map<RuleType, List<String>> added = new EnumMap<>(RuleType.class);
        Map<RuleType, List<String>> removed = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            String[] old = from.rulesArray(type);
            String[] now = to.rulesArray(type);
            Merge merge;
            if (old.length < SPLIT_AT) {
                merge = merge(old, 0, old.length, now, 0, now.length);
            } else {
                int i = old.length / 2;
                int found = Arrays.binarySearch(now, old[i]);
                int j = found >= 0 ? found : -found - 1;
                CompletableFuture<Merge> lower = CompletableFuture.supplyAsync(() -> merge(old, 0, i, now, 0, j));
                Merge upper = merge(old, i, old.length, now, j, now.length);
                Merge first = lower.join();
                first.plus().addAll(upper.plus());
                first.minus().addAll(upper.minus());
                merge = first;
            }
            added.put(type, merge.plus());
            removed.put(type, merge.minus());
        }
        return new Delta(added, removed);
    }

    private static Merge merge(String[] old, int i, int oldEnd, String[] now, int j, int nowEnd) {
        List<String> plus = new ArrayList<>();
        List<String> minus = new ArrayList<>();
        while (i < oldEnd && j < nowEnd) {
            // Rule sets made from one another share their unchanged rules' strings: identity spares reading them.
            int c = old[i] == now[j] ? 0 : old[i].compareTo(now[j]);
            if (c == 0) {
                i++;
                j++;
            } else if (c < 0) {
                minus.add(old[i++]);
            } else {
                plus.add(now[j++]);
            }
        }
        minus.addAll(Arrays.asList(old).subList(i, oldEnd));
        plus.addAll(Arrays.asList(now).subList(j, nowEnd));
        return new Merge(plus, minus);
    }

    /**
     * The rules of {@code from} with this delta applied, per type in canonical order; {@link RuleSet#digestOf}
     * of the result equals the digest of the rule set the delta was computed towards.
     *
     * @throws IllegalArgumentException if the delta does not fit: it removes a rule {@code from} lacks or adds
     *     one it already has
     */
    public Map<RuleType, List<String>> applyTo(RuleSet from) {
        Map<RuleType, List<String>> result = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            String[] old = from.rulesArray(type);
            List<String> plus = added.get(type);
            List<String> minus = removed.get(type);
            List<String> now = new ArrayList<>(Math.max(0, old.length - minus.size() + plus.size()));
            int r = 0;
            int a = 0;
            for (String rule : old) {
                if (r < minus.size() && minus.get(r).equals(rule)) {
                    r++;
                    continue;
                }
                while (a < plus.size() && plus.get(a).compareTo(rule) <= 0) {
                    if (plus.get(a).equals(rule)) {
                        throw new IllegalArgumentException(type + " rule already present: " + rule);
                    }
                    now.add(plus.get(a++));
                }
                now.add(rule);
            }
            if (r < minus.size()) {
                throw new IllegalArgumentException(type + " rule to remove is absent: " + minus.get(r));
            }
            while (a < plus.size()) {
                now.add(plus.get(a++));
            }
            result.put(type, Collections.unmodifiableList(now));
        }
        return Collections.unmodifiableMap(result);
    }

    /** Rules added plus rules removed. */
    public int size() {
        int n = 0;
        for (RuleType type : RuleType.values()) {
            n += added.get(type).size() + removed.get(type).size();
        }
        return n;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    private static Map<RuleType, List<String>> copy(Map<RuleType, List<String>> byType) {
        Map<RuleType, List<String>> copy = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            List<String> rules = List.copyOf(byType.getOrDefault(type, List.of()));
            for (int i = 1; i < rules.size(); i++) {
                if (rules.get(i - 1).compareTo(rules.get(i)) >= 0) {
                    throw new IllegalArgumentException(type + " delta rules not sorted and unique at " + rules.get(i));
                }
            }
            copy.put(type, rules);
        }
        return Collections.unmodifiableMap(copy);
    }
}
