package org.interdict.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RenderersTest {

    @Test
    void registryListsEveryFormatWithMediaTypeAndFileName() {
        assertThat(Renderers.formats()).containsExactly(
                "json", "txt", "rpz", "hosts", "unbound", "dnsmasq", "nftables", "ipset", "squid", "csv");
        assertThat(Renderers.get("rpz").mediaType()).isEqualTo("text/dns");
        assertThat(Renderers.get("json").mediaType()).isEqualTo("application/json");
        assertThat(Renderers.get("csv").mediaType()).startsWith("text/csv");
        assertThat(Renderers.get("rpz").fileName("vnpt", 42)).isEqualTo("interdict-vnpt-v42.rpz");
        assertThat(Renderers.get("unbound").fileName("a b\"c", 1)).isEqualTo("interdict-a_b_c-v1.unbound.conf");
        assertThat(Renderers.find("bind")).isEmpty();
        assertThatThrownBy(() -> Renderers.get("bind")).hasMessageContaining("rpz");
    }

    @ParameterizedTest
    @CsvSource({
        "203.0.113.5/32, IPV4, 32.5.113.0.203",
        "198.51.0.0/16, IPV4, 16.0.0.51.198",
        "2001:db8::/48, IPV6, 48.zz.db8.2001",
        "2001:db8::1/128, IPV6, 128.1.zz.db8.2001",
        "::1/128, IPV6, 128.1.zz",
        "8000::/1, IPV6, 1.zz.8000",
        "2001:db8:0:1:1:1:1:1/128, IPV6, 128.1.1.1.1.1.0.db8.2001",
        // Two runs of equal length: the first one in address order is compressed, as in RFC 5952.
        "2001:db8::1:0:0:1/128, IPV6, 128.1.0.0.1.zz.db8.2001",
        "2001:0:0:1::/64, IPV6, 64.zz.1.0.0.2001",
        "::ffff:192.0.2.1/128, IPV6, 128.201.c000.ffff.zz",
    })
    void rpzIpTriggerNames(String rule, RuleType type, String labels) {
        assertThat(Cidr.parse(rule, type).rpzIpLabels()).isEqualTo(labels);
    }

    @ParameterizedTest
    @CsvSource({
        "203.0.113.5/24, IPV4, bits set beyond",
        "203.0.113.0, IPV4, no prefix",
        "203.0.113.0/33, IPV4, over 32",
        "203.0.113.0/x, IPV4, not a number",
        "2001:db8::/48, IPV4, not an IPv4",
        "203.0.113.0/24, IPV6, not an IPv6",
        "fe80::1%eth0/128, IPV6, not an IPv6",
        "example.vn/32, IPV4, not an IPv4",
    })
    void badBlocksAreRefused(String rule, RuleType type, String reason) {
        assertThatThrownBy(() -> Cidr.parse(rule, type)).hasMessageContaining(reason);
    }

    @Test
    void malformedRulesAreReportedAndLeftOutInsteadOfCorruptingTheFile() throws IOException {
        RuleSet rules = new TestRuleSets.Builder()
                .add(RuleType.DOMAIN, "bad name.vn", 1)
                .add(RuleType.DOMAIN, "good.vn", 1)
                .add(RuleType.DOMAIN, TestRuleSets.label('x', 64) + ".vn", 1)
                .add(RuleType.DOMAIN_TREE, "5.113.0.203.rpz-ip", 1)
                .add(RuleType.IPV4, "0.0.0.0/0", 1)
                .add(RuleType.IPV4, "203.0.113.5/24", 1)
                .build();
        for (String format : List.of("rpz", "hosts", "unbound", "dnsmasq", "squid")) {
            Rendered rendered = render(format, rules, context(rules));
            assertThat(rendered.text()).as(format).contains("good.vn").doesNotContain("bad name", "xxxxx");
            assertThat(rendered.report().rejected()).as(format).extracting(RenderReport.Rejected::rule)
                    .contains("bad name.vn", TestRuleSets.label('x', 64) + ".vn");
        }
        Rendered rpz = render("rpz", rules, context(rules));
        assertThat(rpz.report().rejected()).extracting(RenderReport.Rejected::rule)
                .contains("5.113.0.203.rpz-ip", "0.0.0.0/0", "203.0.113.5/24");
        assertThat(rpz.text()).doesNotContain("5.113.0.203.rpz-ip CNAME", "24.5.113.0.203");

        Rendered nft = render("nftables", rules, context(rules));
        assertThat(nft.text()).contains("{ 0.0.0.0/0 }").doesNotContain("203.0.113.5/24");
        assertThat(render("ipset", rules, context(rules)).report().rejected()).extracting(RenderReport.Rejected::rule)
                .containsExactly("0.0.0.0/0", "203.0.113.5/24");
    }

    @Test
    void rpzOwnerNamesStopAt255Octets() throws IOException {
        String exactFits = TestRuleSets.nameOfLength(239, ".vn");
        String exactTooLong = TestRuleSets.nameOfLength(240, ".vn");
        String treeFits = TestRuleSets.nameOfLength(237, ".vn");
        String treeTooLong = TestRuleSets.nameOfLength(238, ".vn");
        RuleSet rules = new TestRuleSets.Builder()
                .add(RuleType.DOMAIN, exactFits, 1).add(RuleType.DOMAIN, exactTooLong, 1)
                .add(RuleType.DOMAIN_TREE, treeFits, 1).add(RuleType.DOMAIN_TREE, treeTooLong, 1)
                .build();

        RenderReport report = render("rpz", rules, context(rules)).report();
        assertThat(report.rejected()).extracting(RenderReport.Rejected::rule).containsExactly(exactTooLong, treeTooLong);
        assertThat(report.rejected().get(0).reason()).contains("256 octets");
        assertThat(report.written(RuleType.DOMAIN)).isOne();
        assertThat(report.written(RuleType.DOMAIN_TREE)).isOne();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderReport shortOrigin = Renderers.rpz("rpz.").render(rules, context(rules), out);
        assertThat(shortOrigin.rejectedTotal()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("$ORIGIN rpz.\n", "*." + treeTooLong + " CNAME .");
        assertThatThrownBy(() -> Renderers.rpz("no-trailing-dot")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rpzSerialFollowsTheVersionModulo32Bits() throws IOException {
        RuleSet rules = RuleSet.empty();
        RenderContext context = RenderContext.of("vnpt", (1L << 32) + 7, rules.digest(), Instant.EPOCH);
        assertThat(render("rpz", rules, context).text()).contains("@ SOA localhost. hostmaster.localhost. 7 ");
    }

    @Test
    void reportsWhatEachFormatCannotCarry() throws IOException {
        RuleSet rules = TestRuleSets.small();
        RenderReport hosts = render("hosts", rules, context(rules)).report();
        assertThat(hosts.notCarried()).containsOnlyKeys(RuleType.URL, RuleType.IPV4, RuleType.IPV6);
        assertThat(hosts.narrowed(RuleType.DOMAIN_TREE)).isEqualTo(3);
        assertThat(hosts.complete()).isFalse();

        RenderReport nft = render("nftables", rules, context(rules)).report();
        assertThat(nft.notCarried()).containsOnlyKeys(RuleType.DOMAIN, RuleType.DOMAIN_TREE, RuleType.URL);

        for (String format : List.of("json", "txt", "csv")) {
            RenderReport report = render(format, rules, context(rules)).report();
            assertThat(report.complete()).as(format).isTrue();
            assertThat(report.written().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(rules.size());
        }
    }

    @Test
    void csvQuotesFieldsPerRfc4180() throws IOException {
        RuleSet rules = new TestRuleSets.Builder()
                .add(RuleType.URL, "http://a.vn/x,\"y\"", 1, 2)
                .add(RuleType.URL, "http://b.vn/line\nbreak", 3)
                .build();
        assertThat(render("csv", rules, context(rules)).text()).isEqualTo("type,rule,directives\r\n"
                + "URL,\"http://a.vn/x,\"\"y\"\"\",1 2\r\n"
                + "URL,\"http://b.vn/line\nbreak\",3\r\n");
    }

    @Test
    void plainTextRefusesRulesThatWouldSpanLines() throws IOException {
        RuleSet rules = new TestRuleSets.Builder().add(RuleType.URL, "http://b.vn/line\nbreak", 3).build();
        Rendered txt = render("txt", rules, context(rules).withOnlyType(RuleType.URL));
        assertThat(txt.text()).isEmpty();
        assertThat(txt.report().rejectedTotal()).isOne();
    }

    @Test
    void nftablesSplitsLargeSetsIntoChunks() throws IOException {
        TestRuleSets.Builder builder = new TestRuleSets.Builder();
        for (int i = 0; i < 2500; i++) {
            builder.add(RuleType.IPV4, "10.0." + i / 256 + "." + i % 256 + "/32", 1);
        }
        RuleSet rules = builder.build();
        String text = render("nftables", rules, context(rules)).text();
        assertThat(text.lines().filter(l -> l.startsWith("add element inet interdict blocked_v4 {"))).hasSize(3);
    }

    @Test
    void ipsetSizesTheSetsToTheContent() throws IOException {
        TestRuleSets.Builder builder = new TestRuleSets.Builder();
        for (int i = 0; i < 70_000; i++) {
            builder.add(RuleType.IPV4, "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255) + "/32", 1);
        }
        RuleSet rules = builder.build();
        String text = render("ipset", rules, context(rules)).text();
        assertThat(text).contains("create interdict_v4_new hash:net family inet maxelem 105000 -exist\n",
                "create interdict_v6_new hash:net family inet6 maxelem 65536 -exist\n",
                "swap interdict_v4_new interdict_v4\ndestroy interdict_v4_new\n");
    }

    @Test
    void renderersFlushButLeaveTheStreamOpen() throws IOException {
        RuleSet rules = TestRuleSets.small();
        for (RuleSetRenderer renderer : Renderers.all()) {
            boolean[] closed = {false};
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            OutputStream out = new OutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void close() {
                    closed[0] = true;
                }
            };
            renderer.render(rules, context(rules), out);
            assertThat(closed[0]).as(renderer.format()).isFalse();
            assertThat(bytes.size()).as(renderer.format()).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "line\nbreak", "ä"})
    void contextRefusesIspNamesThatCouldBreakAFile(String isp) {
        assertThatThrownBy(() -> RenderContext.of(isp, 1, "ab", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contextRefusesBadValues() {
        assertThatThrownBy(() -> RenderContext.of("vnpt", -1, "ab", Instant.EPOCH))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> RenderContext.of("vnpt", 1, "AB\n", Instant.EPOCH)).hasMessageContaining("digest");
        RenderContext context = RenderContext.of("vnpt", 1, "ab", Instant.EPOCH);
        assertThatThrownBy(() -> context.withLandingPage("bad host", List.of()))
                .hasMessageContaining("landingPage");
        assertThatThrownBy(() -> context.withLandingPage("ok.vn", List.of("example.vn")))
                .hasMessageContaining("landing address");
        assertThat(context.withLandingPage("ok.vn.", List.of()).landingTarget()).isEqualTo("ok.vn.");
    }

    record Rendered(String text, RenderReport report) {
    }

    private static RenderContext context(RuleSet rules) {
        return TestRuleSets.context(rules);
    }

    private static Rendered render(String format, RuleSet rules, RenderContext context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderReport report = Renderers.get(format).render(rules, context, out);
        return new Rendered(out.toString(StandardCharsets.UTF_8), report);
    }
}
