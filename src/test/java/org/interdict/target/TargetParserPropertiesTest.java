package org.interdict.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TargetParserPropertiesTest {

    private final TargetParser parser = new TargetParser();

    private Target valid(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Valid.class);
        return ((ParseResult.Valid) result).target();
    }

    /** Parsing a canonical value again, with its type given or inferred from a line, yields the same target. */
    private void assertStable(Target target) {
        assertThat(parser.parse(target.type(), target.value())).isEqualTo(new ParseResult.Valid(target));
        String line = target.type() == TargetType.DOMAIN_TREE ? "*." + target.value() : target.value();
        assertThat(parser.parseLine(line)).isEqualTo(new ParseResult.Valid(target));
    }

    @Property
    void domainNormalisationIsIdempotent(@ForAll("names") String name) {
        assertStable(valid(parser.parse(TargetType.DOMAIN, name)));
        assertStable(valid(parser.parse(TargetType.DOMAIN_TREE, name)));
    }

    @Property
    void caseAndTrailingDotVariantsCollapse(@ForAll("names") String name, @ForAll long caseSeed,
            @ForAll boolean trailingDot, @ForAll boolean wildcard) {
        String variant = flipCase(name, caseSeed) + (trailingDot ? "." : "");
        Target plain = valid(parser.parse(TargetType.DOMAIN, name));
        assertThat(valid(parser.parse(TargetType.DOMAIN, variant))).isEqualTo(plain);
        Target tree = valid(parser.parseLine((wildcard ? "*." : "") + variant));
        assertThat(tree.value()).isEqualTo(plain.value());
        assertThat(tree.type()).isEqualTo(wildcard ? TargetType.DOMAIN_TREE : TargetType.DOMAIN);
    }

    @Property
    void urlNormalisationIsIdempotent(@ForAll("urls") String url) {
        Target target = valid(parser.parse(TargetType.URL, url));
        assertStable(target);
        String value = target.value();
        assertThat(value).doesNotContain("#", " ");
        // Dot segments are resolved in the path only; a query may carry "/./" as plain data.
        String path = value.contains("?") ? value.substring(0, value.indexOf('?')) : value;
        assertThat(path).doesNotContain("/./", "/../").doesNotEndWith("/.").doesNotEndWith("/..");
    }

    @Property
    void addressNormalisationIsIdempotent(@ForAll("addresses") String address) {
        ParseResult result = parser.parse(TargetType.IP, address);
        if (result instanceof ParseResult.Invalid invalid) {
            // Only host bits may be wrong in generated blocks, and the hint must then be a valid block.
            assertThat(invalid.problem().code()).isEqualTo(TargetProblem.CIDR_HOST_BITS);
            assertStable(valid(parser.parse(TargetType.IP, invalid.problem().hint())));
        } else {
            assertStable(valid(result));
        }
    }

    @Property(tries = 2000)
    void anyLineIsEitherRefusedOrStable(@ForAll("noise") String line) {
        ParseResult result = parser.parseLine(line);
        if (result instanceof ParseResult.Valid valid) {
            assertStable(valid.target());
        } else {
            assertThat(((ParseResult.Invalid) result).problem().code()).matches("[a-z-]+");
        }
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> label = Combinators.combine(
                        Arbitraries.of("a", "z", "0", "ộ", "ô", "đ", "ư", "ß", "é", "9"),
                        Arbitraries.strings().withChars("abcxyz019-ộôđưữ").ofMaxLength(12),
                        Arbitraries.of("a", "n", "7", "ố", "ơ"))
                .as((first, middle, last) -> first + middle + last);
        Arbitrary<String> tld = Arbitraries.of("vn", "com", "org", "xn--p1ai", "việtnam");
        return Combinators.combine(label.list().ofMinSize(1).ofMaxSize(4), tld)
                .as((labels, top) -> String.join(".", labels) + "." + top);
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> scheme = Arbitraries.of("http", "https", "HTTP", "hTTps");
        Arbitrary<String> host = Arbitraries.oneOf(names(), Arbitraries.of("192.0.2.1", "[2001:DB8::1]",
                "[::ffff:198.51.100.7]"));
        Arbitrary<String> port = Arbitraries.of("", ":80", ":443", ":8080", ":");
        Arbitrary<String> piece = Arbitraries.of("/", "a", "B", ".", "..", "%", "%2e", "%2E", "%7e", "%7E", "%2f",
                "%c3%a9", "é", " ", "~", "@", ":", "+", "%25", "?", "=", "&", "[", "\\", "😀", "%zz", "#", "x#y");
        Arbitrary<String> rest = piece.list().ofMaxSize(16).map(parts -> String.join("", parts));
        return Combinators.combine(scheme, host, port, rest).as((s, h, p, r) ->
                s + "://" + h + p + (r.startsWith("/") || r.startsWith("?") || r.startsWith("#") || r.isEmpty()
                        ? r : "/" + r));
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> v4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(octets -> String.join(".", octets.stream().map(String::valueOf).toList()));
        Arbitrary<String> v6 = Arbitraries.integers().between(0, 0xffff).list().ofSize(8)
                .map(groups -> String.join(":", groups.stream()
                        .map(g -> Integer.toHexString(g).toUpperCase(Locale.ROOT)).toList()));
        Arbitrary<String> v6Sparse = Arbitraries.integers().between(0, 0xffff).list().ofSize(8)
                .map(groups -> String.join(":", groups.stream()
                        .map(g -> g % 3 == 0 ? "0" : Integer.toHexString(g)).toList()));
        Arbitrary<String> mapped = v4.map(address -> "::ffff:" + address);
        Arbitrary<String> v4Block = Combinators.combine(v4, Arbitraries.integers().between(0, 32))
                .as((a, p) -> a + "/" + p);
        Arbitrary<String> v6Block = Combinators.combine(Arbitraries.oneOf(v6, v6Sparse),
                Arbitraries.integers().between(0, 128)).as((a, p) -> a + "/" + p);
        Arbitrary<String> mappedBlock = Combinators.combine(v4, Arbitraries.integers().between(96, 128))
                .as((a, p) -> "::ffff:" + a + "/" + p);
        return Arbitraries.oneOf(v4, v6, v6Sparse, mapped, v4Block, v6Block, mappedBlock);
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> fragments = Arbitraries.of("http://", "https://", "*.", ".", "..", "/", ":", "::", "[",
                "]", "%", "%41", "0", "1", "255", "x", "xn--", "-", "_", "ộ", "Ô", "é", " ", "@", "?", "#", "vn",
                "com", "0x", "/24", "/128", "ffff", "１", "．");
        return fragments.list().ofMaxSize(10).map(parts -> String.join("", parts));
    }

    private static String flipCase(String text, long seed) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean upper = ((seed >>> (i % 64)) & 1) == 1;
            out.append(upper ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    @Property
    void labelsOfGeneratedNamesStayWithinLimits(@ForAll("names") String name) {
        List<String> labels = List.of(valid(parser.parse(TargetType.DOMAIN, name)).value().split("\\."));
        assertThat(labels).allSatisfy(label -> assertThat(label.length()).isBetween(1, 63));
    }
}
