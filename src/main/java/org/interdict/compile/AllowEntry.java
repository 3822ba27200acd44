package org.interdict.compile;

import java.util.Comparator;
import java.util.Objects;

/**
 * An entry of the allowlist: never published, whatever a directive says.
 *
 * @param value same canonical forms as targets; a CIDR value may be a bare address or a block
 * @param reason why it is protected, for the conflict report
 * @param source who listed it (root servers, public resolvers, an operator ...)
 */
public record AllowEntry(AllowType type, String value, String reason, String source) {

    /** Canonical order, so conflicts come out the same whatever order the allowlist was given in. */
    static final Comparator<AllowEntry> CANONICAL = Comparator.comparing(AllowEntry::type)
            .thenComparing(AllowEntry::value)
            .thenComparing(AllowEntry::reason)
            .thenComparing(AllowEntry::source);

    public AllowEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
    }
}
