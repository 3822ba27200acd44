package org.interdict.compile;

import java.util.Arrays;

/** Collects the rules of one type with their provenance, then sorts both together in canonical order. */
final class RuleBuffer {

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

    /** Sorts the rules and their provenance together; call once, before reading them. Values must be unique. */
    void sort() {
        int[] order = StringSorter.sort(values, size).order();
        String[] sortedValues = new String[size];
        long[][] sortedSources = new long[size][];
        for (int k = 0; k < size; k++) {
            sortedValues[k] = values[order[k]];
            sortedSources[k] = sources[order[k]];
        }
        values = sortedValues;
        sources = sortedSources;
    }

    String[] values() {
        return values;
    }

    long[][] sources() {
        return sources;
    }
}
