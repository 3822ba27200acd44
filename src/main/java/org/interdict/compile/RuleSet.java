package org.interdict.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An immutable compiled rule set: per type, rules sorted in canonical (byte) order without duplicates, each
 * with the ascending ids of the directives behind it.
 *
 * <p>Canonical order is {@link String#compareTo} for every type, IP blocks included: the same order as {@code
 * LC_ALL=C sort} on the ASCII rule text, so any tool can reproduce the digest from the rule lines, and deltas
 * are one linear merge per type. Numeric order of blocks is the matcher's business, not the canonical form's.
 *
 * <p>The digest covers the rules only (what an appliance loads), not their provenance: SHA-256 over the
 * lines {@code TYPE<TAB>rule<LF>} (rule text in UTF-8), types in {@link RuleType} order.
 */
public final class RuleSet {

    private static final String[] NO_RULES = new String[0];
    private static final long[][] NO_SOURCES = new long[0][];

    private final Map<RuleType, String[]> rules;
    private final Map<RuleType, long[][]> sources;
    private final String digest;

    private RuleSet(Map<RuleType, String[]> rules, Map<RuleType, long[][]> sources) {
        this.rules = rules;
        this.sources = sources;
        this.digest = computeDigest();
    }

    /**
     * Takes ownership of the arrays: callers must not change them afterwards. Rules must be sorted and unique
     * per type and {@code sources[i]} must belong to {@code rules[i]}.
     */
    public static RuleSet of(Map<RuleType, String[]> rules, Map<RuleType, long[][]> sources) {
        EnumMap<RuleType, String[]> r = new EnumMap<>(RuleType.class);
        EnumMap<RuleType, long[][]> s = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            String[] values = rules.getOrDefault(type, NO_RULES);
            long[][] ids = sources.getOrDefault(type, NO_SOURCES);
            if (values.length != ids.length) {
                throw new IllegalArgumentException(type + ": " + values.length + " rules but " + ids.length + " sources");
            }
            for (int i = 1; i < values.length; i++) {
                if (values[i - 1].compareTo(values[i]) >= 0) {
                    throw new IllegalArgumentException(type + " rules not sorted and unique at " + values[i]);
                }
            }
            r.put(type, values);
            s.put(type, ids);
        }
        return new RuleSet(r, s);
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

    /** The ids of the directives behind rule {@code index} of {@code type}, ascending. */
    public long[] sources(RuleType type, int index) {
        return sources.get(type)[index].clone();
    }

    public int count(RuleType type) {
        return rules.get(type).length;
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
        return digest;
    }

    private String computeDigest() {
        return digestOf(type -> Arrays.asList(rules.get(type)));
    }

    /**
     * The digest a rule set with exactly these rules would have, e.g. to check the result of applying a {@link
     * Delta}. Each list must already be in canonical order.
     */
    public static String digestOf(Map<RuleType, ? extends List<String>> rules) {
        return digestOf(type -> {
            List<String> ofType = rules.get(type);
            return ofType == null ? List.of() : ofType;
        });
    }

    /** Feeds the canonical lines through one reused buffer rather than one digest call per line. */
    private static String digestOf(Function<RuleType, List<String>> rulesOfType) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        int used = 0;
        for (RuleType type : RuleType.values()) {
            byte[] prefix = (type.name() + '\t').getBytes(StandardCharsets.US_ASCII);
            for (String value : rulesOfType.apply(type)) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                int length = prefix.length + bytes.length + 1;
                if (used + length > buffer.length) {
                    sha.update(buffer, 0, used);
                    used = 0;
                    if (length > buffer.length) {
                        buffer = new byte[Integer.highestOneBit(length) << 1];
                    }
                }
                System.arraycopy(prefix, 0, buffer, used, prefix.length);
                System.arraycopy(bytes, 0, buffer, used + prefix.length, bytes.length);
                used += length;
                buffer[used - 1] = '\n';
            }
        }
        sha.update(buffer, 0, used);
        return HexFormat.of().formatHex(sha.digest());
    }
}
