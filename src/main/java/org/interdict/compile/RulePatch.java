package org.interdict.compile;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * What turns one rule set into another, provenance included: per type, rules to remove and rules to put (added,
 * or kept with new provenance). Small next to the rule sets it links, so a new version can be stored, cached and
 * published as a patch of the one before.
 */
public final class RulePatch {

    /** One type's part: each array sorted and unique, no rule both removed and put. */
    public record Part(String[] removed, String[] put, long[][] putSources) {
        public Part {
            if (put.length != putSources.length) {
                throw new IllegalArgumentException(put.length + " rules put but " + putSources.length + " sources");
            }
            requireSorted(removed);
            requireSorted(put);
        }

        public int size() {
            return removed.length + put.length;
        }
    }

    private static final Part NONE = new Part(new String[0], new String[0], new long[0][]);

    private final Map<RuleType, Part> parts;

    public RulePatch(Map<RuleType, Part> parts) {
        this.parts = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            this.parts.put(type, parts.getOrDefault(type, NONE));
        }
    }

    public Part part(RuleType type) {
        return parts.get(type);
    }

    /** Rules removed plus rules put. */
    public int size() {
        return parts.values().stream().mapToInt(Part::size).sum();
    }

    /**
     * The rule set {@code base} becomes: the unchanged runs of rules are copied in bulk between the few places a
     * binary search finds for the patch's rules.
     *
     * @throws IllegalArgumentException if the patch removes a rule {@code base} lacks
     */
    public RuleSet applyTo(RuleSet base) {
        Map<RuleType, String[]> rules = new EnumMap<>(RuleType.class);
        Map<RuleType, long[][]> sources = new EnumMap<>(RuleType.class);
        Map<RuleType, CanonicalText.Edits> edits = new EnumMap<>(RuleType.class);
        Map<RuleType, int[]> keyHashes = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            Part part = parts.get(type);
            String[] old = base.rulesArray(type);
            long[][] oldSources = base.sourcesArray(type);
            int[] oldHashes = base.knownKeyHashes(type);
            if (part.size() == 0) {
                rules.put(type, old);
                sources.put(type, oldSources);
                if (oldHashes != null) {
                    keyHashes.put(type, oldHashes);
                }
                continue;
            }
            int capacity = old.length + part.put().length;
            String[] values = new String[capacity];
            long[][] ids = new long[capacity][];
            int[] hashes = oldHashes == null ? null : new int[capacity];
            int[] positions = new int[part.size()];
            int[] changes = new int[part.size()];
            int edited = 0;
            int from = 0;
            int to = 0;
            int r = 0;
            int p = 0;
            while (r < part.removed().length || p < part.put().length) {
                boolean removing = p == part.put().length
                        || r < part.removed().length && part.removed()[r].compareTo(part.put()[p]) < 0;
                String rule = removing ? part.removed()[r] : part.put()[p];
                int at = Arrays.binarySearch(old, from, old.length, rule);
                int stop = at >= 0 ? at : -at - 1;
                copy(old, oldSources, oldHashes, from, values, ids, hashes, to, stop - from);
                to += stop - from;
                from = at >= 0 ? at + 1 : stop;
                if (removing) {
                    if (at < 0) {
                        throw new IllegalArgumentException(type + " rule to remove is absent: " + rule);
                    }
                    positions[edited] = at;
                    changes[edited++] = -1;
                    r++;
                    continue;
                }
                if (at < 0) {
                    positions[edited] = stop;
                    changes[edited++] = 1;
                }
                values[to] = rule;
                ids[to] = part.putSources()[p++];
                if (hashes != null) {
                    hashes[to] = SubsumptionKeys.hashOf(type, rule);
                }
                to++;
            }
            copy(old, oldSources, oldHashes, from, values, ids, hashes, to, old.length - from);
            to += old.length - from;
            rules.put(type, to == capacity ? values : Arrays.copyOf(values, to));
            sources.put(type, to == capacity ? ids : Arrays.copyOf(ids, to));
            if (hashes != null) {
                keyHashes.put(type, to == capacity ? hashes : Arrays.copyOf(hashes, to));
            }
            edits.put(type, new CanonicalText.Edits(positions, changes, edited));
        }
        return RuleSet.patched(base, rules, sources, edits, keyHashes);
    }

    private static void copy(String[] values, long[][] ids, int[] hashes, int from, String[] toValues, long[][] toIds,
            int[] toHashes, int to, int length) {
        System.arraycopy(values, from, toValues, to, length);
        System.arraycopy(ids, from, toIds, to, length);
        if (toHashes != null) {
            System.arraycopy(hashes, from, toHashes, to, length);
        }
    }

    private static void requireSorted(String[] rules) {
        for (int i = 1; i < rules.length; i++) {
            if (rules[i - 1].compareTo(rules[i]) >= 0) {
                throw new IllegalArgumentException("patch rules not sorted and unique at " + rules[i]);
            }
        }
    }
}
