package org.interdict.target;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 CIDR block as two unsigned 64-bit halves (IPv4 uses {@code lo} only), with no host bits set.
 * Comparing two longs keeps range look-ups free of {@code BigInteger} and {@code byte[]} work.
 */
record IpBlock(boolean v6, long hi, long lo, int prefix) {

    private static final long IPV4_BITS = 0xFFFF_FFFFL;
    private static final int IPV4_MAPPED_PREFIX = 96;

    IpBlock {
        if (prefix < 0 || prefix > width(v6)) {
            throw new IllegalArgumentException("prefix /" + prefix + " out of range");
        }
        if (!v6 && (hi != 0 || (lo & ~IPV4_BITS) != 0)) {
            throw new IllegalArgumentException("not an IPv4 value");
        }
        if ((hi & ~hiMask(v6, prefix)) != 0 || (lo & ~loMask(v6, prefix)) != 0) {
            throw new IllegalArgumentException("host bits set below /" + prefix);
        }
    }

    /**
     * Parses target input strictly: Guava's dotted-quad rules refuse octal, hex, short forms and leading
     * zeros. An IPv4-mapped IPv6 form becomes the plain IPv4 block, since a filter sees that traffic as IPv4.
     */
    static IpBlock parseStrict(String text) throws Refusal {
        if (text.isEmpty()) {
            throw new Refusal(TargetProblem.EMPTY, "the address is empty");
        }
        if (text.charAt(0) == '[') {
            String bare = text.endsWith("]") ? text.substring(1, text.length() - 1) : null;
            throw new Refusal(TargetProblem.INVALID_IP,
                    "brackets belong around an address in a URL only; write the bare address", bare);
        }
        if (text.indexOf('%') >= 0) {
            throw new Refusal(TargetProblem.INVALID_IP,
                    Refusal.quote(text) + " has a zone index, which means nothing outside one host");
        }
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        InetAddress address;
        try {
            address = InetAddresses.forString(addressText);
        } catch (IllegalArgumentException e) {
            throw new Refusal(TargetProblem.INVALID_IP, Refusal.quote(addressText)
                    + " is not an IP address (IPv4 takes four decimal numbers without leading zeros)");
        }
        boolean mapped = address instanceof Inet4Address && addressText.indexOf(':') >= 0;
        int writtenWidth = mapped ? 128 : width(address instanceof Inet6Address);
        int prefix = slash < 0 ? writtenWidth : parsePrefix(text.substring(slash + 1), writtenWidth);
        if (mapped) {
            if (prefix < IPV4_MAPPED_PREFIX) {
                throw new Refusal(TargetProblem.INVALID_CIDR, "an IPv4-mapped block needs a prefix of /96 or "
                        + "longer; write it as an IPv4 block");
            }
            prefix -= IPV4_MAPPED_PREFIX;
        }
        IpBlock block = containing(address, prefix);
        if (!block.firstAddressEquals(address)) {
            throw new Refusal(TargetProblem.CIDR_HOST_BITS, Refusal.quote(text) + " has host bits set below /"
                    + prefix + "; the block is " + block.text(), block.text());
        }
        return block;
    }

    /**
     * Parses trusted or reference text, masking any host bits instead of refusing them. Unlike target input, an
     * IPv4-mapped form stays the IPv6 block it is written as, so that a table can name that range itself.
     */
    static IpBlock parseLenient(String text) {
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = InetAddresses.forString(addressText).getAddress();
        if (bytes.length == 4 && addressText.indexOf(':') >= 0) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xFF;
            mapped[11] = (byte) 0xFF;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        boolean v6 = bytes.length == 16;
        int prefix = slash < 0 ? width(v6) : Integer.parseInt(text.substring(slash + 1));
        if (prefix < 0 || prefix > width(v6)) {
            throw new IllegalArgumentException("prefix out of range in " + text);
        }
        return containing(bytes, prefix);
    }

    /** The block of width {@code prefix} holding the address {@code hi:lo}, its host bits cleared. */
    static IpBlock masked(boolean v6, long hi, long lo, int prefix) {
        return new IpBlock(v6, hi & hiMask(v6, prefix), lo & loMask(v6, prefix), prefix);
    }

    boolean contains(IpBlock other) {
        return v6 == other.v6 && prefix <= other.prefix
                && (other.hi & hiMask(v6, prefix)) == hi && (other.lo & loMask(v6, prefix)) == lo;
    }

    static IpBlock containing(InetAddress address, int prefix) {
        return containing(address.getAddress(), prefix);
    }

    private static IpBlock containing(byte[] bytes, int prefix) {
        boolean v6 = bytes.length == 16;
        long hi = v6 ? halfOf(bytes, 0) : 0;
        long lo = v6 ? halfOf(bytes, 8) : halfOf(bytes, 0) & IPV4_BITS;
        return new IpBlock(v6, hi & hiMask(v6, prefix), lo & loMask(v6, prefix), prefix);
    }

    /** Canonical text: the bare address for a single host, otherwise {@code address/prefix}. */
    String text() {
        String address = InetAddresses.toAddrString(firstAddress());
        return prefix == width(v6) ? address : address + "/" + prefix;
    }

    long lastHi() {
        return v6 ? hi | ~hiMask(true, prefix) : 0;
    }

    long lastLo() {
        return lo | (~loMask(v6, prefix) & (v6 ? -1L : IPV4_BITS));
    }

    private boolean firstAddressEquals(InetAddress address) {
        IpBlock host = containing(address, width(v6));
        return host.hi == hi && host.lo == lo;
    }

    private InetAddress firstAddress() {
        try {
            if (!v6) {
                return InetAddresses.fromInteger((int) lo);
            }
            byte[] bytes = new byte[16];
            for (int i = 0; i < 8; i++) {
                bytes[i] = (byte) (hi >>> (56 - 8 * i));
                bytes[8 + i] = (byte) (lo >>> (56 - 8 * i));
            }
            // This overload always yields an Inet6Address, even for bytes that look IPv4-mapped.
            return Inet6Address.getByAddress(null, bytes, (NetworkInterface) null);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an IPv6 address", e);
        }
    }

    private static int parsePrefix(String text, int max) throws Refusal {
        boolean digits = !text.isEmpty() && text.length() <= 3 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || (text.length() > 1 && text.charAt(0) == '0') || Integer.parseInt(text) > max) {
            throw new Refusal(TargetProblem.INVALID_CIDR,
                    "prefix length " + Refusal.quote("/" + text) + " must be a number from 0 to " + max);
        }
        return Integer.parseInt(text);
    }

    private static int width(boolean v6) {
        return v6 ? 128 : 32;
    }

    private static long halfOf(byte[] bytes, int from) {
        long value = 0;
        int end = Math.min(bytes.length, from + 8);
        for (int i = from; i < end; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    private static long hiMask(boolean v6, int prefix) {
        if (!v6) {
            return 0;
        }
        return prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
    }

    private static long loMask(boolean v6, int prefix) {
        if (!v6) {
            return prefix == 0 ? 0 : (IPV4_BITS << (32 - prefix)) & IPV4_BITS;
        }
        return prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
    }
}
