package org.interdict.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two rule sets, per rule type: rules added and rules removed, each in canonical order.
 * Rules only: provenance changes of a rule kept in both sets are not a change an appliance has to apply.
 */
public record Delta(Map<RuleType, List<String>> added, Map<RuleType, List<String>> removed) {

    public Delta {
        added = copy(added);
        removed = copy(removed);
    }

    /** One linear merge per type over the two sorted rule arrays. */
    public static Delta between(RuleSet from, RuleSet to) {
        Map<RuleType, List<String>> added = new EnumMap<>(RuleType.class);
        Map<RuleType, List<String>> removed = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            String[] old = from.rulesArray(type);
            String[] now = to.rulesArray(type);
            List<String> plus = new ArrayList<>();
            List<String> minus = new ArrayList<>();
            int i = 0;
            int j = 0;
            while (i < old.length && j < now.length) {
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
            minus.addAll(Arrays.asList(old).subList(i, old.length));
            plus.addAll(Arrays.asList(now).subList(j, now.length));
            added.put(type, plus);
            removed.put(type, minus);
        }
        return new Delta(added, removed);
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
