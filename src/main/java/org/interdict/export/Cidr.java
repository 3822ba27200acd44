package org.interdict.export;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import org.interdict.compile.RuleType;

/**
 * A parsed CIDR block, checked before it is written: firewalls and resolvers reject a whole file over one
 * bad element, and some silently widen a block whose host bits are set.
 */
final class Cidr {

    private final byte[] address;
    private final int prefix;

    private Cidr(byte[] address, int prefix) {
        this.address = address;
        this.prefix = prefix;
    }

    /**
     * Parses {@code text} ({@code 203.0.113.0/24}, {@code 2001:db8::/48}) as a block of {@code type}.
     *
     * @throws IllegalArgumentException with the reason when it is not a canonical block of that family
     */
    static Cidr parse(String text, RuleType type) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("no prefix length");
        }
        byte[] address = parseAddress(text.substring(0, slash));
        int bits = type == RuleType.IPV6 ? 128 : 32;
        if (address == null || address.length * 8 != bits) {
            throw new IllegalArgumentException("not an " + (bits == 32 ? "IPv4" : "IPv6") + " address");
        }
        String length = text.substring(slash + 1);
        if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("prefix length is not a number");
        }
        int prefix = Integer.parseInt(length);
        if (prefix > bits) {
            throw new IllegalArgumentException("prefix length over " + bits);
        }
        for (int bit = prefix; bit < bits; bit++) {
            if ((address[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw new IllegalArgumentException("address has bits set beyond the /" + prefix + " prefix");
            }
        }
        return new Cidr(address, prefix);
    }

    /** The bytes of an IPv4 or IPv6 literal (4 or 16), or null when {@code text} is not one. */
    static byte[] parseAddress(String text) {
        // Guava parses literals only and never asks DNS; zone ids have no place in a rule.
        if (text.indexOf('%') >= 0 || !InetAddresses.isInetAddress(text)) {
            return null;
        }
        InetAddress parsed = InetAddresses.forString(text);
        byte[] bytes = parsed.getAddress();
        if (parsed instanceof Inet4Address && text.indexOf(':') >= 0) {
            // An IPv4-mapped IPv6 literal comes back as IPv4; keep the family the text was written in.
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            return mapped;
        }
        return bytes;
    }

    int prefix() {
        return prefix;
    }

    boolean isIpv6() {
        return address.length == 16;
    }

    /**
     * The RPZ IP trigger label sequence, without the {@code rpz-ip} label: the prefix length, then the address
     * in reverse order. IPv4 reverses the octets in decimal; IPv6 reverses the 16-bit words in hex without
     * leading zeros, writing the first longest run of two or more zero words as {@code zz}, the form BIND takes
     * as canonical ({@code 2001:db8::/48} is {@code 48.zz.db8.2001}).
     */
    String rpzIpLabels() {
        StringBuilder name = new StringBuilder(48).append(prefix);
        if (!isIpv6()) {
            for (int i = 3; i >= 0; i--) {
                name.append('.').append(address[i] & 0xff);
            }
            return name.toString();
        }
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = (address[2 * i] & 0xff) << 8 | address[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        for (int i = 7; i >= 0; i--) {
            if (bestStart >= 0 && i == bestStart + bestLength - 1) {
                name.append(".zz");
                i = bestStart;
            } else {
                name.append('.').append(Integer.toHexString(words[i]));
            }
        }
        return name.toString();
    }
}
