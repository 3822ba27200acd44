package org.interdict.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The hand-written formatters must print what a well-kept library prints (Guava follows RFC 5952), and parse back
 * to the same range: the printed text is the canonical rule, hashed into the digest.
 */
class IpTextTest {

    private final byte[] scratch = new byte[IpText.MAX_TEXT];

    @Property(tries = 2000)
    void formatsIpv4LikeInetAddresses(@ForAll int address, @ForAll @IntRange(max = 32) int prefix)
            throws UnknownHostException {
        long value = Integer.toUnsignedLong(address) & ~IpText.mask(32 - prefix);
        String text = IpText.formatIpv4(value, prefix, scratch);

        InetAddress expected = InetAddress.getByAddress(ByteBuffer.allocate(4).putInt((int) value).array());
        assertThat(text).isEqualTo(InetAddresses.toAddrString(expected) + "/" + prefix);
        long[] range = new long[4];
        IpText.parseIpv4(text, range);
        assertThat(range[IpText.START_LO]).isEqualTo(value);
    }

    @Property(tries = 2000)
    void formatsIpv6LikeRfc5952(@ForAll("groups") long hi, @ForAll("groups") long lo,
            @ForAll @IntRange(max = 128) int prefix) throws UnknownHostException {
        String text = IpText.formatIpv6(hi, lo, prefix, scratch);

        // an Inet6Address even for ::ffff:a.b.c.d, which InetAddress.getByAddress would turn into IPv4
        InetAddress expected = Inet6Address.getByAddress(null, ByteBuffer.allocate(16).putLong(hi).putLong(lo).array(), -1);
        assertThat(text).isEqualTo(InetAddresses.toAddrString(expected) + "/" + prefix);
    }

    /** 64 bits as four 16-bit groups, each often zero, so runs of zero groups of every length and place occur. */
    @Provide
    Arbitrary<Long> groups() {
        Arbitrary<Long> group = Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.just(0L)),
                        Tuple.of(2, Arbitraries.longs().between(1, 0xFFFF)),
                        Tuple.of(1, Arbitraries.longs().between(1, 0xF)));
        return group.list().ofSize(4).map(g -> g.get(0) << 48 | g.get(1) << 32 | g.get(2) << 16 | g.get(3));
    }
}
