package org.interdict.directive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.interdict.directive.dto.TargetImportResult.Duplicate;
import org.interdict.directive.dto.TargetInput;
import org.interdict.error.Violation;
import org.interdict.target.GuardFinding;
import org.interdict.target.Guards;
import org.interdict.target.ParseResult;
import org.interdict.target.Target;
import org.interdict.target.TargetParser;

/**
 * Reads a batch of targets: parses, normalises and guards every line, collapses spellings of one target and
 * collects every bad line. Touches no database.
 */
final class TargetImport {

    private static final String JUSTIFICATION_MARK = "justification:";

    /** A line that passed: stored flagged when {@code findings} is not empty (it then has a justification). */
    record Accepted(int line, Target target, String input, List<GuardFinding> findings, String justification) {}

    record Outcome(int received, List<Accepted> accepted, List<Violation> invalid, List<Duplicate> duplicates) {}

    private final TargetParser parser;
    private final Guards guards;
    private final List<Accepted> accepted = new ArrayList<>();
    private final List<Violation> invalid = new ArrayList<>();
    private final List<Duplicate> duplicates = new ArrayList<>();
    private final Map<Target, Integer> firstLine = new HashMap<>();
    private int received;

    private TargetImport(TargetParser parser, Guards guards) {
        this.parser = parser;
        this.guards = guards;
    }

    /**
     * One target per line; blank lines and lines starting with {@code #} are ignored. A comment after the
     * target ({@code  # ...}, preceded by white space) is ignored too, unless it reads
     * {@code # justification: <text>}, which justifies a guard override.
     */
    static Outcome ofText(String body, TargetParser parser, Guards guards) {
        TargetImport batch = new TargetImport(parser, guards);
        int lineNumber = 0;
        for (String raw : body.split("\r?\n", -1)) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String justification = null;
            int comment = commentStart(line);
            if (comment >= 0) {
                String note = line.substring(comment + 1).strip();
                if (note.regionMatches(true, 0, JUSTIFICATION_MARK, 0, JUSTIFICATION_MARK.length())) {
                    justification = note.substring(JUSTIFICATION_MARK.length()).strip();
                }
                line = line.substring(0, comment).strip();
            }
            batch.add(lineNumber, raw.strip(), parser.parseLine(line), justification);
        }
        return batch.outcome();
    }

    /** Items are numbered from 1 in {@code line}, like the lines of a text import. */
    static Outcome ofJson(List<TargetInput> items, TargetParser parser, Guards guards) {
        TargetImport batch = new TargetImport(parser, guards);
        int index = 0;
        for (TargetInput item : items) {
            index++;
            String value = item == null || item.value() == null ? "" : item.value();
            ParseResult result = item != null && item.type() != null
                    ? parser.parse(item.type(), value) : parser.parseLine(value);
            batch.add(index, value, result, item == null ? null : item.justification());
        }
        return batch.outcome();
    }

    private void add(int line, String input, ParseResult result, String justification) {
        received++;
        if (result instanceof ParseResult.Invalid bad) {
            var problem = bad.problem();
            invalid.add(Violation.ofLine(line, input, problem.code(), problem.message(), problem.hint()));
            return;
        }
        Target target = ((ParseResult.Valid) result).target();
        Integer earlier = firstLine.putIfAbsent(target, line);
        if (earlier != null) {
            duplicates.add(new Duplicate(line, input, earlier));
            return;
        }
        List<GuardFinding> findings = guards.check(target);
        boolean justified = justification != null && !justification.isBlank();
        if (!findings.isEmpty() && !justified) {
            GuardFinding first = findings.get(0);
            String message = String.join("; ", findings.stream().map(GuardFinding::message).toList());
            invalid.add(Violation.ofLine(line, input, first.code(), message,
                    "add a justification to override; a supervisor must then confirm it"));
            return;
        }
        accepted.add(new Accepted(line, target, input, findings, justified ? justification.strip() : null));
    }

    private Outcome outcome() {
        return new Outcome(received, accepted, invalid, duplicates);
    }

    /** {@code line} of a text import, its comment (if any) replaced by {@code # justification: <justification>}. */
    static String justified(String line, String justification) {
        String target = line.strip();
        int comment = commentStart(target);
        if (comment >= 0) {
            target = target.substring(0, comment).strip();
        }
        return target + "  # " + JUSTIFICATION_MARK + " " + justification.strip().replaceAll("\\s+", " ");
    }

    private static int commentStart(String line) {
        for (int i = 1; i < line.length(); i++) {
            if (line.charAt(i) == '#' && Character.isWhitespace(line.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }
}
