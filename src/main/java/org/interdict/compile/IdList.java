package org.interdict.compile;

import java.util.Arrays;

/**
 * A growing set of directive ids. Rules usually come from a handful of directives, so instead of hashing every
 * id it looks a short list through before appending (a tree covering thousands of names from a few directives
 * then never sorts), and once the list is long, sorts out duplicates only when the array fills up.
 */
final class IdList {

    /** Lists up to this long are kept free of duplicates as they grow. */
    private static final int SHORT = 16;

    private long[] ids;
    private int size;

    IdList(long first) {
        ids = new long[4];
        ids[0] = first;
        size = 1;
    }

    void add(long id) {
        if (ids[size - 1] == id) {
            return;
        }
        if (size <= SHORT) {
            for (int i = 0; i < size - 1; i++) {
                if (ids[i] == id) {
                    return;
                }
            }
        }
        if (size == ids.length) {
            compact();
            if (size * 2 > ids.length) {
                ids = Arrays.copyOf(ids, ids.length * 2);
            }
        }
        ids[size++] = id;
    }

    void addAll(long[] more) {
        for (long id : more) {
            add(id);
        }
    }

    /** Ascending, without duplicates, in a fresh array. */
    long[] toArray() {
        compact();
        return Arrays.copyOf(ids, size);
    }

    private void compact() {
        Arrays.sort(ids, 0, size);
        int n = 1;
        for (int i = 1; i < size; i++) {
            if (ids[i] != ids[n - 1]) {
                ids[n++] = ids[i];
            }
        }
        size = n;
    }
}
