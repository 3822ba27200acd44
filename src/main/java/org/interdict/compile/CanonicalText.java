package org.interdict.compile;

import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * The canonical text of a rule set (lines {@code TYPE<TAB>rule<LF>}, rule text in UTF-8, types in {@link RuleType}
 * order) in chunks of rules, and its SHA-256. Encoding reads every rule once in sorted, hence scattered, memory
 * order: it is the costly part, so it runs on chunks in parallel, and encoded chunks are kept, so that a patched
 * rule set encodes again only the chunks where rules came or went and hashes the rest as it is.
 */
final class CanonicalText {

    /**
     * Rules per chunk of a fresh rule set: enough chunks to share among the cores, and large buffers, which a
     * collection during the digest does not copy (G1 allocates arrays above half a region outside the young
     * generation).
     */
    private static final int CHUNK = 1 << 16;
    /** Rules whose memory is touched together before they are copied. */
    private static final int TOUCH = 64;
    /** Chunks encoded together, the next window while this one is hashed. */
    private static final int WINDOW = 4;

    private CanonicalText() {}

    /**
     * Rules {@code [from, to)} of one type, and their lines once encoded: the first {@code length} bytes of the text,
     * not trimmed, to spare a copy of every chunk. The text is held softly: memory can take it back, and the chunk is
     * then encoded again when needed; {@code before} is the hash state before the chunk, when known.
     */
    record Chunk(RuleType type, int from, int to, SoftReference<byte[]> text, int length, MessageDigest before) {
        Chunk(RuleType type, int from, int to) {
            this(type, from, to, null, 0, null);
        }

        /** The encoded text, or null when not encoded or taken back. */
        byte[] bytes() {
            return text == null ? null : text.get();
        }

        Chunk withBefore(MessageDigest state) {
            return new Chunk(type, from, to, text, length, state);
        }
    }

    /** Where a patch inserted (+1) or removed (-1) one rule, as positions in the base's rules, ascending. */
    record Edits(int[] positions, int[] changes, int count) {}

    /** Fresh chunks of every type, none encoded. */
    static Chunk[] plan(Map<RuleType, String[]> rules) {
        List<Chunk> chunks = new ArrayList<>();
        for (RuleType type : RuleType.values()) {
            addFresh(chunks, type, 0, rules.get(type).length);
        }
        return chunks.toArray(Chunk[]::new);
    }

    /**
     * The chunks of a patched rule set: each encoded chunk of the base where no rule came or went is kept, at its
     * shifted place; a chunk with an insertion or removal is encoded again, whole. Up to the first such chunk, the
     * text is unchanged, and so is the hash state before each chunk: hashing resumes from there.
     */
    static Chunk[] plan(Chunk[] base, Map<RuleType, Edits> edits, Map<RuleType, String[]> rules) {
        List<Chunk> chunks = new ArrayList<>(base.length + 1);
        boolean intact = true;
        for (RuleType type : RuleType.values()) {
            List<Chunk> old = Arrays.stream(base).filter(c -> c.type() == type).toList();
            Edits typeEdits = edits.get(type);
            if (old.isEmpty()) {
                intact &= rules.get(type).length == 0;
                addFresh(chunks, type, 0, rules.get(type).length);
                continue;
            }
            int shift = 0;
            int k = 0;
            for (int c = 0; c < old.size(); c++) {
                Chunk chunk = old.get(c);
                boolean last = c == old.size() - 1;
                int own = 0;
                boolean touched = false;
                // An insertion at a chunk's end belongs to the next chunk; past the last one, to the last.
                while (typeEdits != null && k < typeEdits.count() && (last || typeEdits.positions()[k] < chunk.to())) {
                    own += typeEdits.changes()[k++];
                    touched = true;
                }
                int from = chunk.from() + shift;
                int to = chunk.to() + shift + own;
                shift += own;
                intact &= !touched;
                if (to > from) {
                    chunks.add(touched ? new Chunk(type, from, to)
                            : new Chunk(type, from, to, chunk.text(), chunk.length(), intact ? chunk.before() : null));
                }
            }
        }
        return chunks.toArray(Chunk[]::new);
    }

    /**
     * Encodes the chunks that are not (replacing them in the array, checking the order of their rules if asked)
     * and returns the lower-case hex SHA-256 of the whole text.
     */
    static String digest(Map<RuleType, String[]> rules, Chunk[] chunks, boolean checkOrder) {
        int resume = 0;
        for (int i = 0; i < chunks.length && chunks[i].before() != null; i++) {
            resume = i;
        }
        MessageDigest sha = resume == 0 ? sha256() : copy(chunks[resume].before());
        // Each window's text is held strongly from its encoding until it is hashed, and softly after.
        CompletableFuture<byte[][]> next = encodeAsync(rules, chunks, resume, checkOrder);
        for (int start = resume; start < chunks.length; start += WINDOW) {
            byte[][] texts = next.join();
            next = encodeAsync(rules, chunks, start + WINDOW, checkOrder);
            for (int i = start; i < Math.min(chunks.length, start + WINDOW); i++) {
                chunks[i] = chunks[i].withBefore(copy(sha));
                sha.update(texts[i - start], 0, chunks[i].length());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest copy(MessageDigest state) {
        try {
            return (MessageDigest) state.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 state cannot be copied", e);
        }
    }

    private static void addFresh(List<Chunk> chunks, RuleType type, int from, int to) {
        for (int start = from; start < to; start += CHUNK) {
            chunks.add(new Chunk(type, start, Math.min(to, start + CHUNK)));
        }
    }

    /** The texts of a window of chunks, encoding those that are not (or no longer) at hand. */
    private static CompletableFuture<byte[][]> encodeAsync(Map<RuleType, String[]> rules, Chunk[] chunks, int start,
            boolean checkOrder) {
        int end = Math.min(chunks.length, start + WINDOW);
        byte[][] texts = new byte[Math.max(0, end - start)][];
        boolean missing = false;
        for (int i = start; i < end; i++) {
            texts[i - start] = chunks[i].bytes();
            missing |= texts[i - start] == null;
        }
        if (!missing) {
            return CompletableFuture.completedFuture(texts);
        }
        return CompletableFuture.supplyAsync(() -> {
            IntStream.range(start, end).parallel().filter(i -> texts[i - start] == null).forEach(i -> {
                Chunk chunk = chunks[i];
                Encoded encoded = encode(chunk, rules.get(chunk.type()), checkOrder);
                texts[i - start] = encoded.buffer();
                chunks[i] = new Chunk(chunk.type(), chunk.from(), chunk.to(), new SoftReference<>(encoded.buffer()),
                        encoded.length(), null);
            });
            return texts;
        });
    }

    private record Encoded(byte[] buffer, int length) {}

    /**
     * Reads the length of each of the next rules, loads that do not depend on one another, so the processor
     * overlaps their cache misses; the rules, scattered over the heap in sorted order, are then at hand to copy.
     */
    private static void touch(String[] values, int from, int to, int[] lengths) {
        for (int i = from; i < to; i++) {
            lengths[i - from] = values[i].length();
        }
    }

    /** The canonical lines of a chunk, after checking that it continues the order of the rule before it. */
    private static Encoded encode(Chunk chunk, String[] values, boolean checkOrder) {
        RuleType type = chunk.type();
        byte[] prefix = (type.name() + '\t').getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[(chunk.to() - chunk.from()) * (prefix.length + 32)];
        int used = 0;
        int[] lengths = new int[TOUCH];
        for (int i = chunk.from(); i < chunk.to(); i++) {
            if ((i - chunk.from()) % TOUCH == 0) {
                touch(values, i, Math.min(chunk.to(), i + TOUCH), lengths);
            }
            String value = values[i];
            if (checkOrder && i > 0 && values[i - 1].compareTo(value) >= 0) {
                throw new IllegalArgumentException(type + " rules not sorted and unique at " + value);
            }
            // at most three UTF-8 bytes per char (a surrogate pair takes four for two chars)
            int room = prefix.length + 3 * lengths[(i - chunk.from()) % TOUCH] + 1;
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
     * Writes {@code value} in UTF-8 at {@code at} and returns the end. Rules are nearly always ASCII, whose chars are
     * their bytes: copying them directly spares an encoded array per rule.
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
