package org.interdict.compile;

import java.util.Objects;
import org.interdict.target.TargetType;

/**
 * One normalised target of one directive, as the compiler receives it.
 *
 * @param value canonical text from the target package: a lower-case ASCII name for domains and trees (the tree
 *     root, no {@code *.}), a canonical URL, or an IP address or CIDR block with host bits clear
 */
public record TargetRule(long directiveId, TargetType type, String value) {

    public TargetRule {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }
}
