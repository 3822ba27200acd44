package org.interdict.export;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/** Rule sets and contexts the export tests share. */
final class TestRuleSets {

    static final Instant CREATED = Instant.parse("2024-04-18T03:00:00Z");

    /** The longest legal name: 253 characters, labels of 63. */
    static final String LONGEST = label('a', 63) + "." + label('b', 63) + "." + label('c', 63) + "."
            + label('d', 57) + ".com";

    private TestRuleSets() {
    }

    static String label(char c, int length) {
        return String.valueOf(c).repeat(length);
    }

    /** A name of exactly {@code length} characters ending in {@code suffix}, with labels up to 63. */
    static String nameOfLength(int length, String suffix) {
        StringBuilder name = new StringBuilder();
        int room = length - suffix.length();
        char c = 'e';
        while (room > 63) {
            int label = room == 64 ? 62 : 63;
            name.append(label(c++, label)).append('.');
            room -= label + 1;
        }
        return name.append(label(c, room)).append(suffix).toString();
    }

    /** Builds a rule set from type and rule to directive ids; rules are sorted here. */
    static final class Builder {
        private final Map<RuleType, TreeMap<String, long[]>> rules = new EnumMap<>(RuleType.class);

        Builder add(RuleType type, String rule, long... directives) {
            rules.computeIfAbsent(type, t -> new TreeMap<>()).put(rule, directives);
            return this;
        }

        RuleSet build() {
            Map<RuleType, String[]> values = new EnumMap<>(RuleType.class);
            Map<RuleType, long[][]> sources = new EnumMap<>(RuleType.class);
            rules.forEach((type, map) -> {
                values.put(type, map.keySet().toArray(String[]::new));
                sources.put(type, map.values().toArray(long[][]::new));
            });
            return RuleSet.of(values, sources);
        }
    }

    /** Small but covering every case the golden files pin. */
    static RuleSet small() {
        return new Builder()
                .add(RuleType.DOMAIN, "example.vn", 17)
                .add(RuleType.DOMAIN, "www.gambling.vn", 17, 23)
                .add(RuleType.DOMAIN, "xn--bcher-kva.example", 23)
                .add(RuleType.DOMAIN, "cdn.media.vn", 31)
                .add(RuleType.DOMAIN, LONGEST, 31)
                .add(RuleType.DOMAIN_TREE, "gambling.vn", 17)
                .add(RuleType.DOMAIN_TREE, "sub.example.vn", 23)
                .add(RuleType.DOMAIN_TREE, "xn--80ak6aa92e.com", 31)
                .add(RuleType.URL, "http://example.vn/search?q=a,b&t=\"x\"", 17)
                .add(RuleType.URL, "https://news.example.org/article/1", 23)
                .add(RuleType.IPV4, "198.51.100.0/24", 17)
                .add(RuleType.IPV4, "203.0.113.5/32", 23)
                .add(RuleType.IPV6, "2001:db8::/48", 17)
                .add(RuleType.IPV6, "2001:db8:abcd::1/128", 23)
                .add(RuleType.IPV6, "2001:db8:0:1:1:1:1:1/128", 31)
                .add(RuleType.IPV6, "2001:0:0:1::/64", 31)
                .add(RuleType.IPV6, "2001:db8::1:0:0:1/128", 31)
                .build();
    }

    static RenderContext context(RuleSet rules) {
        return RenderContext.of("vnpt", 42, rules.digest(), CREATED)
                .withProvenance(id -> id == 17
                        ? new DirectiveProvenance("1353/BTTTT-CATTT", "mic", "Bộ Thông tin và Truyền thông",
                                "Ministry of Information and Communications", null)
                        : id == 23 ? new DirectiveProvenance("2/2024/QD-UBND", null, null, null, "UBND tỉnh") : null);
    }

    /**
     * A few thousand rules of every kind for the consumer programs: IDNs, exact names, trees (some under exact
     * names), the longest legal names and the longest that fit an RPZ owner, IPv4 and IPv6 blocks from /8 or
     * /16 up to /32 and /128.
     */
    static RuleSet forConsumers() {
        Builder b = new Builder();
        for (int i = 0; i < 1500; i++) {
            b.add(RuleType.DOMAIN, "site-" + i + ".example-" + (i % 7) + ".vn", i % 5 + 1);
        }
        for (int i = 0; i < 300; i++) {
            b.add(RuleType.DOMAIN, "shop" + i + ".xn--bcher-kva.example", 6);
            b.add(RuleType.DOMAIN_TREE, "xn--" + i + "-ubca.xn--p1ai", 7);
        }
        for (int i = 0; i < 500; i++) {
            b.add(RuleType.DOMAIN_TREE, "tree-" + i + ".vn", 8);
            b.add(RuleType.DOMAIN_TREE, "below.site-" + i + ".example-" + (i % 7) + ".vn", 8);
        }
        for (int i = 0; i < 50; i++) {
            // Already inside listed trees: formats that block trees must not repeat them.
            b.add(RuleType.DOMAIN, "www.tree-" + i + ".vn", 8);
            b.add(RuleType.DOMAIN_TREE, "deep.tree-" + i + ".vn", 8);
        }
        b.add(RuleType.DOMAIN, LONGEST, 9);
        b.add(RuleType.DOMAIN_TREE, label('z', 63) + "." + LONGEST.substring(64), 9);
        // 239 characters is the longest exact name under rpz.interdict. (255 octets), 237 the longest tree.
        b.add(RuleType.DOMAIN, nameOfLength(239, ".exact.vn"), 9);
        b.add(RuleType.DOMAIN_TREE, nameOfLength(237, ".tree.vn"), 9);
        b.add(RuleType.URL, "https://example.vn/a", 10);
        for (int i = 0; i < 1000; i++) {
            b.add(RuleType.IPV4, "10." + i / 256 + "." + i % 256 + ".0/24", 11);
            b.add(RuleType.IPV6, "2001:db8:" + Integer.toHexString(i + 1) + "::/48", 12);
        }
        for (int i = 0; i < 256; i++) {
            b.add(RuleType.IPV4, "192.0.2." + i + "/32", 11);
            b.add(RuleType.IPV6, "2001:db9::" + Integer.toHexString(i + 1) + "/128", 12);
            b.add(RuleType.IPV6, "2001:dba:0:" + Integer.toHexString(i + 1) + ":1:2:3:4/128", 12);
        }
        b.add(RuleType.IPV4, "100.0.0.0/8", 11);
        b.add(RuleType.IPV6, "2a00::/16", 12);
        return b.build();
    }
}
