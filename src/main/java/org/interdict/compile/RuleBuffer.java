package org.interdict.compile;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Collects the rules of one type with their provenance, then sorts both together in canonical order.
 *
 * <p>The sort is a merge sort over parallel arrays, so the provenance follows its rule without wrapping each
 * pair in an object. Each rule also gets an abbreviated key: its first eight characters packed into a long whose
 * unsigned order agrees with {@link String#compareTo}, so most comparisons touch neither the string nor its
 * bytes, which would be a cache miss each. Large inputs sort their two halves concurrently: {@code
 * Arrays.parallelSort} falls back to one thread when the common pool has a single worker, as on two cores.
 */
final class RuleBuffer {

    private static final int INSERTION_SORT_MAX = 12;
    private static final int PARALLEL_MIN = 1 << 15;

    private String[] values;
    private long[][] sources;
    private int size;

    RuleBuffer(int expected) {
        values = new String[Math.max(8, expected)];
        sources = new long[values.length][];
    }

    void add(String value, long[] ids) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            sources = Arrays.copyOf(sources, size * 2);
        }
        values[size] = value;
        sources[size++] = ids;
    }

    /** Sorts and trims, then returns the rules; call once, before {@link #sortedSources()}. Values must be unique. */
    String[] sortedValues() {
        sort();
        return values;
    }

    long[][] sortedSources() {
        return sources;
    }

    /**
     * The first eight characters as big-endian bytes, zero-padded. From the first character above 0xFE on, every
     * byte is 0xFF, so such keys tie and the strings decide; below that the key order is the string order.
     */
    static long abbreviate(String value) {
        long key = 0;
        int length = Math.min(8, value.length());
        int i = 0;
        for (; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0xFF) {
                return key << (8 * (8 - i)) | (-1L >>> (8 * i));
            }
            key = key << 8 | c;
        }
        return i == 8 ? key : key << (8 * (8 - i));
    }

    private void sort() {
        if (values.length != size) {
            values = Arrays.copyOf(values, size);
            sources = Arrays.copyOf(sources, size);
        }
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = abbreviate(values[i]);
        }
        Sorter into = new Sorter(keys, values, sources);
        Sorter scratch = new Sorter(keys.clone(), values.clone(), sources.clone());
        if (size < PARALLEL_MIN) {
            mergeSort(scratch, into, 0, size);
            return;
        }
        int mid = size >>> 1;
        ForkJoinTask<?> left = ForkJoinPool.commonPool().submit(() -> mergeSort(into, scratch, 0, mid));
        mergeSort(into, scratch, mid, size);
        left.join();
        merge(scratch, into, 0, mid, size);
    }

    /** Sorts {@code [from, to)} into {@code dst}, using {@code src} (same content on entry) as scratch space. */
    private static void mergeSort(Sorter src, Sorter dst, int from, int to) {
        if (to - from <= INSERTION_SORT_MAX) {
            dst.insertionSort(from, to);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(dst, src, from, mid);
        mergeSort(dst, src, mid, to);
        if (src.compare(mid - 1, mid) <= 0) {
            src.copyTo(dst, from, to);
            return;
        }
        merge(src, dst, from, mid, to);
    }

    private static void merge(Sorter src, Sorter dst, int from, int mid, int to) {
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && src.compare(i, j) <= 0)) {
                dst.set(k, src, i++);
            } else {
                dst.set(k, src, j++);
            }
        }
    }

    /** One set of the parallel arrays being sorted. */
    private record Sorter(long[] keys, String[] values, long[][] sources) {

        int compare(int i, int j) {
            int c = Long.compareUnsigned(keys[i], keys[j]);
            return c != 0 ? c : values[i].compareTo(values[j]);
        }

        void set(int k, Sorter from, int i) {
            keys[k] = from.keys[i];
            values[k] = from.values[i];
            sources[k] = from.sources[i];
        }

        void copyTo(Sorter dst, int from, int to) {
            System.arraycopy(keys, from, dst.keys, from, to - from);
            System.arraycopy(values, from, dst.values, from, to - from);
            System.arraycopy(sources, from, dst.sources, from, to - from);
        }

        void insertionSort(int from, int to) {
            for (int i = from + 1; i < to; i++) {
                long key = keys[i];
                String value = values[i];
                long[] ids = sources[i];
                int j = i - 1;
                while (j >= from && compareTo(j, key, value) > 0) {
                    keys[j + 1] = keys[j];
                    values[j + 1] = values[j];
                    sources[j + 1] = sources[j];
                    j--;
                }
                keys[j + 1] = key;
                values[j + 1] = value;
                sources[j + 1] = ids;
            }
        }

        private int compareTo(int i, long key, String value) {
            int c = Long.compareUnsigned(keys[i], key);
            return c != 0 ? c : values[i].compareTo(value);
        }
    }
}
