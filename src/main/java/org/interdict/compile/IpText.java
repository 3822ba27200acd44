package org.interdict.compile;

import java.nio.charset.StandardCharsets;

/**
 * Parses and prints the canonical text of IP addresses and CIDR blocks without going through {@code
 * InetAddress}, which would allocate several objects per value on the compile path.
 *
 * <p>A parsed value is a closed range of 128-bit numbers {@code [startHi:startLo, endHi:endLo]}; IPv4 values
 * live in the low 32 bits with a zero high word.
 */
final class IpText {

    static final int START_HI = 0;
    static final int START_LO = 1;
    static final int END_HI = 2;
    static final int END_LO = 3;
    /** The longest text {@link #formatIpv6} writes: eight groups of four, seven colons and a prefix. */
    static final int MAX_TEXT = 43;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private IpText() {}

    static boolean isIpv6(String text) {
        return text.indexOf(':') >= 0;
    }

    /** Parses {@code a.b.c.d} or {@code a.b.c.d/p} with host bits clear into {@code range}. */
    static void parseIpv4(String text, long[] range) {
        int n = text.length();
        int i = 0;
        long address = 0;
        for (int octet = 0; octet < 4; octet++) {
            int value = 0;
            int start = i;
            while (i < n && i - start < 3 && isDigit(text.charAt(i))) {
                value = value * 10 + text.charAt(i++) - '0';
            }
            if (i == start || value > 255) {
                throw invalid(text);
            }
            address = address << 8 | value;
            if (octet < 3) {
                if (i == n || text.charAt(i) != '.') {
                    throw invalid(text);
                }
                i++;
            }
        }
        int prefix = parsePrefix(text, i, 32);
        long hostMask = (1L << (32 - prefix)) - 1;
        if ((address & hostMask) != 0) {
            throw new IllegalArgumentException("host bits set in " + text);
        }
        range[START_HI] = 0;
        range[START_LO] = address;
        range[END_HI] = 0;
        range[END_LO] = address | hostMask;
    }

    /** Parses an IPv6 address or block (with {@code ::} and an optional trailing dotted quad) into {@code range}. */
    static void parseIpv6(String text, long[] range) {
        int slash = text.indexOf('/');
        int end = slash < 0 ? text.length() : slash;
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = 0;
        if (text.startsWith("::")) {
            gap = 0;
            i = 2;
        }
        while (i < end) {
            int start = i;
            int value = 0;
            int digit;
            while (i < end && i - start < 4 && (digit = Character.digit(text.charAt(i), 16)) >= 0) {
                value = value << 4 | digit;
                i++;
            }
            if (i < end && text.charAt(i) == '.' && count <= 6) {
                long[] quad = new long[4];
                parseIpv4(text.substring(start, end), quad);
                groups[count++] = (int) (quad[START_LO] >>> 16);
                groups[count++] = (int) (quad[START_LO] & 0xFFFF);
                i = end;
                break;
            }
            if (i == start || count == 8) {
                throw invalid(text);
            }
            groups[count++] = value;
            if (i < end) {
                if (text.charAt(i++) != ':' || i == end) {
                    throw invalid(text);
                }
                if (text.charAt(i) == ':') {
                    if (gap >= 0) {
                        throw invalid(text);
                    }
                    gap = count;
                    i++;
                }
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            throw invalid(text);
        }
        if (gap >= 0) {
            int shift = 8 - count;
            System.arraycopy(groups, gap, groups, gap + shift, count - gap);
            java.util.Arrays.fill(groups, gap, gap + shift, 0);
        }
        long hi = 0;
        long lo = 0;
        for (int g = 0; g < 4; g++) {
            hi = hi << 16 | groups[g];
            lo = lo << 16 | groups[g + 4];
        }
        int prefix = parsePrefix(text, end, 128);
        int hostBits = 128 - prefix;
        long hostHi = hostBits >= 64 ? mask(hostBits - 64) : 0;
        long hostLo = hostBits >= 64 ? -1L : mask(hostBits);
        if ((hi & hostHi) != 0 || (lo & hostLo) != 0) {
            throw new IllegalArgumentException("host bits set in " + text);
        }
        range[START_HI] = hi;
        range[START_LO] = lo;
        range[END_HI] = hi | hostHi;
        range[END_LO] = lo | hostLo;
    }

    /**
     * {@code a.b.c.d/prefix}, written into {@code scratch} (at least {@link #MAX_TEXT} bytes) and copied once into
     * the string: a national register formats hundreds of thousands of blocks.
     */
    static String formatIpv4(long address, int prefix, byte[] scratch) {
        int at = 0;
        for (int shift = 24; shift >= 0; shift -= 8) {
            at = putDecimal((int) (address >>> shift) & 0xFF, scratch, at);
            scratch[at++] = (byte) (shift == 0 ? '/' : '.');
        }
        at = putDecimal(prefix, scratch, at);
        return new String(scratch, 0, at, StandardCharsets.ISO_8859_1);
    }

    /**
     * RFC 5952 text: lower-case hex, no leading zeros, the first longest run of two or more zero groups as {@code
     * ::}; written into {@code scratch} like {@link #formatIpv4}.
     */
    static String formatIpv6(long hi, long lo, int prefix, byte[] scratch) {
        int bestStart = -1;
        int bestLength = 1;
        for (int g = 0; g < 8; ) {
            if (group(hi, lo, g) != 0) {
                g++;
                continue;
            }
            int start = g;
            while (g < 8 && group(hi, lo, g) == 0) {
                g++;
            }
            if (g - start > bestLength) {
                bestStart = start;
                bestLength = g - start;
            }
        }
        int at = 0;
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                scratch[at++] = ':';
                scratch[at++] = ':';
                g += bestLength - 1;
                continue;
            }
            if (g > 0 && g != bestStart + bestLength) {
                scratch[at++] = ':';
            }
            at = putHex(group(hi, lo, g), scratch, at);
        }
        scratch[at++] = '/';
        at = putDecimal(prefix, scratch, at);
        return new String(scratch, 0, at, StandardCharsets.ISO_8859_1);
    }

    private static int group(long hi, long lo, int g) {
        return (int) ((g < 4 ? hi : lo) >>> (48 - 16 * (g & 3))) & 0xFFFF;
    }

    /** Writes {@code value} (0 to 999) in decimal without leading zeros and returns the end. */
    private static int putDecimal(int value, byte[] into, int at) {
        if (value >= 100) {
            into[at++] = (byte) ('0' + value / 100);
        }
        if (value >= 10) {
            into[at++] = (byte) ('0' + value / 10 % 10);
        }
        into[at++] = (byte) ('0' + value % 10);
        return at;
    }

    /** Writes {@code value} (16 bits) in lower-case hex without leading zeros and returns the end. */
    private static int putHex(int value, byte[] into, int at) {
        for (int shift = 12; shift > 0; shift -= 4) {
            if (value >>> shift != 0) {
                into[at++] = HEX[value >>> shift & 0xF];
            }
        }
        into[at++] = HEX[value & 0xF];
        return at;
    }

    /** The low {@code bits} bits set, for 0 to 64 bits. */
    static long mask(int bits) {
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    private static int parsePrefix(String text, int at, int width) {
        if (at == text.length()) {
            return width;
        }
        if (text.charAt(at) != '/' || at + 1 == text.length() || text.length() - at > 4) {
            throw invalid(text);
        }
        int prefix = 0;
        for (int i = at + 1; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                throw invalid(text);
            }
            prefix = prefix * 10 + text.charAt(i) - '0';
        }
        if (prefix > width) {
            throw invalid(text);
        }
        return prefix;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("not a canonical IP address or CIDR block: " + text);
    }
}
