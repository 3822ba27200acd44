package org.interdict.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.interdict.target.TargetType;
import org.interdict.target.UrlHost;

/**
 * Properties over small universes (a few labels, one IPv4 /24, one IPv6 /120) so that random inputs overlap,
 * nest and collide with the allowlist often.
 */
class RuleSetCompilerPropertiesTest {

    private static final String V4_PREFIX = "10.0.0.";
    private static final String V6_PREFIX = "2001:db8::";

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    @Property(tries = 200)
    void applyingTheDeltaReproducesTheNewSet(@ForAll("targets") List<TargetRule> before,
            @ForAll("targets") List<TargetRule> after) {
        RuleSet from = compiler.compile(before, List.of()).ruleSet();
        RuleSet to = compiler.compile(after, List.of()).ruleSet();

        Delta delta = Delta.between(from, to);

        for (RuleType type : RuleType.values()) {
            assertThat(delta.applyTo(from).get(type)).isEqualTo(to.rules(type));
        }
        assertThat(RuleSet.digestOf(delta.applyTo(from))).isEqualTo(to.digest());
        assertThat(delta.isEmpty()).isEqualTo(from.digest().equals(to.digest()));
    }

    @Property(tries = 300)
    void everyUnprotectedTargetIsMatchedAndNoProtectedEntryIs(@ForAll("targets") List<TargetRule> targets,
            @ForAll("allowlists") List<AllowEntry> allowlist) {
        RuleSet set = compiler.compile(targets, allowlist).ruleSet();
        RuleMatcher matcher = new RuleMatcher(set);

        for (TargetRule target : targets) {
            String value = target.value();
            switch (target.type()) {
                case DOMAIN -> {
                    if (!nameProtected(value, allowlist)) {
                        assertThat(matcher.matchDomain(value)).extracting(m -> m.directiveIds())
                                .anySatisfy(ids -> assertThat(ids).contains(target.directiveId()));
                    }
                }
                case DOMAIN_TREE -> {
                    if (!treeOverlapsProtection(value, allowlist)) {
                        assertThat(matcher.matchDomain(value)).anySatisfy(m -> {
                            assertThat(m.type()).isEqualTo(RuleType.DOMAIN_TREE);
                            assertThat(m.directiveIds()).contains(target.directiveId());
                        });
                    }
                }
                case URL -> {
                    if (!nameProtected(UrlHost.of(value).name(), allowlist)) {
                        assertThat(matcher.matchUrl(value)).isNotEmpty();
                    }
                }
                case IP -> {
                    for (String address : addresses(value)) {
                        if (!addressProtected(address, allowlist)) {
                            assertThat(matcher.matchAddress(address)).singleElement()
                                    .satisfies(m -> assertThat(m.directiveIds()).contains(target.directiveId()));
                        }
                    }
                }
            }
        }
        for (AllowEntry entry : allowlist) {
            switch (entry.type()) {
                case DOMAIN -> assertThat(matcher.matchDomain(entry.value())).isEmpty();
                case DOMAIN_TREE -> {
                    assertThat(matcher.matchDomain(entry.value())).isEmpty();
                    assertThat(matcher.matchDomain("a." + entry.value())).isEmpty();
                }
                case CIDR -> {
                    for (String address : addresses(entry.value())) {
                        assertThat(matcher.matchAddress(address)).isEmpty();
                    }
                }
            }
        }
    }

    @Property(tries = 500)
    void aggregationCoversExactlyTheUnprotectedAddressesWithTheFewestBlocks(
            @ForAll("ipTargets") List<TargetRule> targets, @ForAll("cidrAllowlists") List<AllowEntry> allowlist) {
        RuleSet set = compiler.compile(targets, allowlist).ruleSet();

        for (boolean v6 : new boolean[] {false, true}) {
            BitSet expected = new BitSet(256);
            for (TargetRule target : targets) {
                if (isV6(target.value()) == v6) {
                    expected.or(range(target.value()));
                }
            }
            for (AllowEntry entry : allowlist) {
                if (isV6(entry.value()) == v6) {
                    expected.andNot(range(entry.value()));
                }
            }
            BitSet actual = new BitSet(256);
            List<String> blocks = set.rules(v6 ? RuleType.IPV6 : RuleType.IPV4);
            for (int i = 0; i < blocks.size(); i++) {
                BitSet block = range(blocks.get(i));
                assertThat(actual.intersects(block)).as("blocks overlap").isFalse();
                actual.or(block);
                TreeSet<Long> behind = new TreeSet<>();
                for (TargetRule target : targets) {
                    if (isV6(target.value()) == v6 && range(target.value()).intersects(block)) {
                        behind.add(target.directiveId());
                    }
                }
                assertThat(set.sources(v6 ? RuleType.IPV6 : RuleType.IPV4, i))
                        .containsExactly(behind.stream().mapToLong(Long::longValue).toArray());
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(blocks).hasSize(fewestBlocks(expected));
        }
    }

    /**
     * The same brute-force check in several small universes far apart (each the last byte under its own prefix),
     * so that ordering blocks by start must weigh every byte of an address, not only the last.
     */
    @Property(tries = 300)
    void aggregationIsExactInUniversesDifferingInEveryByte(@ForAll("spreadIpTargets") List<TargetRule> targets) {
        RuleSet set = compiler.compile(targets, List.of()).ruleSet();

        Map<String, BitSet> expected = new TreeMap<>();
        for (TargetRule target : targets) {
            expected.computeIfAbsent(universe(target.value()), u -> new BitSet(256)).or(range(target.value()));
        }
        Map<String, BitSet> actual = new TreeMap<>();
        Map<String, Integer> blockCounts = new TreeMap<>();
        for (RuleType type : new RuleType[] {RuleType.IPV4, RuleType.IPV6}) {
            for (String block : set.rules(type)) {
                BitSet covered = actual.computeIfAbsent(universe(block), u -> new BitSet(256));
                assertThat(covered.intersects(range(block))).as("blocks overlap").isFalse();
                covered.or(range(block));
                blockCounts.merge(universe(block), 1, Integer::sum);
            }
        }
        assertThat(actual).isEqualTo(expected);
        expected.forEach((universe, addresses) ->
                assertThat(blockCounts.get(universe)).as(universe).isEqualTo(fewestBlocks(addresses)));
    }

    @Property(tries = 200)
    void inputOrderDoesNotChangeTheResult(@ForAll("targets") List<TargetRule> targets,
            @ForAll("allowlists") List<AllowEntry> allowlist, @ForAll long seed) {
        List<TargetRule> shuffled = new ArrayList<>(targets);
        Collections.shuffle(shuffled, new Random(seed));
        List<AllowEntry> shuffledAllowlist = new ArrayList<>(allowlist);
        Collections.shuffle(shuffledAllowlist, new Random(seed));

        CompileResult original = compiler.compile(targets, allowlist);
        CompileResult again = compiler.compile(shuffled, shuffledAllowlist);

        assertThat(again.ruleSet().digest()).isEqualTo(original.ruleSet().digest());
        assertThat(again.conflicts()).isEqualTo(original.conflicts());
        for (RuleType type : RuleType.values()) {
            for (int i = 0; i < original.ruleSet().count(type); i++) {
                assertThat(again.ruleSet().sources(type, i)).isEqualTo(original.ruleSet().sources(type, i));
            }
        }
    }

    /** The compiler skips the order check of {@link RuleSet#of}; its output must pass it all the same. */
    @Property(tries = 200)
    void compiledRulesAreSortedAndUnique(@ForAll("targets") List<TargetRule> targets,
            @ForAll("allowlists") List<AllowEntry> allowlist) {
        RuleSet compiled = compiler.compile(targets, allowlist).ruleSet();
        for (RuleType type : RuleType.values()) {
            List<String> rules = compiled.rules(type);
            for (int i = 1; i < rules.size(); i++) {
                assertThat(rules.get(i - 1)).isLessThan(rules.get(i));
            }
        }
    }

    // --- generators

    @Provide
    Arbitrary<List<TargetRule>> targets() {
        return targets(names(), 30);
    }

    /** Up to {@code most} targets of directives 1 to 6: names, trees and URL hosts drawn from {@code names}. */
    static Arbitrary<List<TargetRule>> targets(Arbitrary<String> names, int most) {
        Arbitrary<Long> ids = Arbitraries.longs().between(1, 6);
        Arbitrary<TargetRule> domain = Combinators.combine(ids, names).as((id, n) -> new TargetRule(id, TargetType.DOMAIN, n));
        Arbitrary<TargetRule> tree = Combinators.combine(ids, names).as((id, n) -> new TargetRule(id, TargetType.DOMAIN_TREE, n));
        Arbitrary<TargetRule> url = Combinators.combine(ids, names, Arbitraries.of("/", "/a", "/b?c=1"))
                .as((id, n, path) -> new TargetRule(id, TargetType.URL, "https://" + n + path));
        Arbitrary<TargetRule> ip = Combinators.combine(ids, blocks()).as((id, b) -> new TargetRule(id, TargetType.IP, b));
        return Arbitraries.oneOf(domain, tree, url, ip).list().ofMaxSize(most);
    }

    @Provide
    Arbitrary<List<TargetRule>> ipTargets() {
        Arbitrary<Long> ids = Arbitraries.longs().between(1, 6);
        return Combinators.combine(ids, blocks()).as((id, b) -> new TargetRule(id, TargetType.IP, b)).list().ofMaxSize(25);
    }

    @Provide
    Arbitrary<List<AllowEntry>> allowlists() {
        Arbitrary<AllowEntry> domain = names().map(n -> new AllowEntry(AllowType.DOMAIN, n, "r", "s"));
        Arbitrary<AllowEntry> tree = names().map(n -> new AllowEntry(AllowType.DOMAIN_TREE, n, "r", "s"));
        Arbitrary<AllowEntry> cidr = blocks().map(b -> new AllowEntry(AllowType.CIDR, b, "r", "s"));
        return Arbitraries.oneOf(domain, tree, cidr).list().ofMaxSize(3);
    }

    /** Blocks of at most 256 addresses under prefixes that differ in their first, middle or last bytes. */
    @Provide
    Arbitrary<List<TargetRule>> spreadIpTargets() {
        Arbitrary<String> v4 = Combinators.combine(
                        Arbitraries.of("10.0.0.", "10.1.2.", "172.16.5.", "9.200.3.", "203.0.113."),
                        Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 255))
                .as((prefix, hostBits, offset) -> prefix + (offset & ~((1 << hostBits) - 1)) + "/" + (32 - hostBits));
        Arbitrary<String> v6 = Combinators.combine(
                        Arbitraries.of("2001:db8::", "2001:db8:1:2::", "fe80:5::7:0:", "2a00::1:"),
                        Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 255))
                .as((prefix, hostBits, offset) -> prefix + Integer.toHexString(offset & ~((1 << hostBits) - 1)) + "/"
                        + (128 - hostBits));
        Arbitrary<Long> ids = Arbitraries.longs().between(1, 6);
        return Combinators.combine(ids, Arbitraries.oneOf(v4, v4, v6))
                .as((id, block) -> new TargetRule(id, TargetType.IP, block)).list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<AllowEntry>> cidrAllowlists() {
        return blocks().map(b -> new AllowEntry(AllowType.CIDR, b, "r", "s")).list().ofMaxSize(4);
    }

    private static Arbitrary<String> names() {
        return Arbitraries.of("a", "b", "cd").list().ofMinSize(0).ofMaxSize(2)
                .map(labels -> labels.isEmpty() ? "vn" : String.join(".", labels) + ".vn");
    }

    /** An address or block inside 10.0.0.0/24 or 2001:db8::/120, with host bits clear. */
    static Arbitrary<String> blocks() {
        return Combinators.combine(Arbitraries.of(false, false, true), Arbitraries.integers().between(0, 8),
                Arbitraries.integers().between(0, 255)).as((v6, hostBits, offset) -> {
                    int start = offset & ~((1 << hostBits) - 1);
                    String address = v6 ? V6_PREFIX + (start == 0 ? "" : Integer.toHexString(start)) : V4_PREFIX + start;
                    if (hostBits == 0 && offset % 2 == 0) {
                        return address;
                    }
                    return address + "/" + ((v6 ? 128 : 32) - hostBits);
                });
    }

    // --- reference model, independent of the code under test

    private static boolean isV6(String value) {
        return value.contains(":");
    }

    /** The offsets inside the universe covered by a canonical address or block. */
    private static BitSet range(String value) {
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        byte[] bytes = InetAddresses.forString(address).getAddress();
        int width = bytes.length * 8;
        int prefix = slash < 0 ? width : Integer.parseInt(value.substring(slash + 1));
        int start = bytes[bytes.length - 1] & 0xFF;
        BitSet set = new BitSet(256);
        set.set(start, start + (1 << (width - prefix)));
        return set;
    }

    private static List<String> addresses(String value) {
        BitSet offsets = range(value);
        List<String> addresses = new ArrayList<>();
        for (int o = offsets.nextSetBit(0); o >= 0; o = offsets.nextSetBit(o + 1)) {
            addresses.add(isV6(value) ? V6_PREFIX + Integer.toHexString(o) : V4_PREFIX + o);
        }
        return addresses;
    }

    /** Greedy: from the lowest uncovered address, the largest aligned block inside the set. */
    /** The address without its last byte: the universe {@link #range} indexes by that byte. */
    private static String universe(String value) {
        int slash = value.indexOf('/');
        byte[] bytes = InetAddresses.forString(slash < 0 ? value : value.substring(0, slash)).getAddress();
        return HexFormat.of().formatHex(bytes, 0, bytes.length - 1);
    }

    private static int fewestBlocks(BitSet set) {
        int count = 0;
        int at = set.nextSetBit(0);
        while (at >= 0 && at < 256) {
            int size = 1;
            while (at % (size * 2) == 0 && size * 2 <= 256 && set.get(at, at + size * 2).cardinality() == size * 2) {
                size *= 2;
            }
            count++;
            at = set.nextSetBit(at + size);
        }
        return count;
    }

    private static boolean addressProtected(String address, List<AllowEntry> allowlist) {
        return allowlist.stream().anyMatch(e -> e.type() == AllowType.CIDR && isV6(e.value()) == isV6(address)
                && range(e.value()).intersects(range(address)));
    }

    private static boolean nameProtected(String name, List<AllowEntry> allowlist) {
        return allowlist.stream().anyMatch(e -> (e.type() == AllowType.DOMAIN && e.value().equals(name))
                || (e.type() == AllowType.DOMAIN_TREE && atOrBelow(name, e.value())));
    }

    private static boolean treeOverlapsProtection(String root, List<AllowEntry> allowlist) {
        return allowlist.stream().anyMatch(e -> (e.type() != AllowType.CIDR && atOrBelow(e.value(), root))
                || (e.type() == AllowType.DOMAIN_TREE && atOrBelow(root, e.value())));
    }

    private static boolean atOrBelow(String name, String root) {
        return name.equals(root) || name.endsWith("." + root);
    }
}
