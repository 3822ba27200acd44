package org.interdict.compile;

import java.util.Arrays;

/**
 * The exact-name targets of one stretch of the sorted names, sorted out group by group (a group being the targets
 * of one name): the rules to emit, already in canonical order, and the names set aside for the caller, those a
 * tree covers (their ids join the tree) and those the allowlist protects. It changes nothing shared, so two
 * stretches can be sorted out on two threads.
 */
final class DomainRules {

    /** {@code coveredBy} of a name no tree covers and nothing protects. */
    static final int FREE = -1;
    /** {@code coveredBy} of a name no tree covers but the allowlist protects. */
    static final int PROTECTED = -2;

    private String[] values;
    private long[][] sources;
    private int size;
    /** Names set aside: their ids, and the covering tree entry or {@link #PROTECTED}. */
    private String[] asideNames = new String[16];
    private long[][] asideIds = new long[16][];
    private int[] asideTrees = new int[16];
    private int asideCount;

    private DomainRules(int capacity) {
        values = new String[capacity];
        sources = new long[capacity][];
    }

    /**
     * Sorts out the groups starting in {@code [from, to)} of the sorted order ({@code from} and {@code to} must start
     * groups or be the end).
     *
     * @param coveredBy per target, in input order: the entry of the topmost tree covering its name, or {@link #FREE}
     *     or {@link #PROTECTED}
     */
    static DomainRules sortOut(StringSorter.Sorted sorted, int from, int to, TargetColumn domains, int[] coveredBy,
            SingleIds singles) {
        int[] order = sorted.order();
        boolean[] startsGroup = sorted.startsGroup();
        DomainRules rules = new DomainRules(to - from);
        for (int k = from; k < to; ) {
            int first = order[k];
            long[] ids = groupIds(order, startsGroup, k, to, domains.ids, singles);
            k += 1;
            while (k < to && !startsGroup[k]) {
                k++;
            }
            String name = domains.values[first];
            int top = coveredBy[first];
            if (top == FREE) {
                rules.values[rules.size] = name;
                rules.sources[rules.size++] = ids;
            } else {
                rules.setAside(name, ids, top);
            }
        }
        return rules;
    }

    /** A position near {@code k} where a group starts, or the end. */
    static int groupStartNear(StringSorter.Sorted sorted, int k) {
        int at = k;
        while (at < sorted.order().length && !sorted.startsGroup()[at]) {
            at++;
        }
        return at;
    }

    /** The ids of the group of equal names starting at sorted position {@code k}, ascending and distinct. */
    private static long[] groupIds(int[] order, boolean[] startsGroup, int k, int to, long[] ids, SingleIds singles) {
        long first = ids[order[k]];
        IdList more = null;
        for (int j = k + 1; j < to && !startsGroup[j]; j++) {
            long id = ids[order[j]];
            if (more == null && id != first) {
                more = new IdList(first);
            }
            if (more != null) {
                more.add(id);
            }
        }
        return more == null ? singles.of(first) : more.toArray();
    }

    private void setAside(String name, long[] ids, int tree) {
        if (asideCount == asideNames.length) {
            asideNames = Arrays.copyOf(asideNames, asideCount * 2);
            asideIds = Arrays.copyOf(asideIds, asideCount * 2);
            asideTrees = Arrays.copyOf(asideTrees, asideCount * 2);
        }
        asideNames[asideCount] = name;
        asideIds[asideCount] = ids;
        asideTrees[asideCount++] = tree;
    }

    /** Receives the names set aside, in canonical order. */
    interface AsideHandler {
        void accept(String name, long[] ids, int treeOrProtected);
    }

    void forEachAside(AsideHandler handler) {
        for (int i = 0; i < asideCount; i++) {
            handler.accept(asideNames[i], asideIds[i], asideTrees[i]);
        }
    }

    /** The rules of consecutive stretches, in order, as one exact-size array. */
    static String[] values(DomainRules... stretches) {
        String[] all = new String[total(stretches)];
        int at = 0;
        for (DomainRules stretch : stretches) {
            System.arraycopy(stretch.values, 0, all, at, stretch.size);
            at += stretch.size;
        }
        return all;
    }

    /** The provenance of {@link #values}, rule by rule. */
    static long[][] sources(DomainRules... stretches) {
        long[][] all = new long[total(stretches)][];
        int at = 0;
        for (DomainRules stretch : stretches) {
            System.arraycopy(stretch.sources, 0, all, at, stretch.size);
            at += stretch.size;
        }
        return all;
    }

    private static int total(DomainRules... stretches) {
        int total = 0;
        for (DomainRules stretch : stretches) {
            total += stretch.size;
        }
        return total;
    }
}
