package org.interdict.allowlist;

import java.util.ArrayList;
import java.util.List;
import org.interdict.compile.AllowEntry;
import org.interdict.compile.AllowType;
import org.interdict.error.Violation;
import org.interdict.target.ParseResult;
import org.interdict.target.Target;
import org.interdict.target.TargetParser;

/**
 * Reads allowlist entries: one per line, {@code <entry> <reason>}, {@code #} comments and blank lines ignored (the
 * format of the shipped critical-infrastructure list). Entries are normalised like targets.
 */
final class AllowLines {

    record Parsed(List<AllowEntry> entries, List<Violation> invalid, int received) {}

    private AllowLines() {}

    static Parsed parse(String text, String source, TargetParser parser) {
        List<AllowEntry> entries = new ArrayList<>();
        List<Violation> invalid = new ArrayList<>();
        int lineNumber = 0;
        int received = 0;
        for (String raw : text.split("\r?\n", -1)) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            received++;
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2) {
                invalid.add(Violation.ofLine(lineNumber, line, "reason-required", "give a reason after the entry", null));
                continue;
            }
            try {
                entries.add(entry(parts[0], parts[1].strip(), source, parser));
            } catch (IllegalArgumentException e) {
                invalid.add(Violation.ofLine(lineNumber, line, "invalid-entry", e.getMessage(), null));
            }
        }
        return new Parsed(entries, invalid, received);
    }

    /** Refuses, with the reason as message, what is not a domain, tree, address or block (URLs included). */
    static AllowEntry entry(String value, String reason, String source, TargetParser parser) {
        ParseResult result = parser.parseLine(value);
        if (result instanceof ParseResult.Invalid bad) {
            throw new IllegalArgumentException(bad.problem().message());
        }
        Target target = ((ParseResult.Valid) result).target();
        AllowType type = switch (target.type()) {
            case DOMAIN -> AllowType.DOMAIN;
            case DOMAIN_TREE -> AllowType.DOMAIN_TREE;
            case IP -> AllowType.CIDR;
            case URL -> throw new IllegalArgumentException("the allowlist protects names and addresses, not URLs");
        };
        return new AllowEntry(type, target.value(), reason, source);
    }
}
