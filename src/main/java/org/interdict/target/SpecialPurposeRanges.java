package org.interdict.target;

import java.util.ArrayList;
import java.util.List;

/**
 * Address space that is not one public network's to block: the IANA IPv4 and IPv6 special-purpose registries
 * (RFC 6890 and successors) plus multicast and reserved space. Deliberately short and without nesting: where
 * the registries nest an entry inside a larger one, only the larger one is listed.
 */
final class SpecialPurposeRanges {

    private static final String[][] IPV4 = {
        {"0.0.0.0/8", "\"this network\" (RFC 791)"},
        {"10.0.0.0/8", "private-use (RFC 1918)"},
        {"100.64.0.0/10", "shared CGNAT space (RFC 6598)"},
        {"127.0.0.0/8", "loopback (RFC 1122)"},
        {"169.254.0.0/16", "link-local (RFC 3927)"},
        {"172.16.0.0/12", "private-use (RFC 1918)"},
        {"192.0.0.0/24", "IETF protocol assignments (RFC 6890)"},
        {"192.0.2.0/24", "documentation (RFC 5737)"},
        {"192.168.0.0/16", "private-use (RFC 1918)"},
        {"198.18.0.0/15", "benchmarking (RFC 2544)"},
        {"198.51.100.0/24", "documentation (RFC 5737)"},
        {"203.0.113.0/24", "documentation (RFC 5737)"},
        {"224.0.0.0/4", "multicast (RFC 5771)"},
        {"240.0.0.0/4", "reserved, including broadcast (RFC 1112, RFC 919)"},
    };

    private static final String[][] IPV6 = {
        {"::/128", "unspecified (RFC 4291)"},
        {"::1/128", "loopback (RFC 4291)"},
        {"::ffff:0:0/96", "IPv4-mapped (RFC 4291)"},
        {"64:ff9b:1::/48", "local-use IPv4/IPv6 translation (RFC 8215)"},
        {"100::/64", "discard-only (RFC 6666)"},
        {"2001::/23", "IETF protocol assignments (RFC 2928)"},
        {"2001:db8::/32", "documentation (RFC 3849)"},
        {"3fff::/20", "documentation (RFC 9637)"},
        {"fc00::/7", "unique-local (RFC 4193)"},
        {"fe80::/10", "link-local (RFC 4291)"},
        {"ff00::/8", "multicast (RFC 4291)"},
    };

    private SpecialPurposeRanges() {
    }

    static AddressRanges ipv4() {
        return index(IPV4);
    }

    static AddressRanges ipv6() {
        return index(IPV6);
    }

    private static AddressRanges index(String[][] table) {
        List<IpBlock> blocks = new ArrayList<>(table.length);
        List<String> labels = new ArrayList<>(table.length);
        for (String[] row : table) {
            blocks.add(IpBlock.parseLenient(row[0]));
            labels.add(row[1] + " range " + row[0]);
        }
        return new AddressRanges(blocks, labels);
    }
}
