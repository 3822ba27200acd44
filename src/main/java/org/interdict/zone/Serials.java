package org.interdict.zone;

import java.util.OptionalLong;

/**
 * SOA serials and version numbers. The serial is the version number modulo 2^32 (the serial is 32 bits); RFC 1982
 * arithmetic lets it wrap past 2^32 and still count as newer: a serial s2 follows s1 when (s2 - s1) mod 2^32 lies
 * in (0, 2^31). Secondaries compare so, so after a wrap they still take the next version, and a serial more than
 * 2^31 versions behind cannot be told from one ahead: it is answered with the whole zone.
 */
final class Serials {

    private static final long MODULUS = 1L << 32;
    private static final long HALF = 1L << 31;

    private Serials() {}

    /** The SOA serial of a version. */
    static long of(long version) {
        return version & (MODULUS - 1);
    }

    /**
     * The version a secondary holds when it reports {@code serial} and the current version is {@code current}:
     * the latest version at or before the current one with that serial, when it is less than 2^31 versions behind
     * and not before version 1. Empty for a serial that cannot be such a version (ahead of the current one, or
     * never made).
     */
    static OptionalLong versionOf(long serial, long current) {
        if (serial < 0 || serial >= MODULUS) {
            return OptionalLong.empty();
        }
        long behind = (of(current) - serial) & (MODULUS - 1);
        long version = current - behind;
        return behind < HALF && version >= 1 ? OptionalLong.of(version) : OptionalLong.empty();
    }
}
