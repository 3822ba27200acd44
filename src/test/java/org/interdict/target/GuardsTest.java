package org.interdict.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GuardsTest {

    private static final TargetParser PARSER = new TargetParser();
    private static GuardData shipped;
    private static Guards guards;

    @BeforeAll
    static void loadShippedData() {
        shipped = GuardData.fromClasspath();
        guards = new Guards(shipped);
    }

    private static Target target(String line) {
        ParseResult result = PARSER.parseLine(line);
        assertThat(result).as(line).isInstanceOf(ParseResult.Valid.class);
        return ((ParseResult.Valid) result).target();
    }

    private static List<String> codes(String line) {
        return guards.check(target(line)).stream().map(GuardFinding::code).toList();
    }

    private static GuardFinding finding(String line, String code) {
        return guards.check(target(line)).stream()
                .filter(f -> f.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError(line + " has no " + code + " finding"));
    }

    @Test
    void shippedDataIsComplete() {
        assertThat(shipped.highImpactNames()).hasSize(10_000).contains("google.com", "github.io");
        assertThat(shipped.sharedInfrastructure().keySet()).containsExactlyInAnyOrderElementsOf(
                GuardData.SHIPPED_PROVIDERS);
        assertThat(shipped.sharedInfrastructure().get("cloudflare")).contains("104.16.0.0/13", "2400:cb00::/32");
        assertThat(shipped.highImpactNames()).noneMatch(name -> name.startsWith("#"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*.com.vn", "com.vn", "*.gov.vn", "*.co.uk"})
    void publicSuffix(String line) {
        assertThat(codes(line)).contains(GuardFinding.PUBLIC_SUFFIX).doesNotContain(
                GuardFinding.PRIVATE_REGISTRY_SUFFIX);
        assertThat(finding(line, GuardFinding.PUBLIC_SUFFIX).message()).contains("public suffix");
    }

    @Test
    void singleLabelTldTargetBuiltDirectlyIsAPublicSuffix() {
        assertThat(guards.check(new Target(TargetType.DOMAIN_TREE, "vn")))
                .extracting(GuardFinding::code).contains(GuardFinding.PUBLIC_SUFFIX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*.github.io", "*.blogspot.com", "herokuapp.com"})
    void privateRegistrySuffix(String line) {
        assertThat(codes(line)).contains(GuardFinding.PRIVATE_REGISTRY_SUFFIX).doesNotContain(
                GuardFinding.PUBLIC_SUFFIX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*.example-site.com.vn", "someone.github.io", "*.thuvien-interdict.vn",
        "https://someone.github.io/page", "https://mail.google.com/x", "http://45.118.144.1/x",
        "64:ff9b::2d76:9001", "2002:2d76:9001::/48"})
    void ordinaryTargetsPassCleanly(String line) {
        assertThat(codes(line)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "https://google.com/, google.com",
        "https://www.google.com/search?q=x, www.google.com",
        "https://com.vn/, com.vn",
        "http://github.io:8080/a, github.io",
        "http://10.0.0.1/, 10.0.0.1",
        "http://[2001:db8::1]/x, 2001:db8::1",
        "http://104.16.0.1/x, 104.16.0.1",
        "http://[64:ff9b::6810:1]/, 64:ff9b::6810:1",
        "https://аpple.com/login, аpple.com"})
    void aUrlTripsTheGuardsOfItsHost(String url, String host) {
        assertThat(codes(host)).isNotEmpty();
        assertThat(codes(url)).isEqualTo(codes(host));
        assertThat(guards.check(target(url))).allSatisfy(finding -> assertThat(finding.message())
                .startsWith("the URL's host: ").contains("HTTPS"));
    }

    @ParameterizedTest
    @CsvSource({
        "10.1.2.3, 64:ff9b::a01:203",
        "10.1.2.3, 2002:a01:203::/48",
        "10.1.2.3, 2002:a01:203:1::/64",
        "104.16.132.229, 64:ff9b::6810:84e5",
        "104.16.132.229, 2002:6810:84e5::/48",
        "104.16.0.0/24, 64:ff9b::6810:0/120",
        "104.16.0.0/24, 2002:6810::/40",
        "0.0.0.0/4, 64:ff9b::/100",
        "11.0.0.0/15, 2002:b00::/31"})
    void anIpv6ImageOfAnIpv4BlockTripsTheGuardsOfTheIpv4Block(String ipv4, String ipv6) {
        assertThat(codes(ipv4)).isNotEmpty();
        assertThat(codes(ipv6)).containsAll(codes(ipv4));
        assertThat(guards.check(target(ipv6))).filteredOn(finding -> finding.message().contains("reaches IPv4"))
                .hasSameSizeAs(codes(ipv4))
                .allSatisfy(finding -> assertThat(finding.message()).containsAnyOf("NAT64", "6to4"));
    }

    @Test
    void aBlockOverATranslationPrefixCarriesEveryIpv4Address() {
        // ::/1 holds both 64:ff9b::/96 and 2002::/16, so it reaches every IPv4 address twice over.
        assertThat(guards.check(target("::/1"))).filteredOn(finding -> finding.message().contains("0.0.0.0/0"))
                .extracting(GuardFinding::code).containsOnly(GuardFinding.TOO_BROAD, GuardFinding.RESERVED_RANGE,
                        GuardFinding.SHARED_INFRASTRUCTURE).hasSize(6);
    }

    @ParameterizedTest
    @CsvSource({
        "аpple.com, Cyrillic and Latin",
        "*.gооgle.com, Cyrillic and Latin",
        "раураl.com, Cyrillic and Latin",
        "уа.ru, ya.ru",
        "www.уа.ru, ya.ru"})
    void internationalisedNamesThatPassForOthersAreConfusable(String line, String named) {
        GuardFinding finding = finding(line, GuardFinding.CONFUSABLE);
        assertThat(finding.message()).contains(named, "UTS #39", target(line).value());
        assertThat(finding.message()).contains(line.replace("*.", ""));
    }

    @Test
    void aConfusableNameSaysWhichSiteItLooksLike() {
        assertThat(finding("аpple.com", GuardFinding.CONFUSABLE).message())
                .contains("looks like 'apple.com', one of the most-used sites");
        assertThat(finding("пример-apple.com", GuardFinding.CONFUSABLE).message()).contains("Cyrillic and Latin")
                .doesNotContain("looks like");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lừa-đảo.vn", "đánh-bạc-trực-tuyến.vn", "*.cá-cược.vn", "xổ-số.vn", "bộthôngtin.vn",
        "https://lừa-đảo.vn/khuyen-mai", "thủ-tướng.chính-phủ.vn", "nguyễn-văn-ỉ.vn", "пример.рф", "例え.jp",
        "münchen.de", "straße.de", "paypa1.com"})
    void vietnameseAndOtherSingleScriptNamesAreNotConfusable(String line) {
        assertThat(codes(line)).doesNotContain(GuardFinding.CONFUSABLE);
    }

    @Test
    void highImpactNameAsDomainOrTree() {
        assertThat(codes("google.com")).containsExactly(GuardFinding.HIGH_IMPACT);
        assertThat(codes("*.google.com")).containsExactly(GuardFinding.HIGH_IMPACT);
        assertThat(finding("*.thanhnien.vn", GuardFinding.HIGH_IMPACT).message())
                .contains("thanhnien.vn", "most-used");
    }

    @Test
    void wwwOfAHighImpactSiteIsTheSite() {
        assertThat(codes("www.google.com")).containsExactly(GuardFinding.HIGH_IMPACT);
        assertThat(codes("mail.google.com")).isEmpty();
    }

    @Test
    void treeContainingAHighImpactNameIsFlagged() {
        // blogspot.com.es is listed; com.es is not, but a tree over it covers it.
        assertThat(shipped.highImpactNames()).contains("blogspot.com.es").doesNotContain("com.es");
        GuardFinding finding = finding("*.com.es", GuardFinding.HIGH_IMPACT);
        assertThat(finding.message()).contains("covers");
        assertThat(codes("com.es")).doesNotContain(GuardFinding.HIGH_IMPACT);
    }

    @Test
    void treeCoverageWithConfiguredData() throws IOException {
        GuardData data = GuardData.read(new StringReader("# list\nmail.example.org\n\nWWW.Other.ORG.\n"), Map.of());
        Guards custom = new Guards(data);
        assertThat(data.highImpactNames()).containsExactlyInAnyOrder("mail.example.org", "www.other.org");
        assertThat(custom.check(target("*.example.org"))).extracting(GuardFinding::code)
                .containsExactly(GuardFinding.HIGH_IMPACT);
        assertThat(custom.check(target("example.org"))).isEmpty();
        assertThat(custom.check(target("*.mail.example.org"))).hasSize(1);
        assertThat(custom.check(target("*.sub.mail.example.org"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/8", "10.1.2.3", "192.168.1.0/24", "127.0.0.1", "169.254.169.254",
        "100.64.0.1", "224.0.0.251", "255.255.255.255", "0.0.0.0", "192.0.2.1", "198.51.100.0/24",
        "203.0.113.5", "198.18.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::/48", "2001:db8::1",
        "ff02::1", "3fff::1", "100::1", "2001:0:1::1"})
    void reservedRange(String line) {
        assertThat(codes(line)).contains(GuardFinding.RESERVED_RANGE);
    }

    @Test
    void reservedMessageNamesTheRange() {
        assertThat(finding("10.20.30.40", GuardFinding.RESERVED_RANGE).message())
                .contains("private-use", "10.0.0.0/8");
        assertThat(finding("2001:db8::/48", GuardFinding.RESERVED_RANGE).message())
                .contains("documentation", "2001:db8::/32");
    }

    @Test
    void blockPartlyOverlappingAReservedRangeIsFlagged() {
        // 8.0.0.0/5 ends at 15.255.255.255 and so contains 10.0.0.0/8.
        assertThat(codes("8.0.0.0/5")).contains(GuardFinding.RESERVED_RANGE, GuardFinding.TOO_BROAD);
        assertThat(codes("11.0.0.0/8")).doesNotContain(GuardFinding.RESERVED_RANGE);
        assertThat(codes("172.32.0.0/16")).doesNotContain(GuardFinding.RESERVED_RANGE);
        assertThat(codes("172.31.255.255")).contains(GuardFinding.RESERVED_RANGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.9.9.9", "8.8.8.8", "2001:4860:4860::8888", "223.255.255.255", "2a00:1450::1"})
    void publicAddressesAreNotReserved(String line) {
        assertThat(codes(line)).doesNotContain(GuardFinding.RESERVED_RANGE, GuardFinding.TOO_BROAD);
    }

    @Test
    void tooBroad() {
        assertThat(codes("11.0.0.0/15")).contains(GuardFinding.TOO_BROAD);
        assertThat(codes("11.0.0.0/16")).doesNotContain(GuardFinding.TOO_BROAD);
        assertThat(codes("2a00::/31")).contains(GuardFinding.TOO_BROAD);
        assertThat(codes("2a00::/32")).doesNotContain(GuardFinding.TOO_BROAD);
        assertThat(finding("0.0.0.0/0", GuardFinding.TOO_BROAD).message()).contains("/16");
        assertThat(finding("::/0", GuardFinding.TOO_BROAD).message()).contains("/32", "IPv6");
    }

    @Test
    void cloudflareAddress() {
        GuardFinding finding = finding("104.16.132.229", GuardFinding.SHARED_INFRASTRUCTURE);
        assertThat(finding.message()).contains("cloudflare").doesNotContain("fastly");
        assertThat(finding("2400:cb00::1", GuardFinding.SHARED_INFRASTRUCTURE).message()).contains("cloudflare");
    }

    @Test
    void otherProvidersAreNamed() {
        assertThat(finding("151.101.1.69", GuardFinding.SHARED_INFRASTRUCTURE).message()).contains("fastly");
        assertThat(finding("100.20.0.1", GuardFinding.SHARED_INFRASTRUCTURE).message()).contains("amazon-aws");
        assertThat(finding("104.154.128.10", GuardFinding.SHARED_INFRASTRUCTURE).message())
                .contains("google-gcp");
    }

    @Test
    void blockOverlappingAProviderRangeIsFlagged() {
        // 104.0.0.0/11 ends at 104.31.255.255 and so reaches Cloudflare's 104.16.0.0/13.
        assertThat(finding("104.0.0.0/11", GuardFinding.SHARED_INFRASTRUCTURE).message()).contains("cloudflare");
        assertThat(finding("104.16.0.0/13", GuardFinding.SHARED_INFRASTRUCTURE).message()).contains("cloudflare");
    }

    @Test
    void addressesOutsideProviderRangesAreNotShared() {
        assertThat(codes("9.9.9.9")).doesNotContain(GuardFinding.SHARED_INFRASTRUCTURE);
        // Just below and just above Cloudflare's 104.16.0.0/13 with providers' data configured alone.
        Guards cloudflareOnly = new Guards(new GuardData(Set.of(),
                Map.of("cloudflare", shipped.sharedInfrastructure().get("cloudflare"))));
        assertThat(cloudflareOnly.check(target("104.15.255.255"))).isEmpty();
        assertThat(cloudflareOnly.check(target("104.24.0.0"))).isNotEmpty();
        assertThat(cloudflareOnly.check(target("104.28.0.0"))).isEmpty();
        assertThat(cloudflareOnly.check(target("104.23.255.255"))).isNotEmpty();
        assertThat(cloudflareOnly.check(target("2400:cb01::"))).isEmpty();
    }

    @Test
    void severalProvidersInOneFinding() {
        GuardFinding finding = finding("0.0.0.0/0", GuardFinding.SHARED_INFRASTRUCTURE);
        assertThat(finding.message()).contains("akamai", "amazon-aws", "cloudflare", "fastly", "google-gcp",
                "microsoft-azure");
        assertThat(codes("0.0.0.0/0")).containsExactly(GuardFinding.TOO_BROAD, GuardFinding.RESERVED_RANGE,
                GuardFinding.SHARED_INFRASTRUCTURE);
    }

    @Test
    void configuredFilesNameProvidersAfterTheFile(@TempDir Path dir) throws IOException {
        Path names = Files.writeString(dir.resolve("sites.txt"), "example.vn # a comment\n");
        Path cdn = Files.writeString(dir.resolve("my-cdn.txt"), "# header\n\n203.0.113.0/24\n2001:db8:1::/48\n");
        Guards custom = new Guards(GuardData.load(names, List.of(cdn)));
        assertThat(custom.check(target("example.vn"))).extracting(GuardFinding::code)
                .containsExactly(GuardFinding.HIGH_IMPACT);
        assertThat(custom.check(target("203.0.113.9"))).filteredOn(f -> f.code().equals(
                GuardFinding.SHARED_INFRASTRUCTURE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("my-cdn"));
        assertThat(custom.check(target("2001:db8:1:2::/64"))).extracting(GuardFinding::code)
                .contains(GuardFinding.SHARED_INFRASTRUCTURE);
        assertThat(custom.check(target("104.16.0.1"))).isEmpty();
    }

    @Test
    void malformedDataIsRefusedWithItsProvider() {
        assertThatThrownBy(() -> new GuardData(Set.of(), Map.of("acme", List.of("10.0.0.0/8", "not-a-block"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acme")
                .hasMessageContaining("not-a-block");
    }

    @Test
    void namesGivenDirectlyAreCanonicalised() {
        GuardData data = new GuardData(Set.of("Example.VN.", " other.vn"), Map.of());
        assertThat(data.highImpactNames()).containsExactlyInAnyOrder("example.vn", "other.vn");
        assertThatThrownBy(() -> new GuardData(Set.of("."), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataIsCopied() {
        List<String> blocks = new java.util.ArrayList<>(List.of("192.0.2.0/24"));
        GuardData data = new GuardData(Set.of(), Map.of("x", blocks));
        blocks.add("198.51.100.0/24");
        assertThat(data.sharedInfrastructure().get("x")).containsExactly("192.0.2.0/24");
    }

    @Test
    void manyChecksStayCheap() {
        // Not a timing test: exercises the guards over a national-scale batch so a regression to linear scans
        // shows up as a visibly slow test.
        int flagged = 0;
        for (int i = 0; i < 100_000; i++) {
            Target address = new Target(TargetType.IP, (i >> 8) % 200 + 1 + "." + (i & 255) + ".1.1");
            Target name = new Target(TargetType.DOMAIN, "site" + i + ".example.vn");
            flagged += guards.check(address).size() + guards.check(name).size();
        }
        assertThat(flagged).isPositive();
    }
}
