package org.interdict.directive.dto;

import java.util.List;
import org.interdict.error.Violation;

/**
 * What an import did. {@code duplicates} are lines that spell a target already given earlier in the same
 * request; {@code alreadyPresent} counts targets the directive held before; {@code skipped} lists bad lines
 * left out because the caller asked for it (at most a configured number, {@code skippedTotal} counts all).
 */
public record TargetImportResult(
        int received,
        int imported,
        int alreadyPresent,
        int flagged,
        List<Duplicate> duplicates,
        int duplicatesTotal,
        List<Violation> skipped,
        int skippedTotal) {

    public record Duplicate(int line, String input, int sameAsLine) {}
}
