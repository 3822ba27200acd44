package org.interdict.compile;

import java.util.Arrays;

/** Exact-name rules with their provenance, appended already in canonical order. */
final class DomainRules {

    private String[] values;
    private long[][] sources;
    private int size;

    DomainRules(int capacity) {
        values = new String[capacity];
        sources = new long[capacity][];
    }

    void add(String value, long[] ids) {
        values[size] = value;
        sources[size++] = ids;
    }

    String[] values() {
        return Arrays.copyOf(values, size);
    }

    long[][] sources() {
        return Arrays.copyOf(sources, size);
    }
}
