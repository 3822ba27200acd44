package org.interdict.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the exact bytes of every format, and of the report that goes with it, on a small rule set. Any
 * difference fails. After a deliberate change to a format, rewrite the files with
 * {@code mvn test -Dtest=GoldenFilesTest -Dexport.golden.rewrite=true} and review the diff before committing.
 */
class GoldenFilesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/export/golden");
    private static final boolean REWRITE = Boolean.getBoolean("export.golden.rewrite");

    static Stream<Arguments> variants() {
        UnaryOperator<RenderContext> plain = c -> c;
        UnaryOperator<RenderContext> landing = c -> c.withLandingPage("blocked.interdict.vn",
                List.of("203.0.113.80", "2001:db8::80"));
        Stream.Builder<Arguments> variants = Stream.builder();
        for (String format : Renderers.formats()) {
            variants.add(Arguments.of(format, format, plain));
        }
        for (String format : List.of("rpz", "hosts", "unbound", "dnsmasq")) {
            variants.add(Arguments.of(format + "-landing", format, landing));
        }
        variants.add(Arguments.of("txt-ipv6", "txt", (UnaryOperator<RenderContext>) c -> c.withOnlyType(RuleType.IPV6)));
        return variants.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void matchesGoldenFile(String variant, String format, UnaryOperator<RenderContext> options) throws IOException {
        RuleSet rules = TestRuleSets.small();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderReport report = Renderers.get(format).render(rules, options.apply(TestRuleSets.context(rules)), out);

        check(variant + ".out", out.toString(StandardCharsets.UTF_8));
        check(variant + ".report", describe(report));
    }

    private static String describe(RenderReport report) {
        StringBuilder text = new StringBuilder();
        text.append("written ").append(report.written()).append('\n');
        text.append("not carried ").append(report.notCarried()).append('\n');
        text.append("narrowed ").append(report.narrowed()).append('\n');
        text.append("rejected ").append(report.rejectedTotal()).append('\n');
        for (RenderReport.Rejected rejected : report.rejected()) {
            text.append(rejected.type()).append(' ').append(rejected.rule()).append(": ").append(rejected.reason())
                    .append('\n');
        }
        return text.toString();
    }

    private static void check(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (REWRITE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file).as("golden file %s (rewrite with -Dexport.golden.rewrite=true)", file).exists();
        assertThat(actual).as("output against %s", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
