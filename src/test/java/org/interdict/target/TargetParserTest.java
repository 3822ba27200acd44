package org.interdict.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetParserTest {

    private static final String BO_THONG_TIN = "xn--bthngtin-63a1467e.vn";

    private final TargetParser parser = new TargetParser();

    private Target valid(TargetType type, String input) {
        ParseResult result = parser.parse(type, input);
        assertThat(result).as("parse %s %s", type, input).isInstanceOf(ParseResult.Valid.class);
        Target target = ((ParseResult.Valid) result).target();
        assertThat(target.type()).isEqualTo(type);
        return target;
    }

    private String canonical(TargetType type, String input) {
        return valid(type, input).value();
    }

    private TargetProblem problem(TargetType type, String input) {
        ParseResult result = parser.parse(type, input);
        assertThat(result).as("parse %s %s", type, input).isInstanceOf(ParseResult.Invalid.class);
        return ((ParseResult.Invalid) result).problem();
    }

    private TargetProblem lineProblem(String line) {
        ParseResult result = parser.parseLine(line);
        assertThat(result).as("parseLine %s", line).isInstanceOf(ParseResult.Invalid.class);
        return ((ParseResult.Invalid) result).problem();
    }

    private Target line(String line) {
        ParseResult result = parser.parseLine(line);
        assertThat(result).as("parseLine %s", line).isInstanceOf(ParseResult.Valid.class);
        return ((ParseResult.Valid) result).target();
    }

    /** A name of exactly {@code octets} octets made of labels of at most 63, ending in ".vn". */
    private static String nameOfLength(int octets) {
        StringBuilder name = new StringBuilder();
        int remaining = octets - 3;
        char letter = 'a';
        while (remaining > 0) {
            int label = Math.min(63, remaining);
            if (remaining - label == 1) {
                label--; // avoid leaving room for a dot but no label
            }
            name.append(String.valueOf(letter++).repeat(label));
            remaining -= label;
            if (remaining > 0) {
                name.append('.');
                remaining--;
            }
        }
        return name.append(".vn").toString();
    }

    @Nested
    class LineInference {

        @Test
        void infersEachType() {
            assertThat(line("example.vn")).isEqualTo(new Target(TargetType.DOMAIN, "example.vn"));
            assertThat(line("*.example.vn")).isEqualTo(new Target(TargetType.DOMAIN_TREE, "example.vn"));
            assertThat(line("https://example.vn/a")).isEqualTo(new Target(TargetType.URL, "https://example.vn/a"));
            assertThat(line("HTTP://example.vn")).isEqualTo(new Target(TargetType.URL, "http://example.vn/"));
            assertThat(line("203.0.113.5")).isEqualTo(new Target(TargetType.IP, "203.0.113.5"));
            assertThat(line("198.51.100.0/24")).isEqualTo(new Target(TargetType.IP, "198.51.100.0/24"));
            assertThat(line("2001:DB8::1")).isEqualTo(new Target(TargetType.IP, "2001:db8::1"));
            assertThat(line("2001:db8::/48")).isEqualTo(new Target(TargetType.IP, "2001:db8::/48"));
        }

        @Test
        void trimsSurroundingWhitespace() {
            assertThat(line(" \t example.vn \u00a0")).isEqualTo(new Target(TargetType.DOMAIN, "example.vn"));
            assertThat(line("\uFEFFexample.vn\r")).isEqualTo(new Target(TargetType.DOMAIN, "example.vn"));
            assertThat(line("  10.1.2.3\t")).isEqualTo(new Target(TargetType.IP, "10.1.2.3"));
        }

        @Test
        void shortNumericFormsAreRefusedAsAddressesNotAcceptedAsNames() {
            assertThat(lineProblem("127.1").code()).isEqualTo(TargetProblem.INVALID_IP);
            assertThat(lineProblem("0x7f.1").code()).isEqualTo(TargetProblem.IP_LITERAL_DOMAIN);
        }

        @Test
        void otherSchemesAreUrlsWithAnUnsupportedScheme() {
            assertThat(lineProblem("ftp://example.vn/file").code()).isEqualTo(TargetProblem.URL_SCHEME);
        }

        @Test
        void hostAndPortWithoutSchemeIsABadDomain() {
            TargetProblem problem = lineProblem("example.vn:8080");
            assertThat(problem.code()).isEqualTo(TargetProblem.INVALID_CHARACTER);
            assertThat(problem.hint()).contains("http://");
        }

        @Test
        void emptyLine() {
            assertThat(lineProblem("   ").code()).isEqualTo(TargetProblem.EMPTY);
        }
    }

    @Nested
    class Domains {

        @Test
        void vietnameseNameBecomesPunycode() {
            assertThat(canonical(TargetType.DOMAIN, "bộthôngtin.vn")).isEqualTo(BO_THONG_TIN);
            assertThat(canonical(TargetType.DOMAIN, "BỘTHÔNGTIN.VN.")).isEqualTo(BO_THONG_TIN);
            assertThat(canonical(TargetType.DOMAIN, BO_THONG_TIN)).isEqualTo(BO_THONG_TIN);
        }

        @Test
        void nontransitionalKeepsSharpS() {
            assertThat(canonical(TargetType.DOMAIN, "faß.de")).isEqualTo("xn--fa-hia.de");
        }

        @Test
        void fullWidthFormsMapToAscii() {
            assertThat(canonical(TargetType.DOMAIN, "ｅｘａｍｐｌｅ．ｖｎ")).isEqualTo("example.vn");
        }

        @Test
        void lowerCasesAndDropsOneTrailingDot() {
            assertThat(canonical(TargetType.DOMAIN, "WWW.Example.VN.")).isEqualTo("www.example.vn");
            assertThat(problem(TargetType.DOMAIN, "example.vn..").code()).isEqualTo(TargetProblem.INVALID_DOMAIN);
        }

        @Test
        void underscoreOnlyOutsideTheLastLabel() {
            assertThat(canonical(TargetType.DOMAIN, "_dmarc.example.vn")).isEqualTo("_dmarc.example.vn");
            TargetProblem problem = problem(TargetType.DOMAIN, "example.v_n");
            assertThat(problem.code()).isEqualTo(TargetProblem.INVALID_CHARACTER);
            assertThat(problem.message()).contains("underscore");
        }

        @Test
        void hyphensInThirdAndFourthPositionAreAllowed() {
            assertThat(canonical(TargetType.DOMAIN, "r1---sn-abc.googlevideo.com"))
                    .isEqualTo("r1---sn-abc.googlevideo.com");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-example.vn", "example-.vn", "a.-b.vn"})
        void labelsMayNotStartOrEndWithAHyphen(String name) {
            TargetProblem problem = problem(TargetType.DOMAIN, name);
            assertThat(problem.code()).isEqualTo(TargetProblem.INVALID_DOMAIN);
            assertThat(problem.message()).contains("hyphen");
        }

        @Test
        void emptyLabel() {
            assertThat(problem(TargetType.DOMAIN, "a..vn").code()).isEqualTo(TargetProblem.INVALID_DOMAIN);
            assertThat(problem(TargetType.DOMAIN, ".example.vn").code()).isEqualTo(TargetProblem.INVALID_DOMAIN);
        }

        @Test
        void labelOf63OctetsIsAcceptedAnd64Refused() {
            String ok = "a".repeat(63) + ".vn";
            assertThat(canonical(TargetType.DOMAIN, ok)).isEqualTo(ok);
            TargetProblem problem = problem(TargetType.DOMAIN, "a".repeat(64) + ".vn");
            assertThat(problem.code()).isEqualTo(TargetProblem.LABEL_TOO_LONG);
            assertThat(problem.message()).contains("is 64 octets; at most 63").contains("…");
        }

        @Test
        void labelLengthCountsTheAsciiForm() {
            String label = "ảạấầẩẫậắằẳẵặẻẽẹếềểễệỉịỏọốồổỗộớờởỡợủụứừửữựỳỷỹỵđ";
            assertThat(label.length()).isLessThan(63);
            assertThat(problem(TargetType.DOMAIN, label + ".vn").code()).isEqualTo(TargetProblem.LABEL_TOO_LONG);
        }

        @Test
        void nameOf253OctetsIsAcceptedAnd254Refused() {
            String ok = nameOfLength(253);
            assertThat(ok).hasSize(253);
            assertThat(canonical(TargetType.DOMAIN, ok)).isEqualTo(ok);
            assertThat(canonical(TargetType.DOMAIN, ok + ".")).isEqualTo(ok);
            String tooLong = nameOfLength(254);
            assertThat(tooLong).hasSize(254);
            TargetProblem problem = problem(TargetType.DOMAIN, tooLong);
            assertThat(problem.code()).isEqualTo(TargetProblem.TOO_LONG);
            assertThat(problem.hint()).isNotBlank();
            assertThat(problem.message()).contains("254 octets; at most 253");
        }

        @ParameterizedTest
        @ValueSource(strings = {"exa mple.vn", "example.vn/path", "exa*mple.vn", "example!.vn", "ex\"ample.vn"})
        void asciiCharactersOutsideHostNames(String name) {
            assertThat(problem(TargetType.DOMAIN, name).code()).isEqualTo(TargetProblem.INVALID_CHARACTER);
        }

        @Test
        void characterDisallowedByUts46() {
            assertThat(problem(TargetType.DOMAIN, "exa\u0007mple.vn").code())
                    .isEqualTo(TargetProblem.INVALID_CHARACTER);
        }

        @ParameterizedTest
        @ValueSource(strings = {"192.0.2.1", "[::1]", "::1", "[192.0.2.1]", "example.123", "0x7f.1", "1.0x1f"})
        void ipLiteralsPosingAsDomains(String name) {
            TargetProblem problem = problem(TargetType.DOMAIN, name);
            assertThat(problem.code()).isEqualTo(TargetProblem.IP_LITERAL_DOMAIN);
            assertThat(problem.message()).contains("IP");
        }

        @Test
        void fullWidthDigitsStillReadAsAnAddress() {
            assertThat(problem(TargetType.DOMAIN, "１９２．０．２．１").code())
                    .isEqualTo(TargetProblem.IP_LITERAL_DOMAIN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"localhost", "vn", "example.", "bộthôngtin"})
        void singleLabel(String name) {
            assertThat(problem(TargetType.DOMAIN, name).code()).isEqualTo(TargetProblem.SINGLE_LABEL);
        }

        @Test
        void emptyName() {
            assertThat(problem(TargetType.DOMAIN, "").code()).isEqualTo(TargetProblem.EMPTY);
            assertThat(problem(TargetType.DOMAIN, ".").code()).isEqualTo(TargetProblem.EMPTY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"xn--abc.vn", "xn--a.vn", "a\u05d0.vn", "\u200dexample.vn"})
        void idnaErrors(String name) {
            assertThat(problem(TargetType.DOMAIN, name).code()).isEqualTo(TargetProblem.IDNA_ERROR);
        }

        @Test
        void longInputIsShortenedInMessages() {
            TargetProblem problem = problem(TargetType.DOMAIN, "x".repeat(500) + " .vn");
            assertThat(problem.message().length()).isLessThan(120);
        }
    }

    @Nested
    class Trees {

        @Test
        void acceptsWithAndWithoutWildcard() {
            assertThat(valid(TargetType.DOMAIN_TREE, "*.Example.VN")).isEqualTo(valid(TargetType.DOMAIN_TREE,
                    "example.vn."));
            assertThat(canonical(TargetType.DOMAIN_TREE, "*.bộthôngtin.vn")).isEqualTo(BO_THONG_TIN);
        }

        @Test
        void onlyOneLeadingWildcard() {
            assertThat(problem(TargetType.DOMAIN_TREE, "*.*.example.vn").code())
                    .isEqualTo(TargetProblem.INVALID_CHARACTER);
            assertThat(problem(TargetType.DOMAIN_TREE, "a.*.example.vn").hint()).contains("*.example.vn");
        }

        @Test
        void wildcardOverASingleLabelIsRefused() {
            assertThat(lineProblem("*.vn").code()).isEqualTo(TargetProblem.SINGLE_LABEL);
        }

        @Test
        void domainWithWildcardIsNotATree() {
            assertThat(problem(TargetType.DOMAIN, "*.example.vn").code()).isEqualTo(TargetProblem.INVALID_CHARACTER);
        }
    }

    @Nested
    class Urls {

        @Test
        void lowerCasesSchemeAndHostButNotPath() {
            assertThat(canonical(TargetType.URL, "HTTPS://Example.VN/Path/To?Q=A"))
                    .isEqualTo("https://example.vn/Path/To?Q=A");
        }

        @Test
        void internationalisedHostBecomesPunycode() {
            assertThat(canonical(TargetType.URL, "https://bộthôngtin.vn./tin")).isEqualTo("https://" + BO_THONG_TIN
                    + "/tin");
        }

        @Test
        void percentEncodedHostIsDecodedFirst() {
            assertThat(canonical(TargetType.URL, "http://ex%41mple.vn/")).isEqualTo("http://example.vn/");
            assertThat(problem(TargetType.URL, "http://ex%C3mple.vn/").code()).isEqualTo(TargetProblem.INVALID_URL);
        }

        @ParameterizedTest
        @CsvSource({
            "http://example.vn:80/a, http://example.vn/a",
            "https://example.vn:443/a, https://example.vn/a",
            "http://example.vn:443/a, http://example.vn:443/a",
            "https://example.vn:80/a, https://example.vn:80/a",
            "http://example.vn:08080/a, http://example.vn:8080/a",
            "http://example.vn:/a, http://example.vn/a",
        })
        void defaultPortDropped(String input, String expected) {
            assertThat(canonical(TargetType.URL, input)).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://example.vn:0/", "http://example.vn:65536/", "http://example.vn:8o/"})
        void badPorts(String url) {
            TargetProblem problem = problem(TargetType.URL, url);
            assertThat(problem.code()).isEqualTo(TargetProblem.INVALID_URL);
            assertThat(problem.message()).contains("port");
        }

        @Test
        void fragmentDropped() {
            assertThat(canonical(TargetType.URL, "https://example.vn/a?b=1#section-2"))
                    .isEqualTo("https://example.vn/a?b=1");
            assertThat(canonical(TargetType.URL, "https://example.vn#top")).isEqualTo("https://example.vn/");
        }

        @ParameterizedTest
        @CsvSource({
            "http://example.vn/a/b/c/./../../g, http://example.vn/a/g",
            "http://example.vn/a/b/.., http://example.vn/a/",
            "http://example.vn/../../x, http://example.vn/x",
            "http://example.vn/a/./b/., http://example.vn/a/b/",
            "http://example.vn/a/%2E%2e/b, http://example.vn/b",
            "http://example.vn/a//../b, http://example.vn/a/b",
            "http://example.vn/a/..b/.c, http://example.vn/a/..b/.c",
        })
        void dotSegmentsResolved(String input, String expected) {
            assertThat(canonical(TargetType.URL, input)).isEqualTo(expected);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "http://example.vn/%7euser/%41%62%2d%5F%2E|http://example.vn/~user/Ab-_.",
            "http://example.vn/a%2fb%3a|http://example.vn/a%2Fb%3A",
            "http://example.vn/tin tức|http://example.vn/tin%20t%E1%BB%A9c",
            "http://example.vn/t%e1%bb%a9c|http://example.vn/t%E1%BB%A9c",
            "http://example.vn/100%|http://example.vn/100%25",
            "http://example.vn/%zz%4|http://example.vn/%25zz%254",
            "http://example.vn/a<b>{c}|http://example.vn/a%3Cb%3E%7Bc%7D",
            "http://example.vn/a\\b|http://example.vn/a%5Cb",
            "http://example.vn/%F0%9F%98%80😀|http://example.vn/%F0%9F%98%80%F0%9F%98%80",
            "http://example.vn/!$&'()*+,;=:@|http://example.vn/!$&'()*+,;=:@",
            "http://example.vn/?q=a b&r=ộ/?x|http://example.vn/?q=a%20b&r=%E1%BB%99/?x",
            "http://example.vn/?q=%7e%2b|http://example.vn/?q=~%2B",
        })
        void percentEncodingNormalised(String input, String expected) {
            assertThat(canonical(TargetType.URL, input)).isEqualTo(expected);
        }

        @Test
        void emptyPathBecomesSlash() {
            assertThat(canonical(TargetType.URL, "http://example.vn")).isEqualTo("http://example.vn/");
            assertThat(canonical(TargetType.URL, "http://example.vn?a=1")).isEqualTo("http://example.vn/?a=1");
        }

        @Test
        void queryKeptAsWritten() {
            assertThat(canonical(TargetType.URL, "http://example.vn/s?b=2&a=1&a=1"))
                    .isEqualTo("http://example.vn/s?b=2&a=1&a=1");
            assertThat(canonical(TargetType.URL, "http://example.vn/s?")).isEqualTo("http://example.vn/s?");
        }

        @Test
        void ipHosts() {
            assertThat(canonical(TargetType.URL, "http://192.0.2.1:8080/x")).isEqualTo("http://192.0.2.1:8080/x");
            assertThat(canonical(TargetType.URL, "http://[2001:DB8:0::1]:443/")).isEqualTo("http://[2001:db8::1]:443/");
            assertThat(canonical(TargetType.URL, "https://[::ffff:192.0.2.1]/")).isEqualTo("https://192.0.2.1/");
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://127.1/", "http://010.0.0.1/", "http://[fe80::1%25eth0]/", "http://[1.2.3.4]/",
            "http://[::g]/"})
        void badIpHosts(String url) {
            assertThat(problem(TargetType.URL, url).code()).isEqualTo(TargetProblem.INVALID_IP);
        }

        @Test
        void hostFollowsDomainRules() {
            assertThat(problem(TargetType.URL, "http://localhost/").code()).isEqualTo(TargetProblem.SINGLE_LABEL);
            assertThat(problem(TargetType.URL, "http://" + "a".repeat(64) + ".vn/").code())
                    .isEqualTo(TargetProblem.LABEL_TOO_LONG);
            assertThat(problem(TargetType.URL, "http://exa mple.vn/").code())
                    .isEqualTo(TargetProblem.INVALID_CHARACTER);
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://user@example.vn/", "https://user:secret@example.vn/x", "http://@example.vn"})
        void userInfoRefused(String url) {
            assertThat(problem(TargetType.URL, url).code()).isEqualTo(TargetProblem.URL_USERINFO);
        }

        @Test
        void atSignInPathIsNotUserInfo() {
            assertThat(canonical(TargetType.URL, "https://example.vn/@user")).isEqualTo("https://example.vn/@user");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ftp://example.vn/", "javascript://example.vn/", "HTTPX://example.vn/"})
        void onlyHttpAndHttps(String url) {
            TargetProblem problem = problem(TargetType.URL, url);
            assertThat(problem.code()).isEqualTo(TargetProblem.URL_SCHEME);
            assertThat(problem.message()).contains("http");
        }

        @ParameterizedTest
        @ValueSource(strings = {"example.vn/path", "http:/example.vn", "1http://example.vn/", "http://",
            "http:///path", "http://[2001:db8::1/", "http://[2001:db8::1]x/", "http://example.vn/\u0000"})
        void malformed(String url) {
            assertThat(problem(TargetType.URL, url).code()).isEqualTo(TargetProblem.INVALID_URL);
        }

        @Test
        void emptyUrl() {
            assertThat(problem(TargetType.URL, " ").code()).isEqualTo(TargetProblem.EMPTY);
        }
    }

    @Nested
    class Addresses {

        @ParameterizedTest
        @CsvSource({
            "203.0.113.5, 203.0.113.5",
            "203.0.113.5/32, 203.0.113.5",
            "10.0.0.0/8, 10.0.0.0/8",
            "0.0.0.0/0, 0.0.0.0/0",
            "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:0db8::0001/128, 2001:db8::1",
            "2001:db8::/32, 2001:db8::/32",
            "::/0, ::/0",
            "::ffff:192.0.2.1, 192.0.2.1",
            "::ffff:c000:201, 192.0.2.1",
            "::ffff:192.0.2.0/120, 192.0.2.0/24",
            "::ffff:0.0.0.0/96, 0.0.0.0/0",
        })
        void canonicalText(String input, String expected) {
            assertThat(canonical(TargetType.IP, input)).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"010.0.0.1", "0x7f.1", "0x7f.0.0.1", "127.1", "1.2.3.04", "256.1.1.1", "1.2.3",
            "1.2.3.4.5", "2001:db8:::1", "2001:db8::g", "fe80::1%eth0", "example.vn", " "})
        void refusedAddresses(String input) {
            assertThat(problem(TargetType.IP, input).code()).isIn(TargetProblem.INVALID_IP, TargetProblem.EMPTY);
        }

        @Test
        void octalLookingAddressIsInvalidIp() {
            TargetProblem problem = problem(TargetType.IP, "010.0.0.1");
            assertThat(problem.code()).isEqualTo(TargetProblem.INVALID_IP);
            assertThat(problem.message()).contains("leading zeros");
        }

        @Test
        void bracketsHintTheBareAddress() {
            TargetProblem problem = lineProblem("[2001:db8::1]");
            assertThat(problem.code()).isEqualTo(TargetProblem.INVALID_IP);
            assertThat(problem.hint()).isEqualTo("2001:db8::1");
        }

        @ParameterizedTest
        @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/", "10.0.0.0/08", "10.0.0.0/-1", "10.0.0.0/x",
            "2001:db8::/129", "::ffff:192.0.2.0/64", "10.0.0.0/1000", "10.0.0.0/24/8"})
        void badPrefixes(String input) {
            assertThat(problem(TargetType.IP, input).code()).isEqualTo(TargetProblem.INVALID_CIDR);
        }

        @Test
        void hostBitsRefusedWithTheCorrectedBlockAsHint() {
            TargetProblem v4 = problem(TargetType.IP, "192.0.2.77/24");
            assertThat(v4.code()).isEqualTo(TargetProblem.CIDR_HOST_BITS);
            assertThat(v4.hint()).isEqualTo("192.0.2.0/24");
            assertThat(v4.message()).contains("192.0.2.0/24");

            TargetProblem v6 = problem(TargetType.IP, "2001:DB8::1/64");
            assertThat(v6.code()).isEqualTo(TargetProblem.CIDR_HOST_BITS);
            assertThat(v6.hint()).isEqualTo("2001:db8::/64");

            TargetProblem mapped = problem(TargetType.IP, "::ffff:192.0.2.1/120");
            assertThat(mapped.hint()).isEqualTo("192.0.2.0/24");
        }

        @Test
        void hintIsItselfValid() {
            String hint = problem(TargetType.IP, "198.51.100.200/25").hint();
            assertThat(canonical(TargetType.IP, hint)).isEqualTo("198.51.100.128/25");
        }
    }

    @Nested
    class MaximumLengths {

        /** An http URL of exactly {@code length} characters, all of them ASCII. */
        private String urlOfLength(int length) {
            String start = "https://long.example.vn/";
            return start + "a".repeat(length - start.length());
        }

        @Test
        void eachTypeHasOneDocumentedMaximum() {
            assertThat(TargetType.DOMAIN.maxLength()).isEqualTo(253);
            assertThat(TargetType.DOMAIN_TREE.maxLength()).isEqualTo(253);
            assertThat(TargetType.URL.maxLength()).isEqualTo(4096);
            assertThat(canonical(TargetType.IP, "FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFE/127"))
                    .hasSize(TargetType.IP.maxLength());
        }

        @Test
        void urlOfTheMaximumIsAcceptedAndOneMoreRefused() {
            assertThat(canonical(TargetType.URL, urlOfLength(4096))).hasSize(4096);
            TargetProblem problem = lineProblem(urlOfLength(4097));
            assertThat(problem.code()).isEqualTo(TargetProblem.TOO_LONG);
            assertThat(problem.message()).contains("4097 characters long once normalised", "at most 4096");
            assertThat(problem.hint()).contains("host");
        }

        @Test
        void theMaximumCountsTheNormalisedUrl() {
            // 700 letters đ as written are six characters each once normalised: two UTF-8 bytes, percent-encoded.
            String url = "https://long.example.vn/" + "đ".repeat(700);
            assertThat(url.length()).isLessThan(4096);
            TargetProblem problem = problem(TargetType.URL, url);
            assertThat(problem.code()).isEqualTo(TargetProblem.TOO_LONG);
            assertThat(problem.message()).contains("once normalised");
            assertThat(canonical(TargetType.URL, "https://long.example.vn/" + "đ".repeat(600))).hasSizeLessThan(4096);
        }

        @Test
        void hugeTextIsRefusedUnreadWithAShortMessage() {
            String huge = "https://long.example.vn/" + "a".repeat(5_000_000);
            for (ParseResult result : new ParseResult[] {parser.parseLine(huge), parser.parse(TargetType.DOMAIN, huge),
                parser.parse(TargetType.IP, huge)}) {
                TargetProblem problem = ((ParseResult.Invalid) result).problem();
                assertThat(problem.code()).isEqualTo(TargetProblem.TOO_LONG);
                assertThat(problem.message()).hasSizeLessThan(160).contains("5000024 characters long");
            }
        }

        @Test
        void aTreeCountsItsNameWithoutTheWildcard() {
            String name = nameOfLength(253);
            assertThat(line("*." + name).value()).isEqualTo(name);
            assertThat(lineProblem("*." + nameOfLength(254)).code()).isEqualTo(TargetProblem.TOO_LONG);
        }

        @Test
        void aUrlHostFollowsTheNameMaximum() {
            TargetProblem problem = lineProblem("http://" + nameOfLength(254) + "/");
            assertThat(problem.code()).isEqualTo(TargetProblem.TOO_LONG);
            assertThat(problem.message()).contains("at most 253");
        }
    }

    @Nested
    class Values {

        @Test
        void targetRefusesNonCanonicalText() {
            assertThatThrownBy(() -> new Target(TargetType.DOMAIN, "")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Target(TargetType.DOMAIN, "a b.vn"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Target(null, "a.vn")).isInstanceOf(NullPointerException.class);
        }

        @Test
        void problemNeedsCodeAndMessage() {
            assertThatThrownBy(() -> new TargetProblem(" ", "m", null)).isInstanceOf(IllegalArgumentException.class);
            assertThat(new TargetProblem("empty", "nothing", null).hint()).isNull();
        }

        @Test
        void parserIsReusable() {
            assertThat(parser.parseLine("example.vn")).isEqualTo(parser.parseLine("EXAMPLE.vn"));
            assertThat(parser.parseLine("a.vn")).isNotEqualTo(parser.parseLine("b.vn"));
        }
    }
}
