package org.interdict.compile;

import java.util.Arrays;

/**
 * Sorts strings in {@link String#compareTo} order and groups equal ones, returning a permutation rather than
 * moving the strings.
 *
 * <p>Each string is read once, in the order given (which is usually allocation order, hence cache friendly), to
 * pack its first eight characters into a long whose unsigned order agrees with the string order. The longs are
 * then radix sorted with the string indices, which never touches a string again. Only strings whose keys tie
 * are read once more: the next eight characters when the tie is exact, a full comparison otherwise. Comparison
 * sorts over the strings themselves spent most of their time on cache misses.
 */
final class StringSorter {

    /** Below this many elements insertion sort beats the radix passes. */
    private static final int INSERTION_MAX = 256;
    private static final int KEY_CHARS = 8;
    private static final int DIGIT_BITS = 11;
    private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;
    private static final int DIGITS = (64 + DIGIT_BITS - 1) / DIGIT_BITS;

    private final String[] values;
    private final long[] keys;
    private final int[] order;
    private final boolean[] startsGroup;

    private StringSorter(String[] values, int size) {
        this.values = values;
        keys = new long[size];
        order = new int[size];
        startsGroup = new boolean[size];
        for (int i = 0; i < size; i++) {
            keys[i] = key(values[i], 0);
            order[i] = i;
        }
    }

    /**
     * The sorted order of {@code values[0, size)}.
     *
     * @return {@code order[k]} is the index of the k-th smallest value (equal values stay in input order), and
     *     {@code startsGroup[k]} tells whether it differs from the one before
     */
    static Sorted sort(String[] values, int size) {
        StringSorter sorter = new StringSorter(values, size);
        if (size > 0) {
            sorter.startsGroup[0] = true;
            sorter.sortRange(0, size, 0);
        }
        return new Sorted(sorter.order, sorter.startsGroup);
    }

    /** A sorted permutation and where each run of equal values begins. */
    record Sorted(int[] order, boolean[] startsGroup) {}

    /**
     * Sorts {@code [from, to)}, whose values agree on their first {@code offset} characters and whose keys hold
     * the characters from {@code offset} on.
     */
    private void sortRange(int from, int to, int offset) {
        if (to - from <= INSERTION_MAX) {
            insertionSort(from, to);
        } else {
            radixSort(from, to);
        }
        // Runs of equal keys, as (start, end) pairs; the end is negated when the run's key held eight characters.
        int[] runs = new int[8];
        int runCount = 0;
        int run = from;
        for (int k = from + 1; k <= to; k++) {
            if (k == to || keys[k] != keys[run]) {
                if (k - run > 1) {
                    if (runCount + 2 > runs.length) {
                        runs = Arrays.copyOf(runs, runs.length * 2);
                    }
                    runs[runCount++] = run;
                    runs[runCount++] = holdsEightCharacters(keys[run]) ? -k : k;
                }
                if (k < to) {
                    startsGroup[k] = true;
                }
                run = k;
            }
        }
        // The next eight characters of every tied string, read in one loop whose loads do not depend on one
        // another, so that the processor overlaps their cache misses.
        for (int r = 0; r < runCount; r += 2) {
            if (runs[r + 1] < 0) {
                for (int k = runs[r]; k < -runs[r + 1]; k++) {
                    keys[k] = key(values[order[k]], offset + KEY_CHARS);
                }
            }
        }
        for (int r = 0; r < runCount; r += 2) {
            if (runs[r + 1] < 0) {
                sortRange(runs[r], -runs[r + 1], offset + KEY_CHARS);
            } else {
                compareWhole(runs[r], runs[r + 1]);
            }
        }
    }

    /**
     * Orders a run of equal keys that did not hold eight real characters (short strings, NUL or non-Latin
     * characters), comparing the strings whole. A run whose keys held eight characters agrees on them, and the
     * next eight decide, in {@link #sortRange}.
     */
    private void compareWhole(int from, int to) {
        Integer[] run = new Integer[to - from];
        for (int k = from; k < to; k++) {
            run[k - from] = order[k];
        }
        Arrays.sort(run, (a, b) -> values[a].compareTo(values[b]));
        order[from] = run[0];
        for (int k = from + 1; k < to; k++) {
            order[k] = run[k - from];
            startsGroup[k] = !values[order[k]].equals(values[order[k - 1]]);
        }
    }

    private static boolean holdsEightCharacters(long key) {
        for (int shift = 0; shift < 64; shift += 8) {
            int b = (int) (key >>> shift) & 0xFF;
            if (b == 0 || b == 0xFF) {
                return false;
            }
        }
        return true;
    }

    /**
     * Characters {@code [offset, offset + 8)} as big-endian bytes, zero-padded past the end. From the first
     * character above 0xFE on, every byte is 0xFF. Hence a smaller key means a smaller string among strings
     * that agree before {@code offset}; equal keys decide nothing.
     */
    static long key(String value, int offset) {
        long key = 0;
        int end = Math.min(offset + KEY_CHARS, value.length());
        int i = offset;
        for (; i < end; i++) {
            char c = value.charAt(i);
            if (c >= 0xFF) {
                int filled = i - offset;
                return key << (8 * (KEY_CHARS - filled)) | (-1L >>> (8 * filled));
            }
            key = key << 8 | c;
        }
        int filled = Math.max(0, i - offset);
        return filled == KEY_CHARS ? key : key << (8 * (KEY_CHARS - filled));
    }

    private void insertionSort(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long key = keys[i];
            int index = order[i];
            int j = i - 1;
            while (j >= from && Long.compareUnsigned(keys[j], key) > 0) {
                keys[j + 1] = keys[j];
                order[j + 1] = order[j];
                j--;
            }
            keys[j + 1] = key;
            order[j + 1] = index;
        }
    }

    /**
     * Stable least-significant-digit-first radix sort of the keys, in digits of {@link #DIGIT_BITS} bits (six passes
     * over 64 bits where bytes would take eight), skipping digits on which all keys agree.
     */
    private void radixSort(int from, int to) {
        int n = to - from;
        int[][] counts = new int[DIGITS][1 << DIGIT_BITS];
        for (int k = from; k < to; k++) {
            long key = keys[k];
            for (int d = 0; d < DIGITS; d++) {
                counts[d][(int) (key >>> (DIGIT_BITS * d)) & DIGIT_MASK]++;
            }
        }
        // passes alternate between the range and a scratch array, so the result may need copying back
        long[] srcKeys = keys;
        int[] srcOrder = order;
        int src = from;
        long[] dstKeys = new long[n];
        int[] dstOrder = new int[n];
        int dst = 0;
        for (int d = 0; d < DIGITS; d++) {
            int[] count = counts[d];
            int shift = DIGIT_BITS * d;
            if (count[(int) (srcKeys[src] >>> shift) & DIGIT_MASK] == n) {
                continue;
            }
            int sum = dst;
            for (int v = 0; v < count.length; v++) {
                int c = count[v];
                count[v] = sum;
                sum += c;
            }
            for (int k = src; k < src + n; k++) {
                long key = srcKeys[k];
                int at = count[(int) (key >>> shift) & DIGIT_MASK]++;
                dstKeys[at] = key;
                dstOrder[at] = srcOrder[k];
            }
            long[] swapKeys = srcKeys;
            srcKeys = dstKeys;
            dstKeys = swapKeys;
            int[] swapOrder = srcOrder;
            srcOrder = dstOrder;
            dstOrder = swapOrder;
            int swap = src;
            src = dst;
            dst = swap;
        }
        if (srcKeys != keys) {
            System.arraycopy(srcKeys, src, keys, from, n);
            System.arraycopy(srcOrder, src, order, from, n);
        }
    }
}
