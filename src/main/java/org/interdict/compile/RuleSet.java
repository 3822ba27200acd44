package org.interdict.compile;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable compiled rule set: per type, rules sorted in canonical (byte) order without duplicates, each
 * with the ascending ids of the directives behind it.
 *
 * <p>Canonical order is {@link String#compareTo} for every type, IP blocks included: the same order as {@code
 * LC_ALL=C sort} on the ASCII rule text, so any tool can reproduce the digest from the rule lines, and deltas
 * are one linear merge per type. Numeric order of blocks is the matcher's business, not the canonical form's.
 *
 * <p>The digest covers the rules only (what an appliance loads), not their provenance: SHA-256 over the
 * lines {@code TYPE<TAB>rule<LF>} (rule text in UTF-8), types in {@link RuleType} order. The provenance has a
 * digest of its own, {@link #provenanceDigest()}.
 */
public final class RuleSet {

    private static final String[] NO_RULES = new String[0];
    private static final long[][] NO_SOURCES = new long[0][];
    private final Map<RuleType, String[]> rules;
    private final Map<RuleType, long[][]> sources;
    /** Computed on first use when the order needs no check: a patch chain loads without hashing each link. */
    private volatile String digest;
    /** Computed on first use: most rule sets are compared by their rules alone. */
    private volatile String provenanceDigest;
    /** The chunks of canonical text to hash, some already encoded (by a base), until the digest is known. */
    private CanonicalText.Chunk[] plan;
    /** The chunks once hashed, for rule sets patched from this one (memory may take back their text). */
    private volatile CanonicalText.Chunk[] encoded;
    /** Per type, the hash of each rule's subsumption key, computed when first asked for or kept through a patch. */
    private final int[][] keyHashes = new int[RuleType.values().length][];

    private RuleSet(Map<RuleType, String[]> rules, Map<RuleType, long[][]> sources, boolean checkOrder,
            CanonicalText.Chunk[] plan) {
        this.rules = rules;
        this.sources = sources;
        this.plan = plan == null ? CanonicalText.plan(rules) : plan;
        if (checkOrder) {
            digest = hash(true);
        }
    }

    /**
     * Takes ownership of the arrays: callers must not change them afterwards. Rules must be sorted and unique
     * per type and {@code sources[i]} must belong to {@code rules[i]}.
     */
    public static RuleSet of(Map<RuleType, String[]> rules, Map<RuleType, long[][]> sources) {
        return build(rules, sources, true, null);
    }

    /**
     * For the compiler, whose output is sorted and unique by construction (its tests check it): skips the order
     * check, a scattered read of every rule.
     */
    static RuleSet ofSorted(Map<RuleType, String[]> rules, Map<RuleType, long[][]> sources) {
        return build(rules, sources, false, null);
    }

    /**
     * A rule set patched from {@code base}: sorted by construction, and its digest re-encodes only the chunks of
     * canonical text where rules were inserted or removed, when the base's encoded text is still at hand.
     */
    static RuleSet patched(RuleSet base, Map<RuleType, String[]> rules, Map<RuleType, long[][]> sources,
            Map<RuleType, CanonicalText.Edits> edits, Map<RuleType, int[]> keyHashes) {
        CanonicalText.Chunk[] baseText = base.encoded;
        RuleSet patched = build(rules, sources, false,
                baseText == null ? null : CanonicalText.plan(baseText, edits, rules));
        keyHashes.forEach((type, hashes) -> patched.keyHashes[type.ordinal()] = hashes);
        return patched;
    }

    private static RuleSet build(Map<RuleType, String[]> rules, Map<RuleType, long[][]> sources, boolean checkOrder,
            CanonicalText.Chunk[] plan) {
        EnumMap<RuleType, String[]> r = new EnumMap<>(RuleType.class);
        EnumMap<RuleType, long[][]> s = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            String[] values = rules.getOrDefault(type, NO_RULES);
            long[][] ids = sources.getOrDefault(type, NO_SOURCES);
            if (values.length != ids.length) {
                throw new IllegalArgumentException(type + ": " + values.length + " rules but " + ids.length + " sources");
            }
            r.put(type, values);
            s.put(type, ids);
        }
        return new RuleSet(r, s, checkOrder, plan);
    }

    public static RuleSet empty() {
        return of(Map.of(), Map.of());
    }

    /** The sorted rules of one type, as an unmodifiable view. */
    public List<String> rules(RuleType type) {
        return Collections.unmodifiableList(Arrays.asList(rules.get(type)));
    }

    /** The sorted rules of one type without a copy, for linear merges inside this package; never modified. */
    String[] rulesArray(RuleType type) {
        return rules.get(type);
    }

    /** The provenance of every rule of one type without a copy, for this package; never modified. */
    long[][] sourcesArray(RuleType type) {
        return sources.get(type);
    }

    /** The ids of the directives behind rule {@code index} of {@code type}, ascending. */
    public long[] sources(RuleType type, int index) {
        return sources.get(type)[index].clone();
    }

    public int count(RuleType type) {
        return rules.get(type).length;
    }

    /** How many rules of each type. */
    public Map<RuleType, Integer> counts() {
        Map<RuleType, Integer> counts = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            counts.put(type, count(type));
        }
        return counts;
    }

    public int size() {
        int n = 0;
        for (String[] values : rules.values()) {
            n += values.length;
        }
        return n;
    }

    /** Lower-case hex SHA-256 of the canonical text. */
    public String digest() {
        String known = digest;
        if (known == null) {
            known = hash(false);
            digest = known;
        }
        return known;
    }

    /**
     * Lower-case hex SHA-256 of the provenance (see {@link ProvenanceDigest}): with {@link #digest()}, what tells two
     * rule sets apart when the same rules stand for different directives.
     */
    public String provenanceDigest() {
        String known = provenanceDigest;
        if (known == null) {
            known = ProvenanceDigest.of(sources);
            provenanceDigest = known;
        }
        return known;
    }

    private synchronized String hash(boolean checkOrder) {
        if (digest != null) {
            return digest;
        }
        CanonicalText.Chunk[] chunks = plan;
        String hex = CanonicalText.digest(rules, chunks, checkOrder);
        encoded = chunks;
        plan = null;
        return hex;
    }

    /**
     * The hash of each rule's subsumption key, for the types whose rules have one of their own (names, URLs):
     * lets a change find the rules of its keys by scanning integers, not strings scattered over the heap.
     */
    synchronized int[] keyHashes(RuleType type) {
        int[] hashes = keyHashes[type.ordinal()];
        if (hashes == null) {
            String[] values = rules.get(type);
            hashes = new int[values.length];
            Arrays.parallelSetAll(hashes, i -> SubsumptionKeys.hashOf(type, values[i]));
            keyHashes[type.ordinal()] = hashes;
        }
        return hashes;
    }

    /** The key hashes if already known, else null. */
    synchronized int[] knownKeyHashes(RuleType type) {
        return keyHashes[type.ordinal()];
    }

    /**
     * The digest a rule set with exactly these rules would have, e.g. to check the result of applying a {@link
     * Delta}. Each list must be in canonical order.
     */
    public static String digestOf(Map<RuleType, ? extends List<String>> rules) {
        Map<RuleType, String[]> arrays = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            List<String> ofType = rules.get(type);
            arrays.put(type, ofType == null ? NO_RULES : ofType.toArray(NO_RULES));
        }
        return CanonicalText.digest(arrays, CanonicalText.plan(arrays), true);
    }

}
