package org.interdict.compile;

/** The values and directive ids of the targets of one type, in input order, as parallel arrays. */
final class TargetColumn {

    final String[] values;
    final long[] ids;
    private int size;

    TargetColumn(int capacity) {
        values = new String[capacity];
        ids = new long[capacity];
    }

    void add(String value, long id) {
        values[size] = value;
        ids[size++] = id;
    }

    int size() {
        return size;
    }
}
