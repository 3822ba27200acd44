package org.interdict.compile;

import org.interdict.target.TargetType;
import org.interdict.target.UrlHost;

/**
 * Splits the inputs into independent parts: targets with different keys never subsume, merge with or carve one
 * another, so a change touches only the rules of its own keys and the rest of a rule set can be kept as it was.
 *
 * <ul>
 *   <li>A name's key is its last two labels ({@code a.b.example.vn} has {@code example.vn}). Every tree has at least
 *       two labels (the target parser refuses single-label names), so a tree and everything inside it share a key.
 *   <li>A URL has the key of its host, so a URL lies with the trees that can cover it.
 *   <li>Addresses and blocks merge across any distance, so each family is one key: {@link #IPV4} or {@link #IPV6}.
 * </ul>
 *
 * <p>The database computes the same key for stored targets (migration V8); a test holds the two to each other.
 */
public final class SubsumptionKeys {

    public static final String IPV4 = ":ipv4";
    public static final String IPV6 = ":ipv6";

    private SubsumptionKeys() {}

    public static String of(TargetType type, String value) {
        return switch (type) {
            case DOMAIN, DOMAIN_TREE -> ofName(value);
            case URL -> ofUrl(value);
            case IP -> value.indexOf(':') >= 0 ? IPV6 : IPV4;
        };
    }

    static String of(RuleType type, String rule) {
        return switch (type) {
            case DOMAIN, DOMAIN_TREE -> ofName(rule);
            case URL -> ofUrl(rule);
            case IPV4 -> IPV4;
            case IPV6 -> IPV6;
        };
    }

    /** The hash code of a rule's key, which {@link RuleSet#keyHashes} keeps per rule. */
    static int hashOf(RuleType type, String rule) {
        return of(type, rule).hashCode();
    }

    private static String ofUrl(String url) {
        return ofName(UrlHost.of(url).name());
    }

    private static String ofName(String name) {
        return name.substring(keyStart(name));
    }

    /** Where the last two labels begin. */
    private static int keyStart(String name) {
        int last = name.lastIndexOf('.');
        if (last <= 0) {
            return 0;
        }
        int before = name.lastIndexOf('.', last - 1);
        return before < 0 ? 0 : before + 1;
    }
}
