package org.interdict.incident;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.error.Violation;
import org.interdict.target.ParseResult;
import org.interdict.target.Target;
import org.interdict.target.TargetParser;

/**
 * An incident's indicators, one per line (names, URLs, addresses), read by the same parser as a directive's targets:
 * each is normalised, blank lines are skipped, repeats kept once, and every bad line is refused with its number.
 */
final class Indicators {

    static final int MAX_LINES = 10_000;

    private Indicators() {}

    static List<Target> parse(String text, TargetParser parser) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String[] lines = text.split("\r?\n", -1);
        if (lines.length > MAX_LINES) {
            throw ProblemException.invalid("indicators", "too-many-lines",
                    "at most " + MAX_LINES + " indicators, one per line");
        }
        Set<Target> targets = new LinkedHashSet<>();
        List<Violation> refused = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            ParseResult result = parser.parseLine(lines[i]);
            if (result instanceof ParseResult.Valid valid) {
                targets.add(valid.target());
            } else if (result instanceof ParseResult.Invalid invalid) {
                refused.add(Violation.ofLine(i + 1, lines[i].strip(), invalid.problem().code(),
                        invalid.problem().message(), invalid.problem().hint()));
            }
        }
        if (!refused.isEmpty()) {
            throw new ProblemException(ErrorCategory.INVALID, "invalid-indicators", "Invalid indicators",
                    refused.size() + " indicator line(s) are not a domain, URL or IP address; nothing was recorded",
                    refused.size() > 100 ? refused.subList(0, 100) : refused, refused.size());
        }
        return List.copyOf(targets);
    }
}
