package org.interdict.compile;

import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.interdict.hash.Sha256;

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
    /** Rules whose lengths are read to size a chunk's text. */
    private static final int SIZE_SAMPLES = 256;

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
     *
     * <p>Hashing is sequential, encoding is not: the calling thread hashes the chunks in order and, whenever the
     * next one is not encoded yet, encodes the next unclaimed chunk itself; helpers on the common pool claim
     * chunks from the same counter. So every core encodes, and the digest never waits on a pool that is busy.
     */
    static String digest(Map<RuleType, String[]> rules, Chunk[] chunks, boolean checkOrder) {
        int resume = 0;
        for (int i = 0; i < chunks.length && chunks[i].before() != null; i++) {
            resume = i;
        }
        MessageDigest sha = resume == 0 ? Sha256.start() : copy(chunks[resume].before());
        Encoding encoding = new Encoding(rules, chunks, resume, checkOrder);
        ForkJoinPool pool = ForkJoinPool.commonPool();
        for (int helper = 0; helper < Math.min(pool.getParallelism(), chunks.length - resume - 1); helper++) {
            pool.execute(encoding::encodeUnclaimed);
        }
        for (int i = resume; i < chunks.length; i++) {
            Chunk chunk = encoding.await(i);
            chunks[i] = chunk.withBefore(copy(sha));
            sha.update(encoding.take(i), 0, chunk.length());
        }
        return Sha256.finish(sha);
    }

    /**
     * The chunks of one digest being encoded by whichever thread claims them first. A chunk's text is held strongly
     * from its encoding until it is hashed, and softly after.
     */
    private static final class Encoding {

        private final Map<RuleType, String[]> rules;
        private final Chunk[] chunks;
        private final boolean checkOrder;
        private final AtomicInteger unclaimed;
        private final CompletableFuture<Chunk>[] encoded;
        private final byte[][] texts;

        @SuppressWarnings("unchecked")
        Encoding(Map<RuleType, String[]> rules, Chunk[] chunks, int from, boolean checkOrder) {
            this.rules = rules;
            this.chunks = chunks;
            this.checkOrder = checkOrder;
            unclaimed = new AtomicInteger(from);
            encoded = new CompletableFuture[chunks.length];
            texts = new byte[chunks.length][];
            for (int i = from; i < chunks.length; i++) {
                encoded[i] = new CompletableFuture<>();
            }
        }

        /** Chunk {@code i} once encoded, encoding other chunks meanwhile while it is not. */
        Chunk await(int i) {
            while (!encoded[i].isDone() && encodeNext()) {
                // one more chunk encoded here while chunk i is still being encoded elsewhere
            }
            try {
                return encoded[i].join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }

        /** The text of an awaited chunk, which the encoding then no longer holds. */
        byte[] take(int i) {
            byte[] text = texts[i];
            texts[i] = null;
            return text;
        }

        void encodeUnclaimed() {
            while (encodeNext()) {
                // until every chunk is claimed
            }
        }

        private boolean encodeNext() {
            int i = unclaimed.getAndIncrement();
            if (i >= chunks.length) {
                return false;
            }
            Chunk chunk = chunks[i];
            byte[] text = chunk.bytes();
            if (text != null) {
                texts[i] = text;
                encoded[i].complete(chunk);
                return true;
            }
            try {
                Encoded fresh = encode(chunk, rules.get(chunk.type()), checkOrder);
                texts[i] = fresh.buffer();
                encoded[i].complete(new Chunk(chunk.type(), chunk.from(), chunk.to(),
                        new SoftReference<>(fresh.buffer()), fresh.length(), null));
            } catch (RuntimeException e) {
                encoded[i].completeExceptionally(e);
            }
            return true;
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
        byte[] buffer = new byte[estimatedSize(values, chunk.from(), chunk.to(), prefix.length)];
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
            buffer = withRoom(buffer, used + prefix.length + lengths[(i - chunk.from()) % TOUCH] + 1);
            System.arraycopy(prefix, 0, buffer, used, prefix.length);
            int end = putAscii(value, buffer, used + prefix.length);
            if (end < 0) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                buffer = withRoom(buffer, used + prefix.length + bytes.length + 1);
                System.arraycopy(bytes, 0, buffer, used + prefix.length, bytes.length);
                end = used + prefix.length + bytes.length;
            }
            used = end;
            buffer[used++] = '\n';
        }
        return new Encoded(buffer, used);
    }

    /**
     * The text size of ASCII rules {@code [from, to)} estimated from a sample of their lengths, with a margin: the
     * text is kept, so it should not be much larger than needed, and reading every length first would cost a pass.
     */
    private static int estimatedSize(String[] values, int from, int to, int prefix) {
        int stride = Math.max(1, (to - from) / SIZE_SAMPLES);
        long sampled = 0;
        int samples = 0;
        for (int i = from; i < to; i += stride) {
            sampled += values[i].length();
            samples++;
        }
        long estimate = (to - from) * (prefix + 1L) + sampled * (to - from) / Math.max(1, samples) * 21 / 20 + 64;
        return (int) Math.min(Integer.MAX_VALUE - 8, estimate);
    }

    /** {@code buffer}, or a copy a quarter larger (at least {@code needed}) when it is shorter than that. */
    private static byte[] withRoom(byte[] buffer, int needed) {
        return needed <= buffer.length ? buffer
                : Arrays.copyOf(buffer, Math.max(buffer.length + buffer.length / 4, needed));
    }

    /**
     * Writes {@code value} at {@code at} one byte per char and returns the end, or -1 when that was not its UTF-8
     * encoding. Rules are nearly always ASCII, whose chars are their bytes: copying them directly spares an
     * encoded array per rule.
     */
    private static int putAscii(String value, byte[] buffer, int at) {
        int length = value.length();
        int seen = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            seen |= c;
            buffer[at + i] = (byte) c;
        }
        return seen < 0x80 ? at + length : -1;
    }

}
