package org.interdict.compile;

/**
 * Shares one provenance array per directive id among the many rules that come from a single directive, instead
 * of a fresh one-element array per rule. Safe because a {@link RuleSet} never hands its arrays out.
 */
final class SingleIds {

    private long[] keys = new long[64];
    private long[][] arrays = new long[64][];
    private int size;

    long[] of(long id) {
        int mask = keys.length - 1;
        int slot = slotOf(id, mask);
        for (; arrays[slot] != null; slot = (slot + 1) & mask) {
            if (keys[slot] == id) {
                return arrays[slot];
            }
        }
        long[] array = {id};
        keys[slot] = id;
        arrays[slot] = array;
        if (++size * 2 > keys.length) {
            grow();
        }
        return array;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[][] oldArrays = arrays;
        keys = new long[oldKeys.length * 2];
        arrays = new long[oldKeys.length * 2][];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldArrays[i] != null) {
                int slot = slotOf(oldKeys[i], mask);
                while (arrays[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                arrays[slot] = oldArrays[i];
            }
        }
    }

    private static int slotOf(long id, int mask) {
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
}
