package org.interdict.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.interdict.target.GuardFinding;
import org.interdict.target.ParseResult;
import org.interdict.target.TargetParser;
import org.interdict.target.TargetProblem;
import org.interdict.version.VersionState;
import org.junit.jupiter.api.Test;

/**
 * Every code a console page can show has its own sentence in English and in Vietnamese: the refusal codes the service
 * answers with, read from the main sources (wherever a problem is built); the target parser's and the guards' codes,
 * read from their classes; the parser's hints; every state of a version; every change a version records, read from
 * the sources that record them. A code added without its sentences fails here, naming it.
 */
@QuarkusTest
class CodeWordsApiTest {

    private static final Path SOURCES = Path.of("src", "main", "java");

    /** Where a problem is built with its code: the code is the literal this captures. */
    private static final List<Pattern> PROBLEM_CODES = List.of(
            Pattern.compile("new ProblemException\\(\\s*(?:[\\w.]*\\.)?ErrorCategory\\.\\w+,\\s*\"([a-z0-9-]+)\""),
            Pattern.compile("ProblemException\\.conflict\\(\\s*\"([a-z0-9-]+)\""),
            Pattern.compile("Problem\\.of\\(\\s*\\d+,\\s*\"([a-z0-9-]+)\""),
            Pattern.compile("\\bforbidden\\(\\s*\"([a-z0-9-]+)\""));

    /** A change as the statements that record one write it ({@code isp-registered:} is followed by the ISP). */
    private static final Pattern LITERAL = Pattern.compile("\"([a-z]+(?:-[a-z]+)*):?\"");

    /** The allowlist's changes, passed down to the statement that records them. */
    private static final Pattern ALLOWLIST_CHANGE = Pattern.compile("\\binsert\\([^;]*\"(allowlist-[a-z]+)\"\\)");

    @Inject
    @Localized("en")
    ConsoleMessages english;

    @Inject
    @Localized("vi")
    ConsoleMessages vietnamese;

    @Inject
    @Localized("en")
    ReviewMessages reviewEnglish;

    @Inject
    @Localized("vi")
    ReviewMessages reviewVietnamese;

    @Inject
    @Localized("en")
    OperationsMessages operationsEnglish;

    @Inject
    @Localized("en")
    AppealMessages appealEnglish;

    @Inject
    @Localized("vi")
    AppealMessages appealVietnamese;

    @Inject
    @Localized("vi")
    OperationsMessages operationsVietnamese;

    @Test
    void everyRefusalCodeHasItsSentence() throws IOException {
        Set<String> codes = new TreeSet<>(Set.of("not-found", "invalid-request"));
        for (String source : sources()) {
            for (Pattern pattern : PROBLEM_CODES) {
                Matcher m = pattern.matcher(source);
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        assertThat(codes).as("codes read from the sources").contains("four-eyes", "takedown-not-overdue",
                "other-authority", "uri-too-long", "database-unavailable");
        String englishFallback = english.refusal("no-such-code");
        String vietnameseFallback = vietnamese.refusal("no-such-code");
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            if (english.refusal(code).equals(englishFallback)) {
                missing.add(code + " (English)");
            }
            if (vietnamese.refusal(code).equals(vietnameseFallback)) {
                missing.add(code + " (Vietnamese)");
            }
        }
        assertThat(missing).as("refusal codes without a sentence").isEmpty();
        assertThat(vietnamese.refusal("takedown-not-overdue")).startsWith("Chưa quá hạn");
    }

    @Test
    void everyTargetProblemAndGuardCodeHasItsSentence() throws IllegalAccessException {
        Set<String> codes = new TreeSet<>(constants(TargetProblem.class));
        codes.addAll(constants(GuardFinding.class));
        codes.add("nul-character");
        assertThat(codes).contains("invalid-ip", "shared-infrastructure");
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            if (reviewEnglish.targetProblem(code).equals(code)) {
                missing.add(code + " (English)");
            }
            if (reviewVietnamese.targetProblem(code).equals(code)) {
                missing.add(code + " (Vietnamese)");
            }
        }
        assertThat(missing).as("target codes without a sentence").isEmpty();
        assertThat(reviewVietnamese.targetProblem("url-scheme")).isEqualTo("Chỉ chặn được URL http và https.");
    }

    @Test
    void everyHintOfTheParserIsTranslated() {
        TargetParser parser = new TargetParser();
        List<String> hints = new ArrayList<>();
        for (String line : List.of("a/b.vn", "*a*.vn", "abcdefghij.".repeat(30) + "vn",
                "https://example.vn/" + "p".repeat(9000), "10.0.0.1/8",
                "1111:2222:3333:4444:5555:6666:7777:8888:9999/128")) {
            ParseResult result = parser.parseLine(line);
            assertThat(result).as(line).isInstanceOf(ParseResult.Invalid.class);
            hints.add(((ParseResult.Invalid) result).problem().hint());
        }
        hints.add("add a justification to override; a supervisor must then confirm it");
        for (String hint : hints) {
            if (hint == null) {
                continue;
            }
            if (hint.matches("[0-9a-f.:/]+")) {
                // A value (the block the line meant) reads the same in every language.
                assertThat(reviewVietnamese.targetHint(hint)).isEqualTo(hint);
                continue;
            }
            assertThat(reviewEnglish.targetHint(hint)).as(hint).isNotEqualTo(hint);
            assertThat(reviewVietnamese.targetHint(hint)).as(hint).isNotEqualTo(hint)
                    .isNotEqualTo(reviewEnglish.targetHint(hint));
        }
    }

    /** A field of the appeal refused with its code (or one of two), in the intake. */
    private static final Pattern APPEAL_FIELD_CODES = Pattern.compile(
            "Violation\\.ofField\\(\\s*\"\\w+\",\\s*([^\"]*\"[a-z-]+\"(?:\\s*:\\s*\"[a-z-]+\")?)");

    /** A line of the appeal's targets refused by the intake itself. */
    private static final Pattern APPEAL_LINE_CODE = Pattern.compile(
            "Violation\\.ofLine\\(\\s*\\w+,\\s*\\w+,\\s*\"([a-z-]+)\"");

    @Test
    void everyRefusalOfAnAppealsFieldHasItsSentence() throws IOException {
        String intake = Files.readString(SOURCES.resolve("org/interdict/appeal/AppealIntake.java"));
        Set<String> codes = new TreeSet<>(Set.of("not-an-address"));
        Matcher fields = APPEAL_FIELD_CODES.matcher(intake);
        while (fields.find()) {
            Matcher literal = Pattern.compile("\"([a-z-]+)\"").matcher(fields.group(1));
            while (literal.find()) {
                codes.add(literal.group(1));
            }
        }
        Matcher lines = APPEAL_LINE_CODE.matcher(intake);
        while (lines.find()) {
            codes.add(lines.group(1));
        }
        assertThat(codes).as("codes read from the intake").contains("not-blocked", "unsupported-file", "too-long",
                "required", "invalid-email");
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            if (appealEnglish.fieldProblem(code).equals(appealEnglish.fieldProblem("no-such-code"))) {
                missing.add(code + " (English)");
            }
            if (appealVietnamese.fieldProblem(code).equals(appealVietnamese.fieldProblem("no-such-code"))) {
                missing.add(code + " (Vietnamese)");
            }
        }
        assertThat(missing).as("appeal refusals without a sentence").isEmpty();
    }

    @Test
    void everyVersionStateAndChangeHasItsWords() throws IOException {
        for (VersionState state : VersionState.values()) {
            assertThat(operationsEnglish.versionState(state)).as(state.name()).isNotBlank().isNotEqualTo(state.name());
            assertThat(operationsVietnamese.versionState(state)).as(state.name()).isNotBlank()
                    .isNotEqualTo(operationsEnglish.versionState(state));
        }
        Set<String> changes = new TreeSet<>();
        for (String source : sources()) {
            // The statements that record a change for the compiler, and the allowlist's changes passed down to them.
            for (String statement : source.split(";")) {
                Matcher m = statement.contains("ChangeLog.record(") || statement.contains("recordChange(c, \"")
                        || statement.matches("(?s).*\\btransition\\(\"update directive.*")
                        ? LITERAL.matcher(statement) : ALLOWLIST_CHANGE.matcher(statement);
                while (m.find()) {
                    changes.add(m.group(1));
                }
            }
        }
        assertThat(changes).as("changes read from the sources").contains("approved", "activated", "expired",
                "allowlist-seeded", "allowlist-import", "isp-registered");
        for (String change : changes) {
            assertThat(operationsEnglish.change(change, "vnpt")).as(change).isNotEqualTo(change);
            assertThat(operationsVietnamese.change(change, "vnpt")).as(change).isNotEqualTo(change)
                    .isNotEqualTo(operationsEnglish.change(change, "vnpt"));
        }
    }

    private static List<String> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                texts.add(Files.readString(file));
            }
            return texts;
        }
    }

    private static Set<String> constants(Class<?> type) throws IllegalAccessException {
        Set<String> values = new TreeSet<>();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                values.add((String) field.get(null));
            }
        }
        return values;
    }
}
