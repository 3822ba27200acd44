package org.interdict.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
    /**
     * Rules per digest chunk: enough chunks to share among the cores, and large buffers, which a collection
     * during the digest does not copy (G1 allocates arrays above half a region outside the young generation).
     */
    private static final int CHUNK = 1 << 16;
    /** Chunks encoded together before they are hashed and dropped. */
    private static final int WINDOW = 4;

    private final Map<RuleType, String[]> rules;
    private final Map<RuleType, long[][]> sources;
    /** Computed on first use when the order needs no check: a patch chain loads without hashing each link. */
    private volatile String digest;

    private RuleSet(Map<RuleType, String[]> rules, Map<RuleType, long[][]> sources, boolean checkOrder) {
        this.rules = rules;
        this.sources = sources;
        this.digest = checkOrder ? digest(rules, true) : null;
    }

    /**
     * Takes ownership of the arrays: callers must not change them afterwards. Rules must be sorted and unique
     * per type and {@code sources[i]} must belong to {@code rules[i]}.
     */
    public static RuleSet of(Map<RuleType, String[]> rules, Map<RuleType, long[][]> sources) {
        return build(rules, sources, true);
    }

    /**
     * For the compiler, whose output is sorted and unique by construction (its tests check it): skips the order
     * check, a scattered read of every rule.
     */
    static RuleSet ofSorted(Map<RuleType, String[]> rules, Map<RuleType, long[][]> sources) {
        return build(rules, sources, false);
    }

    private static RuleSet build(Map<RuleType, String[]> rules, Map<RuleType, long[][]> sources, boolean checkOrder) {
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
        return new RuleSet(r, s, checkOrder);
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
            // Two threads may both compute it; they get the same value.
            known = digest(rules, false);
            digest = known;
        }
        return known;
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
        return digest(arrays, true);
    }

    /**
     * Checks the order and hashes the canonical lines. Encoding the lines, which reads every rule once in sorted
     * (hence scattered) memory order, is the costly part and runs on chunks in parallel; only the hashing itself
     * is sequential, over the chunks in order.
     */
    private static String digest(Map<RuleType, String[]> rules, boolean checkOrder) {
        List<Chunk> chunks = new ArrayList<>();
        for (RuleType type : RuleType.values()) {
            String[] values = rules.get(type);
            for (int from = 0; from < values.length; from += CHUNK) {
                chunks.add(new Chunk(type, values, from, Math.min(values.length, from + CHUNK), checkOrder));
            }
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        // A window of chunks at a time, so the canonical text is never all in memory at once; the next window is
        // encoded while this one is hashed, so hashing, which is sequential, does not leave a core idle.
        CompletableFuture<Encoded[]> next = encodeAsync(chunks, 0);
        for (int start = 0; start < chunks.size(); start += WINDOW) {
            Encoded[] encoded = next.join();
            next = encodeAsync(chunks, start + WINDOW);
            for (Encoded bytes : encoded) {
                sha.update(bytes.buffer(), 0, bytes.length());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static CompletableFuture<Encoded[]> encodeAsync(List<Chunk> chunks, int start) {
        if (start >= chunks.size()) {
            return CompletableFuture.completedFuture(new Encoded[0]);
        }
        List<Chunk> window = chunks.subList(start, Math.min(chunks.size(), start + WINDOW));
        return CompletableFuture.supplyAsync(() -> {
            Encoded[] encoded = new Encoded[window.size()];
            Arrays.parallelSetAll(encoded, i -> window.get(i).encode());
            return encoded;
        });
    }

    /** The first {@code length} bytes of {@code buffer}: not trimmed, to spare a copy of every chunk. */
    private record Encoded(byte[] buffer, int length) {}

    /** Rules {@code [from, to)} of one type. */
    private record Chunk(RuleType type, String[] values, int from, int to, boolean checkOrder) {

        /** The canonical lines of the chunk, after checking it continues the order of the rule before it. */
        Encoded encode() {
            byte[] prefix = (type.name() + '\t').getBytes(StandardCharsets.US_ASCII);
            byte[] buffer = new byte[(to - from) * (prefix.length + 32)];
            int used = 0;
            for (int i = from; i < to; i++) {
                String value = values[i];
                if (checkOrder && i > 0 && values[i - 1].compareTo(value) >= 0) {
                    throw new IllegalArgumentException(type + " rules not sorted and unique at " + value);
                }
                // at most three UTF-8 bytes per char (a surrogate pair takes four for two chars)
                int room = prefix.length + 3 * value.length() + 1;
                if (used + room > buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, used + room));
                }
                System.arraycopy(prefix, 0, buffer, used, prefix.length);
                used = putUtf8(value, buffer, used + prefix.length);
                buffer[used++] = '\n';
            }
            return new Encoded(buffer, used);
        }

        /**
         * Writes {@code value} in UTF-8 at {@code at} and returns the end. Rules are nearly always ASCII, whose
         * chars are their bytes: copying them directly spares an encoded array per rule.
         */
        private static int putUtf8(String value, byte[] buffer, int at) {
            int length = value.length();
            int seen = 0;
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                seen |= c;
                buffer[at + i] = (byte) c;
            }
            if (seen < 0x80) {
                return at + length;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(bytes, 0, buffer, at, bytes.length);
            return at + bytes.length;
        }
    }
}
