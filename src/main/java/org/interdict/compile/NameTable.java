package org.interdict.compile;

import java.util.Arrays;

/**
 * A set of domain names, each with the directive ids behind it, in dense insertion-ordered entries.
 *
 * <p>Open addressing over {@code String.hashCode()} lets {@link #findAncestor} look up every label suffix of a
 * longer name without building a substring per suffix: the suffix hashes are accumulated right to left in
 * one pass. Nearly all those suffixes are absent, and the slots of a large table do not stay in cache, so a
 * bit per hash value, in an array a sixteenth of the slots' size, answers most misses without touching a slot.
 * Most names carry one id, so extra ids live in an {@link IdList} allocated only when needed.
 */
final class NameTable {

    private static final int[] NO_ENTRIES = new int[0];

    /** Per slot: the name's hash code in the high half, entry + 1 in the low half (0 when free). */
    private long[] slots;
    /** Four bits per slot (see bitWords); bit {@link #bit} of every name's hash is set. */
    private long[] present;
    /**
     * The same, for the hash of every name's last two labels: a longer name none of whose ancestors could share
     * them is dismissed after one look (in a national register most names are under no blocked tree at all).
     */
    private long[] keys;
    private String[] names;
    private long[] firstIds;
    private IdList[] moreIds;
    private int size;

    private final SingleIds singles;

    NameTable(int expected, SingleIds singles) {
        this.singles = singles;
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[capacity];
        present = new long[bitWords(capacity)];
        keys = new long[bitWords(capacity)];
        names = new String[Math.max(16, expected)];
        firstIds = new long[names.length];
        moreIds = new IdList[names.length];
    }

    int size() {
        return size;
    }

    String name(int entry) {
        return names[entry];
    }

    /** Adds {@code id} to the entry of {@code name}, creating it if needed, and returns the entry. */
    int add(String name, long id) {
        int hash = name.hashCode();
        int mask = slots.length - 1;
        int slot = spread(hash) & mask;
        for (long s; (s = slots[slot]) != 0; slot = (slot + 1) & mask) {
            int e = (int) s - 1;
            if ((int) (s >>> 32) == hash && names[e].equals(name)) {
                addId(e, id);
                return e;
            }
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            firstIds = Arrays.copyOf(firstIds, size * 2);
            moreIds = Arrays.copyOf(moreIds, size * 2);
        }
        int entry = size++;
        names[entry] = name;
        firstIds[entry] = id;
        slots[slot] = slot(hash, entry);
        setBit(present, hash);
        setBit(keys, keyHash(name));
        if (size * 2 > slots.length) {
            rehash();
        }
        return entry;
    }

    void addId(int entry, long id) {
        IdList more = moreIds[entry];
        if (more != null) {
            more.add(id);
        } else if (firstIds[entry] != id) {
            more = new IdList(firstIds[entry]);
            more.add(id);
            moreIds[entry] = more;
        }
    }

    void addIds(int entry, NameTable from, int fromEntry) {
        IdList more = from.moreIds[fromEntry];
        if (more == null) {
            addId(entry, from.firstIds[fromEntry]);
        } else {
            for (long id : more.toArray()) {
                addId(entry, id);
            }
        }
    }

    void addIds(int entry, long[] ids) {
        for (long id : ids) {
            addId(entry, id);
        }
    }

    /** The ids of an entry, ascending; the caller must not modify the array. */
    long[] ids(int entry) {
        IdList more = moreIds[entry];
        return more == null ? singles.of(firstIds[entry]) : more.toArray();
    }

    /** The entry of {@code name}, or -1. */
    int find(String name) {
        return find(name, 0, name.hashCode());
    }

    /**
     * The entry of the shortest label suffix of {@code name} (the name itself included when {@code
     * includeSelf}) that is in the table and accepted by {@code filter}, or -1. The shortest suffix is the
     * topmost ancestor, the one that covers all the others. The filter sees every suffix found, shortest first,
     * until it accepts one.
     */
    int findAncestor(String name, boolean includeSelf, EntryFilter filter) {
        if (size == 0) {
            return -1;
        }
        // right to left, reading each char once: a dot completes the hash of the suffix after it
        int hash = 0;
        int power = 1;
        int dots = 0;
        for (int i = name.length() - 1; i >= 0; i--) {
            char c = name.charAt(i);
            if (c == '.' && i + 1 < name.length()) {
                // Every remaining suffix ends with the last two labels, whose hash this is: an entry of two labels
                // or more among them would have set its bit. Single-label entries were looked up already.
                if (++dots == 2 && !hasBit(keys, hash)) {
                    return -1;
                }
                int e = find(name, i + 1, hash);
                if (e >= 0 && filter.accept(e)) {
                    return e;
                }
            }
            hash += c * power;
            power *= 31;
        }
        int e = includeSelf ? find(name, 0, hash) : -1;
        return e >= 0 && filter.accept(e) ? e : -1;
    }

    /** Every entry that is a label suffix of {@code name} (the name itself included), topmost first. */
    int[] ancestors(String name) {
        int[][] found = {NO_ENTRIES};
        findAncestor(name, true, entry -> {
            found[0] = append(found[0], entry);
            return false;
        });
        return found[0];
    }

    private static int[] append(int[] found, int entry) {
        int[] grown = Arrays.copyOf(found, found.length + 1);
        grown[found.length] = entry;
        return grown;
    }

    /** The entry equal to {@code name.substring(from)}, whose hash code is {@code hash}, or -1. */
    private int find(String name, int from, int hash) {
        if (!hasBit(present, hash)) {
            return -1;
        }
        int length = name.length() - from;
        int mask = slots.length - 1;
        for (int slot = spread(hash) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            long s = slots[slot];
            if ((int) (s >>> 32) == hash) {
                String other = names[(int) s - 1];
                if (other.length() == length && name.regionMatches(from, other, 0, length)) {
                    return (int) s - 1;
                }
            }
        }
        return -1;
    }

    private void rehash() {
        long[] grown = new long[slots.length * 2];
        present = new long[bitWords(grown.length)];
        keys = new long[bitWords(grown.length)];
        int mask = grown.length - 1;
        for (int entry = 0; entry < size; entry++) {
            int hash = names[entry].hashCode();
            int slot = spread(hash) & mask;
            while (grown[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = slot(hash, entry);
            setBit(present, hash);
            setBit(keys, keyHash(names[entry]));
        }
        slots = grown;
    }

    /** Four bits per slot, and never fewer than a few thousand: small tables (the allowlist's) are looked up most. */
    private static int bitWords(int slots) {
        return Math.max(slots / 16, 64);
    }

    private static void setBit(long[] bits, int hash) {
        int bit = bit(bits, hash);
        bits[bit >>> 6] |= 1L << bit;
    }

    private static boolean hasBit(long[] bits, int hash) {
        int bit = bit(bits, hash);
        return (bits[bit >>> 6] & 1L << bit) != 0;
    }

    /** Multiplicative hashing: the top bits of the product, as many as the array has bit positions. */
    private static int bit(long[] bits, int hash) {
        return (hash * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(bits.length * 64 - 1);
    }

    /** The hash code of the name's last two labels (of the whole name when it has fewer). */
    private static int keyHash(String name) {
        int hash = 0;
        int power = 1;
        int dots = 0;
        for (int i = name.length() - 1; i >= 0; i--) {
            char c = name.charAt(i);
            if (c == '.' && ++dots == 2) {
                break;
            }
            hash += c * power;
            power *= 31;
        }
        return hash;
    }

    private static long slot(int hash, int entry) {
        return (long) hash << 32 | (entry + 1);
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    @FunctionalInterface
    interface EntryFilter {
        boolean accept(int entry);
    }
}
