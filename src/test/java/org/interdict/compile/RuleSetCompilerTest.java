package org.interdict.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.interdict.target.TargetType;
import org.junit.jupiter.api.Test;

class RuleSetCompilerTest {

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    private static TargetRule domain(long id, String name) {
        return new TargetRule(id, TargetType.DOMAIN, name);
    }

    private static TargetRule tree(long id, String name) {
        return new TargetRule(id, TargetType.DOMAIN_TREE, name);
    }

    private static TargetRule url(long id, String url) {
        return new TargetRule(id, TargetType.URL, url);
    }

    private static TargetRule ip(long id, String value) {
        return new TargetRule(id, TargetType.IP, value);
    }

    private static AllowEntry allow(AllowType type, String value) {
        return new AllowEntry(type, value, "protected", "test");
    }

    private RuleSet compile(TargetRule... targets) {
        return compiler.compile(List.of(targets), List.of()).ruleSet();
    }

    @Test
    void duplicatesCollapseAndCarryEveryDirective() {
        RuleSet set = compile(domain(7, "b.example.vn"), domain(3, "a.example.vn"), domain(5, "b.example.vn"));

        assertThat(set.rules(RuleType.DOMAIN)).containsExactly("a.example.vn", "b.example.vn");
        assertThat(set.sources(RuleType.DOMAIN, 1)).containsExactly(5, 7);
    }

    @Test
    void treeCoversNamesDeeperTreesAndUrlHostsInsideIt() {
        RuleSet set = compile(
                tree(1, "example.vn"),
                domain(2, "www.example.vn"),
                tree(3, "cdn.example.vn"),
                url(4, "https://shop.example.vn/cart?id=1"),
                domain(5, "example.com.vn"),
                url(6, "https://other.vn/x"));

        assertThat(set.rules(RuleType.DOMAIN_TREE)).containsExactly("example.vn");
        assertThat(set.sources(RuleType.DOMAIN_TREE, 0)).containsExactly(1, 2, 3, 4);
        assertThat(set.rules(RuleType.DOMAIN)).containsExactly("example.com.vn");
        assertThat(set.rules(RuleType.URL)).containsExactly("https://other.vn/x");
    }

    @Test
    void labelBoundariesMatterForSubsumption() {
        RuleSet set = compile(tree(1, "ample.vn"), domain(2, "example.vn"));

        assertThat(set.rules(RuleType.DOMAIN)).containsExactly("example.vn");
        assertThat(set.rules(RuleType.DOMAIN_TREE)).containsExactly("ample.vn");
    }

    @Test
    void exactDomainAlsoBlockedAsTreeAppearsOnceAsTheTree() {
        RuleSet set = compile(domain(1, "example.vn"), tree(2, "example.vn"));

        assertThat(set.rules(RuleType.DOMAIN)).isEmpty();
        assertThat(set.rules(RuleType.DOMAIN_TREE)).containsExactly("example.vn");
        assertThat(set.sources(RuleType.DOMAIN_TREE, 0)).containsExactly(1, 2);
    }

    @Test
    void nestedTreesFoldIntoTheTopmost() {
        RuleSet set = compile(tree(3, "a.b.example.vn"), tree(2, "b.example.vn"), tree(1, "example.vn"));

        assertThat(set.rules(RuleType.DOMAIN_TREE)).containsExactly("example.vn");
        assertThat(set.sources(RuleType.DOMAIN_TREE, 0)).containsExactly(1, 2, 3);
    }

    @Test
    void addressesAndBlocksInsideAWiderBlockDisappear() {
        RuleSet set = compile(ip(1, "198.51.100.0/24"), ip(2, "198.51.100.7"), ip(3, "198.51.100.128/25"),
                ip(4, "2001:db8::/48"), ip(5, "2001:db8::1"));

        assertThat(set.rules(RuleType.IPV4)).containsExactly("198.51.100.0/24");
        assertThat(set.sources(RuleType.IPV4, 0)).containsExactly(1, 2, 3);
        assertThat(set.rules(RuleType.IPV6)).containsExactly("2001:db8::/48");
        assertThat(set.sources(RuleType.IPV6, 0)).containsExactly(4, 5);
    }

    @Test
    void adjacentBlocksMergeIntoTheFewestBlocks() {
        RuleSet set = compile(ip(1, "10.0.0.0/25"), ip(2, "10.0.0.128/25"), ip(3, "10.0.1.0"), ip(4, "10.0.1.1"),
                ip(5, "10.0.1.2"));

        assertThat(set.rules(RuleType.IPV4)).containsExactly("10.0.0.0/24", "10.0.1.0/31", "10.0.1.2/32");
        assertThat(set.sources(RuleType.IPV4, 0)).containsExactly(1, 2);
        assertThat(set.sources(RuleType.IPV4, 1)).containsExactly(3, 4);
        assertThat(set.sources(RuleType.IPV4, 2)).containsExactly(5);
    }

    @Test
    void ipv6BlocksMergeAndPrintInRfc5952Text() {
        RuleSet set = compile(ip(1, "2001:db8::/49"), ip(2, "2001:db8:0:8000::/49"), ip(3, "::"), ip(4, "::1"));

        assertThat(set.rules(RuleType.IPV6)).containsExactly("2001:db8::/48", "::/127");
    }

    @Test
    void wholeAddressSpacesMergeWithoutOverflow() {
        RuleSet set = compile(ip(1, "0.0.0.0/1"), ip(2, "128.0.0.0/1"), ip(3, "::/1"), ip(4, "8000::/1"));

        assertThat(set.rules(RuleType.IPV4)).containsExactly("0.0.0.0/0");
        assertThat(set.rules(RuleType.IPV6)).containsExactly("::/0");
    }

    @Test
    void ipRulesSortInTextOrder() {
        RuleSet set = compile(ip(1, "9.0.0.0/8"), ip(1, "10.0.0.0/8"), ip(1, "100.0.0.1"));

        assertThat(set.rules(RuleType.IPV4)).containsExactly("10.0.0.0/8", "100.0.0.1/32", "9.0.0.0/8");
    }

    @Test
    void urlWithIpLiteralHostInsideABlockStaysAUrl() {
        RuleSet set = compile(ip(1, "203.0.113.0/24"), url(2, "http://203.0.113.5/login"));

        assertThat(set.rules(RuleType.URL)).containsExactly("http://203.0.113.5/login");
        assertThat(set.rules(RuleType.IPV4)).containsExactly("203.0.113.0/24");
    }

    @Test
    void protectedExactNameIsDroppedAndReported() {
        CompileResult result = compiler.compile(
                List.of(domain(1, "portal.gov.vn"), domain(2, "mail.example.vn"), domain(3, "x.example.vn")),
                List.of(allow(AllowType.DOMAIN_TREE, "gov.vn"), allow(AllowType.DOMAIN, "mail.example.vn")));

        assertThat(result.ruleSet().rules(RuleType.DOMAIN)).containsExactly("x.example.vn");
        assertThat(result.conflicts()).extracting(Conflict::directiveId, Conflict::targetValue, Conflict::resolution)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "portal.gov.vn", Resolution.REFUSED),
                        org.assertj.core.groups.Tuple.tuple(2L, "mail.example.vn", Resolution.REFUSED));
        assertThat(result.conflicts().get(0).protectedBy().value()).isEqualTo("gov.vn");
    }

    @Test
    void treeContainingOrInsideAProtectedNameIsRefusedWhole() {
        CompileResult result = compiler.compile(
                List.of(tree(1, "vn"), tree(2, "ministry.gov.vn"), tree(3, "example.vn"), domain(4, "www.vn")),
                List.of(allow(AllowType.DOMAIN_TREE, "gov.vn")));

        RuleSet set = result.ruleSet();
        assertThat(set.rules(RuleType.DOMAIN_TREE)).containsExactly("example.vn");
        assertThat(set.rules(RuleType.DOMAIN)).containsExactly("www.vn");
        assertThat(result.conflicts()).extracting(Conflict::targetValue).containsExactly("vn", "ministry.gov.vn");
        assertThat(result.conflicts()).allSatisfy(c -> {
            assertThat(c.resolution()).isEqualTo(Resolution.REFUSED);
            assertThat(c.targetType()).isEqualTo(TargetType.DOMAIN_TREE);
        });
    }

    @Test
    void treeContainingAProtectedExactNameIsRefused() {
        CompileResult result = compiler.compile(List.of(tree(1, "example.vn"), domain(2, "www.example.vn")),
                List.of(allow(AllowType.DOMAIN, "mail.example.vn")));

        assertThat(result.ruleSet().rules(RuleType.DOMAIN_TREE)).isEmpty();
        assertThat(result.ruleSet().rules(RuleType.DOMAIN)).containsExactly("www.example.vn");
        assertThat(result.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.directiveId()).isEqualTo(1);
            assertThat(c.protectedBy().value()).isEqualTo("mail.example.vn");
        });
    }

    @Test
    void urlWhoseHostIsProtectedIsDropped() {
        CompileResult result = compiler.compile(
                List.of(url(1, "https://www.gov.vn/a"), url(2, "http://8.8.8.8/x"), url(3, "https://ok.vn/")),
                List.of(allow(AllowType.DOMAIN_TREE, "gov.vn"), allow(AllowType.CIDR, "8.8.8.0/24")));

        assertThat(result.ruleSet().rules(RuleType.URL)).containsExactly("https://ok.vn/");
        assertThat(result.conflicts()).extracting(Conflict::directiveId).containsExactly(1L, 2L);
    }

    @Test
    void blockContainingAProtectedRangeIsCarvedIntoTheFewestBlocks() {
        CompileResult result = compiler.compile(List.of(ip(1, "8.8.8.0/24"), ip(2, "1.1.1.1")),
                List.of(allow(AllowType.CIDR, "8.8.8.8")));

        assertThat(result.ruleSet().rules(RuleType.IPV4)).containsExactly("1.1.1.1/32", "8.8.8.0/29",
                "8.8.8.10/31", "8.8.8.12/30", "8.8.8.128/25", "8.8.8.16/28", "8.8.8.32/27", "8.8.8.64/26",
                "8.8.8.9/32");
        assertThat(result.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.resolution()).isEqualTo(Resolution.CARVED);
            assertThat(c.targetValue()).isEqualTo("8.8.8.0/24");
            assertThat(c.directiveId()).isEqualTo(1);
        });
    }

    @Test
    void blockInsideAProtectedRangeIsDropped() {
        CompileResult result = compiler.compile(List.of(ip(1, "2001:4860:4860::8888"), ip(2, "2001:db8::/64")),
                List.of(allow(AllowType.CIDR, "2001:4860::/32")));

        assertThat(result.ruleSet().rules(RuleType.IPV6)).containsExactly("2001:db8::/64");
        assertThat(result.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.resolution()).isEqualTo(Resolution.REFUSED);
            assertThat(c.protectedBy().value()).isEqualTo("2001:4860::/32");
        });
    }

    @Test
    void theNat64And6to4ImagesOfAProtectedIpv4AddressAreProtectedToo() {
        CompileResult result = compiler.compile(List.of(ip(1, "64:ff9b::808:808"), ip(2, "2002:808:808::/48"),
                ip(3, "64:ff9b::808:800/120"), url(4, "http://[2002:808:808::1]/x"), ip(5, "64:ff9b::909:909"),
                ip(6, "2002:808:808:1::/64")), List.of(allow(AllowType.CIDR, "8.8.8.8")));

        List<String> ipv6 = result.ruleSet().rules(RuleType.IPV6);
        assertThat(ipv6).contains("64:ff9b::909:909/128", "64:ff9b::808:800/125", "64:ff9b::808:809/128")
                .doesNotContain("64:ff9b::808:808/128", "64:ff9b::808:800/120", "2002:808:808::/48")
                .noneMatch(rule -> rule.startsWith("2002:"))
                .hasSize(9);
        assertThat(result.ruleSet().rules(RuleType.URL)).isEmpty();
        assertThat(result.conflicts()).allSatisfy(c -> assertThat(c.protectedBy().value()).isEqualTo("8.8.8.8"))
                .extracting(Conflict::directiveId, Conflict::resolution).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, Resolution.REFUSED),
                        org.assertj.core.groups.Tuple.tuple(2L, Resolution.REFUSED),
                        org.assertj.core.groups.Tuple.tuple(3L, Resolution.CARVED),
                        org.assertj.core.groups.Tuple.tuple(4L, Resolution.REFUSED),
                        org.assertj.core.groups.Tuple.tuple(6L, Resolution.REFUSED));
        assertThat(result.conflicts().get(0).message())
                .isEqualTo("64:ff9b::808:808 lies inside 64:ff9b::808:808, the NAT64 image of protected 8.8.8.8"
                        + " (protected)");
        assertThat(result.conflicts().get(1).message())
                .contains("2002:808:808::/48, the 6to4 image of protected 8.8.8.8");
    }

    @Test
    void carvedPiecesKeepOnlyTheDirectivesBehindThem() {
        RuleSet set = compiler.compile(List.of(ip(1, "10.0.0.0/23"), ip(2, "10.0.1.0/24")),
                List.of(allow(AllowType.CIDR, "10.0.0.0/25"))).ruleSet();

        assertThat(set.rules(RuleType.IPV4)).containsExactly("10.0.0.128/25", "10.0.1.0/24");
        assertThat(set.sources(RuleType.IPV4, 0)).containsExactly(1);
        assertThat(set.sources(RuleType.IPV4, 1)).containsExactly(1, 2);
    }

    @Test
    void digestFollowsTheDocumentedCanonicalText() throws Exception {
        RuleSet set = compile(domain(1, "b.vn"), tree(1, "a.vn"), ip(1, "1.2.3.4"));
        String text = "DOMAIN\tb.vn\nDOMAIN_TREE\ta.vn\nIPV4\t1.2.3.4/32\n";
        byte[] expected = java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(set.digest()).isEqualTo(java.util.HexFormat.of().formatHex(expected));
    }

    /**
     * Chunk texts are sized from a sample of rule lengths: rules far longer than the sampled ones, and non-ASCII
     * ones, must make the text grow, never cut it short.
     */
    @Test
    void digestCoversRulesLongerThanTheSampledOnesAndNonAsciiOnes() throws Exception {
        int count = 70_000;
        String[] urls = new String[count];
        long[][] sources = new long[count][];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String path = i % 64 == 0 ? "a" : "x".repeat(150) + (i % 3 == 0 ? "\u00e9\u20ac" : "");
            urls[i] = String.format("https://h%06d.vn/%s", i, path);
            sources[i] = new long[] {1};
            text.append("URL\t").append(urls[i]).append('\n');
        }
        RuleSet set = RuleSet.of(Map.of(RuleType.URL, urls), Map.of(RuleType.URL, sources));
        byte[] expected = java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(set.digest()).isEqualTo(java.util.HexFormat.of().formatHex(expected));
    }

    /**
     * A directive whose target an existing tree covers adds no rule, only provenance: the rules' digest stays, the
     * provenance digest tells the two sets apart.
     */
    @Test
    void provenanceDigestChangesWithTheDirectivesBehindUnchangedRules() {
        RuleSet before = compile(tree(1, "example.vn"), ip(1, "10.0.0.0/24"));
        RuleSet covered = compile(tree(1, "example.vn"), ip(1, "10.0.0.0/24"), domain(2, "www.example.vn"));
        RuleSet shuffled = compile(domain(2, "www.example.vn"), ip(1, "10.0.0.0/24"), tree(1, "example.vn"));

        assertThat(covered.digest()).isEqualTo(before.digest());
        assertThat(covered.provenanceDigest()).isNotEqualTo(before.provenanceDigest());
        assertThat(shuffled.provenanceDigest()).isEqualTo(covered.provenanceDigest());
        // The same ids behind other rules: moved from the tree to the block.
        RuleSet moved = compile(tree(1, "example.vn"), ip(1, "10.0.0.0/24"), ip(2, "10.0.0.7"));
        assertThat(moved.digest()).isEqualTo(before.digest());
        assertThat(moved.provenanceDigest()).isNotEqualTo(covered.provenanceDigest());
    }

    @Test
    void provenanceDigestFollowsTheDocumentedEncoding() throws Exception {
        long big = 300L;
        RuleSet set = RuleSet.of(Map.of(RuleType.DOMAIN, new String[] {"a.vn", "b.vn"}, RuleType.IPV4,
                new String[] {"1.2.3.4/32"}), Map.of(RuleType.DOMAIN, new long[][] {{1, big}, {2}}, RuleType.IPV4,
                new long[][] {{1}}));
        // Counts and ids as unsigned LEB128: 300 is 0xAC 0x02.
        byte[] encoded = {2, 1, (byte) 0xAC, 0x02, 1, 2, 1, 1};
        byte[] expected = java.security.MessageDigest.getInstance("SHA-256").digest(encoded);

        assertThat(set.provenanceDigest()).isEqualTo(java.util.HexFormat.of().formatHex(expected));
    }

    @Test
    void nonCanonicalAddressIsRejected() {
        assertThatThrownBy(() -> compile(ip(1, "10.0.0.1/24"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host bits");
    }
}
