package org.interdict.target;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Labelled, disjoint address intervals of one family in sorted arrays, for an overlap test by binary search.
 * Because the intervals are disjoint and sorted, their ends are sorted too: only the last interval starting at
 * or before the query's end can reach back into the query.
 */
final class AddressRanges {

    private static final Comparator<IpBlock> BY_START = (a, b) -> compare(a.hi(), a.lo(), b.hi(), b.lo());

    private final long[] startHi;
    private final long[] startLo;
    private final long[] endHi;
    private final long[] endLo;
    private final String[] labels;

    /**
     * Overlapping or adjacent blocks with equal labels are merged; blocks with different labels must not overlap.
     */
    AddressRanges(List<IpBlock> blocks, List<String> blockLabels) {
        if (blocks.size() != blockLabels.size()) {
            throw new IllegalArgumentException("one label per block");
        }
        List<Integer> order = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> BY_START.compare(blocks.get(a), blocks.get(b)));

        int n = 0;
        long[] sHi = new long[blocks.size()];
        long[] sLo = new long[blocks.size()];
        long[] eHi = new long[blocks.size()];
        long[] eLo = new long[blocks.size()];
        String[] names = new String[blocks.size()];
        for (int index : order) {
            IpBlock block = blocks.get(index);
            String label = blockLabels.get(index);
            boolean touches = n > 0 && (compare(block.hi(), block.lo(), eHi[n - 1], eLo[n - 1]) <= 0
                    || isNext(eHi[n - 1], eLo[n - 1], block.hi(), block.lo()));
            if (touches && label.equals(names[n - 1])) {
                if (compare(block.lastHi(), block.lastLo(), eHi[n - 1], eLo[n - 1]) > 0) {
                    eHi[n - 1] = block.lastHi();
                    eLo[n - 1] = block.lastLo();
                }
                continue;
            }
            if (n > 0 && compare(block.hi(), block.lo(), eHi[n - 1], eLo[n - 1]) <= 0) {
                throw new IllegalArgumentException(block.text() + " (" + label + ") overlaps " + names[n - 1]);
            }
            sHi[n] = block.hi();
            sLo[n] = block.lo();
            eHi[n] = block.lastHi();
            eLo[n] = block.lastLo();
            names[n] = label;
            n++;
        }
        startHi = Arrays.copyOf(sHi, n);
        startLo = Arrays.copyOf(sLo, n);
        endHi = Arrays.copyOf(eHi, n);
        endLo = Arrays.copyOf(eLo, n);
        labels = Arrays.copyOf(names, n);
    }

    /** The label of an interval overlapping {@code block}, or {@code null} if none does. */
    String overlapping(IpBlock block) {
        long queryEndHi = block.lastHi();
        long queryEndLo = block.lastLo();
        int low = 0;
        int high = labels.length - 1;
        int candidate = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (compare(startHi[mid], startLo[mid], queryEndHi, queryEndLo) <= 0) {
                candidate = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        if (candidate >= 0 && compare(endHi[candidate], endLo[candidate], block.hi(), block.lo()) >= 0) {
            return labels[candidate];
        }
        return null;
    }

    int size() {
        return labels.length;
    }

    private static boolean isNext(long hi, long lo, long nextHi, long nextLo) {
        return lo == -1L ? nextLo == 0 && nextHi == hi + 1 : nextHi == hi && nextLo == lo + 1;
    }

    private static int compare(long aHi, long aLo, long bHi, long bLo) {
        int high = Long.compareUnsigned(aHi, bHi);
        return high != 0 ? high : Long.compareUnsigned(aLo, bLo);
    }
}
