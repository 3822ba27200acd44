package org.interdict.target;

import java.util.Objects;

/**
 * A normalised block target. {@code value} is the canonical text: an ASCII domain name (for a tree, its root
 * without {@code *.}), a normalised URL, or an address or CIDR block in canonical notation. Build targets with
 * {@link TargetParser}; this constructor checks only the invariants every canonical value has.
 */
public record Target(TargetType type, String value) {

    public Target {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty target value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // Canonical values are printable ASCII: names are punycoded, URLs percent-encoded.
            if (c <= ' ' || c >= 0x7f) {
                throw new IllegalArgumentException("target value is not canonical: " + value);
            }
        }
    }
}
