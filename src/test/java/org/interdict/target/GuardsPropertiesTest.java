package org.interdict.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.IDN;
import java.text.Normalizer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class GuardsPropertiesTest {

    private static final TargetParser PARSER = new TargetParser();
    private static final Guards GUARDS = new Guards(GuardData.fromClasspath());

    private static Target target(String line) {
        ParseResult result = PARSER.parseLine(line);
        assertThat(result).as(line).isInstanceOf(ParseResult.Valid.class);
        return ((ParseResult.Valid) result).target();
    }

    private static List<String> codes(String line) {
        return GUARDS.check(target(line)).stream().map(GuardFinding::code).toList();
    }

    /** Vietnamese is written in one script, Latin with its own letters and tone marks: nothing passes for another. */
    @Property(tries = 500)
    void vietnameseNamesAreNeverConfusable(@ForAll("vietnameseNames") String name) {
        assertThat(codes(name)).doesNotContain(GuardFinding.CONFUSABLE);
        assertThat(codes("*." + name)).doesNotContain(GuardFinding.CONFUSABLE);
        assertThat(codes("https://" + name + "/trang")).doesNotContain(GuardFinding.CONFUSABLE);
    }

    @Property(tries = 300)
    void aUrlTripsExactlyTheGuardsOfItsHost(@ForAll("hosts") String host, @ForAll("paths") String path) {
        String url = "https://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + path;
        assertThat(codes(url)).isEqualTo(codes(host));
    }

    @Property
    void theIpv6ImagesOfAnIpv4BlockCarryExactlyThatBlock(@ForAll("ipv4Blocks") String block) {
        List<EmbeddedIpv4.Image> images = EmbeddedIpv4.images(block);
        assertThat(images).hasSize(2);
        for (EmbeddedIpv4.Image image : images) {
            // every image is a canonical IP target in its own right
            assertThat(PARSER.parse(TargetType.IP, image.ipv6()))
                    .isEqualTo(new ParseResult.Valid(new Target(TargetType.IP, image.ipv6())));
            assertThat(EmbeddedIpv4.embedded(image.ipv6())).containsExactly(image);
        }
    }

    @Provide
    Arbitrary<String> ipv4Blocks() {
        return Combinators.combine(Arbitraries.integers().between(Integer.MIN_VALUE, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 32)).as((address, prefix) -> IpBlock.masked(false, 0,
                        address & 0xFFFF_FFFFL, prefix).text());
    }

    /** Whether the label's ASCII form is within the 63 octets of a DNS label (the JDK refuses a longer one). */
    private static boolean fitsOneLabel(String label) {
        try {
            IDN.toASCII(label);
            return true;
        } catch (IllegalArgumentException tooLong) {
            return false;
        }
    }

    @Provide
    Arbitrary<String> vietnameseNames() {
        Arbitrary<String> letter = Combinators.combine(
                        Arbitraries.of("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "b", "c", "d", "đ",
                                "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x"),
                        Arbitraries.of("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"))
                .as((base, tone) -> "aăâeêioôơuưy".contains(base) ? base + tone : base);
        Arbitrary<String> label = letter.list().ofMinSize(2).ofMaxSize(10)
                .map(letters -> Normalizer.normalize(String.join("", letters), Normalizer.Form.NFC));
        // Only names a registry could hold: a label's ASCII (punycode) form is at most 63 octets.
        Arbitrary<String> words = label.list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("-", parts))
                .filter(GuardsPropertiesTest::fitsOneLabel);
        return Combinators.combine(words, Arbitraries.of("vn", "com.vn", "gov.vn", "việtnam"))
                .as((first, top) -> first + "." + top);
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.of("google.com", "www.facebook.com", "com.vn", "github.io", "someone.github.io",
                "lừa-đảo.vn", "аpple.com", "уа.ru", "10.0.0.1", "8.8.8.8", "104.16.0.1", "45.118.144.1",
                "2001:db8::1", "2400:cb00::1", "64:ff9b::a00:1", "64:ff9b::6810:1", "2002:6810:1::1", "2402:9400::1");
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("/", "/login", "/a/b?c=d", ":8443/x", "/%E1%BB%99");
    }
}
