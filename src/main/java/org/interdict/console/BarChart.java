package org.interdict.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart drawn on the server as SVG, with the geometry worked out here so the template only places
 * what it is given. The same bars are written as a table beside it: the chart is for the eye, the table for everyone.
 */
public record BarChart(String id, List<Bar> bars) {

    static final int ROW = 28;
    static final int LABEL_WIDTH = 260;
    static final int BAR_WIDTH = 380;

    /** One bar: its label, its value, where it sits and how long it is. */
    public record Bar(String label, long value, int y, int length) {

        /** The label as it fits beside the bar; the table beside the chart gives it in full. */
        public String shortLabel() {
            return label.length() <= 28 ? label : label.substring(0, 27) + "…";
        }

        public int textY() {
            return y + 14;
        }

        public int valueX() {
            return LABEL_WIDTH + length + 6;
        }
    }

    /** Bars in the order given, scaled so the largest value fills the bar area. */
    static BarChart of(String id, Map<String, Long> values) {
        long largest = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int y = 4;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            int length = largest == 0 ? 0 : (int) Math.max(1, Math.round((double) e.getValue() * BAR_WIDTH / largest));
            bars.add(new Bar(e.getKey(), e.getValue(), y, length));
            y += ROW;
        }
        return new BarChart(id, List.copyOf(bars));
    }

    public int width() {
        return LABEL_WIDTH + BAR_WIDTH + 60;
    }

    public int height() {
        return bars.size() * ROW + 8;
    }

    public int labelX() {
        return LABEL_WIDTH - 8;
    }

    public int barX() {
        return LABEL_WIDTH;
    }
}
