package org.interdict.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.interdict.target.TargetType;

/**
 * Merges the blocked addresses and blocks of one IP family into the fewest CIDR blocks covering exactly the
 * same addresses, minus the protected ones.
 *
 * <p>Values are 128-bit numbers held as two longs (IPv4 in the low word), kept in parallel primitive arrays:
 * a national register holds hundreds of thousands of them, and an object per value would dominate the cost.
 */
final class CidrAggregator {

    private final boolean ipv6;
    private final int width;
    private final long[] range = new long[4];
    private final byte[] text = new byte[IpText.MAX_TEXT];

    private long[] startHi = new long[16];
    private long[] startLo = new long[16];
    private long[] endHi = new long[16];
    private long[] endLo = new long[16];
    private long[] ids = new long[16];
    private String[] texts = new String[16];
    private int size;

    /** Protected ranges as given, in canonical allowlist order, and how a conflict report names each. */
    private final List<AllowEntry> allowEntries = new ArrayList<>();
    private final List<long[]> allowRanges = new ArrayList<>();
    private final List<String> allowNames = new ArrayList<>();
    /** The same ranges merged: sorted, disjoint and non-adjacent, as {startHi, startLo, endHi, endLo}. */
    private long[][] protectedRanges;

    private final SingleIds singles;

    CidrAggregator(boolean ipv6, SingleIds singles) {
        this.singles = singles;
        this.ipv6 = ipv6;
        this.width = ipv6 ? 128 : 32;
    }

    void add(long directiveId, String text) {
        parse(text);
        if (size == ids.length) {
            ensureCapacity(size * 2);
        }
        startHi[size] = range[IpText.START_HI];
        startLo[size] = range[IpText.START_LO];
        endHi[size] = range[IpText.END_HI];
        endLo[size] = range[IpText.END_LO];
        ids[size] = directiveId;
        texts[size++] = text;
    }

    int size() {
        return size;
    }

    /** Makes room for {@code capacity} targets at once, rather than growing by copies. */
    void ensureCapacity(int capacity) {
        if (capacity > ids.length) {
            startHi = Arrays.copyOf(startHi, capacity);
            startLo = Arrays.copyOf(startLo, capacity);
            endHi = Arrays.copyOf(endHi, capacity);
            endLo = Arrays.copyOf(endLo, capacity);
            ids = Arrays.copyOf(ids, capacity);
            texts = Arrays.copyOf(texts, capacity);
        }
    }

    /** Entries must arrive in canonical allowlist order. */
    void protect(AllowEntry entry) {
        protect(entry, entry.value(), "protected " + entry.value());
    }

    /**
     * Protects {@code block}, a range of this family that stands for {@code entry}'s addresses (the IPv6 image of
     * an IPv4 entry); conflicts with it name {@code entry} and are described as {@code name}.
     */
    void protect(AllowEntry entry, String block, String name) {
        parse(block);
        allowEntries.add(entry);
        allowRanges.add(range.clone());
        allowNames.add(name);
    }

    /** The allowlist entries covering {@code text} (a bare address of this family). */
    List<AllowEntry> protecting(String text) {
        // a range of its own: this may run while another thread adds targets
        long[] address = new long[4];
        parse(text, address);
        List<AllowEntry> found = new ArrayList<>();
        for (int i = 0; i < allowRanges.size(); i++) {
            if (overlaps(allowRanges.get(i), address[0], address[1], address[2], address[3])) {
                found.add(allowEntries.get(i));
            }
        }
        return found;
    }

    /** Adds the merged, carved blocks to {@code out} and every collision with the allowlist to {@code conflicts}. */
    void aggregate(RuleBuffer out, Collection<Conflict> conflicts) {
        mergeProtected();
        sortByStart();
        int[] active = new int[16];
        int from = 0;
        while (from < size) {
            int first = from;
            long groupEndHi = endHi[first];
            long groupEndLo = endLo[first];
            int to = from + 1;
            while (to < size && touches(to, groupEndHi, groupEndLo)) {
                int next = to++;
                if (compare(endHi[next], endLo[next], groupEndHi, groupEndLo) > 0) {
                    groupEndHi = endHi[next];
                    groupEndLo = endLo[next];
                }
            }
            active = emitGroup(from, to, groupEndHi, groupEndLo, active, out, conflicts);
            from = to;
        }
    }

    /**
     * Emits the blocks of one merged run {@code [from, to)}: the run minus the protected ranges, each piece
     * split into aligned blocks. A block's provenance is the directives whose targets intersect it, found by a
     * sweep over the run's targets (sorted by start) keeping those still open.
     */
    private int[] emitGroup(int from, int to, long lastHi, long lastLo, int[] active, RuleBuffer out,
            Collection<Conflict> conflicts) {
        int first = from;
        long pieceHi = startHi[first];
        long pieceLo = startLo[first];
        int p = firstProtectedEndingAtOrAfter(pieceHi, pieceLo);
        boolean carved = p < protectedRanges.length
                && compare(protectedRanges[p][0], protectedRanges[p][1], lastHi, lastLo) <= 0;
        if (carved) {
            reportConflicts(from, to, conflicts);
        }
        int next = from;
        int activeCount = 0;
        while (true) {
            if (p < protectedRanges.length
                    && compare(protectedRanges[p][0], protectedRanges[p][1], pieceHi, pieceLo) <= 0) {
                // the piece starts inside a protected range: resume just after it
                long[] guard = protectedRanges[p++];
                if (compare(guard[2], guard[3], lastHi, lastLo) >= 0) {
                    return active;
                }
                pieceHi = guard[3] == -1L ? guard[2] + 1 : guard[2];
                pieceLo = guard[3] + 1;
                continue;
            }
            long pieceEndHi = lastHi;
            long pieceEndLo = lastLo;
            if (p < protectedRanges.length
                    && compare(protectedRanges[p][0], protectedRanges[p][1], lastHi, lastLo) <= 0) {
                long[] guard = protectedRanges[p];
                pieceEndHi = guard[1] == 0 ? guard[0] - 1 : guard[0];
                pieceEndLo = guard[1] - 1;
            }
            long hi = pieceHi;
            long lo = pieceLo;
            while (true) {
                int bits = blockBits(hi, lo, pieceEndHi, pieceEndLo);
                long blockEndHi = bits > 64 ? hi | IpText.mask(bits - 64) : hi;
                long blockEndLo = bits >= 64 ? -1L : lo | IpText.mask(bits);
                while (next < to
                        && compare(startHi[next], startLo[next], blockEndHi, blockEndLo) <= 0) {
                    if (activeCount == active.length) {
                        active = Arrays.copyOf(active, activeCount * 2);
                    }
                    active[activeCount++] = next++;
                }
                int kept = 0;
                for (int a = 0; a < activeCount; a++) {
                    int t = active[a];
                    if (compare(endHi[t], endLo[t], hi, lo) >= 0) {
                        active[kept++] = t;
                    }
                }
                activeCount = kept;
                out.add(format(hi, lo, width - bits), provenance(active, activeCount));
                if (blockEndHi == pieceEndHi && blockEndLo == pieceEndLo) {
                    break;
                }
                hi = blockEndLo == -1L ? blockEndHi + 1 : blockEndHi;
                lo = blockEndLo + 1;
            }
            if (pieceEndHi == lastHi && pieceEndLo == lastLo) {
                return active;
            }
            pieceHi = protectedRanges[p][0];
            pieceLo = protectedRanges[p][1];
        }
    }

    /** The host bits of the largest aligned block starting at {@code start} and ending at or before {@code end}. */
    private int blockBits(long hi, long lo, long endHi, long endLo) {
        int alignment = lo != 0 ? Long.numberOfTrailingZeros(lo) : hi != 0 ? 64 + Long.numberOfTrailingZeros(hi) : width;
        alignment = Math.min(alignment, width);
        // span = end - start, then the largest k with 2^k - 1 <= span
        long spanLo = endLo - lo;
        long spanHi = endHi - hi - (Long.compareUnsigned(endLo, lo) < 0 ? 1 : 0);
        long countLo = spanLo + 1;
        long countHi = spanHi + (countLo == 0 ? 1 : 0);
        int fits;
        if (countHi == 0 && countLo == 0) {
            fits = 128;
        } else {
            fits = countHi != 0 ? 127 - Long.numberOfLeadingZeros(countHi) : 63 - Long.numberOfLeadingZeros(countLo);
        }
        return Math.min(alignment, fits);
    }

    private long[] provenance(int[] active, int count) {
        if (count == 1) {
            return singles.of(ids[active[0]]);
        }
        IdList list = new IdList(ids[active[0]]);
        for (int a = 1; a < count; a++) {
            list.add(ids[active[a]]);
        }
        return list.toArray();
    }

    private void reportConflicts(int from, int to, Collection<Conflict> conflicts) {
        for (int k = from; k < to; k++) {
            int t = k;
            int p = firstProtectedEndingAtOrAfter(startHi[t], startLo[t]);
            if (p == protectedRanges.length
                    || compare(protectedRanges[p][0], protectedRanges[p][1], endHi[t], endLo[t]) > 0) {
                continue;
            }
            long[] guard = protectedRanges[p];
            boolean inside = compare(guard[0], guard[1], startHi[t], startLo[t]) <= 0
                    && compare(guard[2], guard[3], endHi[t], endLo[t]) >= 0;
            Resolution resolution = inside ? Resolution.REFUSED : Resolution.CARVED;
            for (int e = 0; e < allowEntries.size(); e++) {
                if (overlaps(allowRanges.get(e), startHi[t], startLo[t], endHi[t], endLo[t])) {
                    AllowEntry entry = allowEntries.get(e);
                    String protectedRange = allowNames.get(e) + " (" + entry.reason() + ")";
                    String message = inside
                            ? texts[t] + " lies inside " + protectedRange
                            : texts[t] + " carved around " + protectedRange;
                    conflicts.add(new Conflict(ids[t], TargetType.IP, texts[t], entry, resolution, message));
                }
            }
        }
    }

    /** Index of the first merged protected range whose end is at or after the given address. */
    private int firstProtectedEndingAtOrAfter(long hi, long lo) {
        int low = 0;
        int high = protectedRanges.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (compare(protectedRanges[mid][2], protectedRanges[mid][3], hi, lo) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void mergeProtected() {
        long[][] sorted = allowRanges.toArray(new long[0][]);
        Arrays.sort(sorted, (a, b) -> compare(a[0], a[1], b[0], b[1]));
        List<long[]> merged = new ArrayList<>();
        for (long[] r : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && touches(r[0], r[1], last[2], last[3])) {
                if (compare(r[2], r[3], last[2], last[3]) > 0) {
                    last[2] = r[2];
                    last[3] = r[3];
                }
            } else {
                merged.add(r.clone());
            }
        }
        protectedRanges = merged.toArray(new long[0][]);
    }

    /**
     * Puts the targets in ascending order of start (ties in input order), so that aggregation reads them in
     * sequence: a least-significant-byte-first radix sort of their indices, skipping the bytes on which every
     * start agrees (the high word of IPv4, a shared IPv6 prefix), then one gather per array.
     */
    private void sortByStart() {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        int[] scratch = new int[size];
        int[] count = new int[257];
        for (int b = 0; b < width / 8; b++) {
            long[] word = b < 8 ? startLo : startHi;
            int shift = 8 * (b & 7);
            Arrays.fill(count, 0);
            for (int i = 0; i < size; i++) {
                count[((int) (word[i] >>> shift) & 0xFF) + 1]++;
            }
            if (size == 0 || count[((int) (word[0] >>> shift) & 0xFF) + 1] == size) {
                continue;
            }
            for (int d = 0; d < 256; d++) {
                count[d + 1] += count[d];
            }
            for (int k = 0; k < size; k++) {
                int t = order[k];
                scratch[count[(int) (word[t] >>> shift) & 0xFF]++] = t;
            }
            int[] swap = order;
            order = scratch;
            scratch = swap;
        }
        if (ipv6) {
            // the high words of IPv4 targets are all zero
            startHi = gather(startHi, order);
            endHi = gather(endHi, order);
        }
        startLo = gather(startLo, order);
        endLo = gather(endLo, order);
        ids = gather(ids, order);
        String[] sortedTexts = new String[size];
        for (int k = 0; k < size; k++) {
            sortedTexts[k] = texts[order[k]];
        }
        texts = sortedTexts;
    }

    private long[] gather(long[] values, int[] order) {
        long[] sorted = new long[size];
        for (int k = 0; k < size; k++) {
            sorted[k] = values[order[k]];
        }
        return sorted;
    }

    /** Whether target {@code t} starts at or before the address just after {@code end}. */
    private boolean touches(int t, long endHiValue, long endLoValue) {
        return touches(startHi[t], startLo[t], endHiValue, endLoValue);
    }

    private static boolean touches(long hi, long lo, long endHiValue, long endLoValue) {
        if (endHiValue == -1L && endLoValue == -1L) {
            return true;
        }
        long nextLo = endLoValue + 1;
        long nextHi = nextLo == 0 ? endHiValue + 1 : endHiValue;
        return compare(hi, lo, nextHi, nextLo) <= 0;
    }

    private static boolean overlaps(long[] r, long hi, long lo, long endHiValue, long endLoValue) {
        return compare(r[0], r[1], endHiValue, endLoValue) <= 0 && compare(r[2], r[3], hi, lo) >= 0;
    }

    static int compare(long aHi, long aLo, long bHi, long bLo) {
        int c = Long.compareUnsigned(aHi, bHi);
        return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
    }

    private String format(long hi, long lo, int prefix) {
        return ipv6 ? IpText.formatIpv6(hi, lo, prefix, text) : IpText.formatIpv4(lo, prefix, text);
    }

    private void parse(String text) {
        parse(text, range);
    }

    private void parse(String text, long[] into) {
        if (ipv6) {
            IpText.parseIpv6(text, into);
        } else {
            IpText.parseIpv4(text, into);
        }
    }
}
