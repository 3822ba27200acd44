package org.interdict.zone;

import java.util.Locale;

/**
 * Names of the zones served: {@code <isp>.rpz.<suffix>}, one per ISP. ISP identifiers are lower-case DNS labels
 * already, so a zone name leads back to its ISP without a lookup.
 */
record ZoneNames(String suffix) {

    ZoneNames {
        if (!suffix.endsWith(".") || suffix.length() < 2) {
            throw new IllegalArgumentException("interdict.zone.suffix must be an absolute name ending in a dot: " + suffix);
        }
        suffix = suffix.toLowerCase(Locale.ROOT);
    }

    /** The zone of an ISP, absolute. */
    String zoneOf(String isp) {
        return isp + ".rpz." + suffix;
    }

    /** The ISP whose zone this absolute name is, or null when it names no zone served here. */
    String ispOf(String zone) {
        String name = zone.toLowerCase(Locale.ROOT);
        String tail = ".rpz." + suffix;
        if (!name.endsWith(tail)) {
            return null;
        }
        String isp = name.substring(0, name.length() - tail.length());
        return isp.isEmpty() || isp.contains(".") ? null : isp;
    }
}
