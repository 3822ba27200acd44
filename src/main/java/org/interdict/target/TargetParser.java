package org.interdict.target;

import java.util.Objects;

/**
 * Parses and normalises block targets. Stateless apart from immutable helpers, so one instance can be shared by
 * all threads; a call allocates only what the result needs.
 */
public final class TargetParser {

    private static final String TREE_PREFIX = "*.";
    /**
     * Text this many times longer than its type's maximum is refused before any work, however it would normalise:
     * so a huge line costs a length check only. No real target shrinks that much (NFC composes a letter and its
     * few marks into one; A-labels and percent-encoding only grow).
     */
    private static final int WRITTEN_LENGTH_FACTOR = 4;

    private final DomainNames domains = new DomainNames();
    private final UrlNormaliser urls = new UrlNormaliser(domains);

    /**
     * Parses one line of a text list, inferring the type: {@code *.name} is a domain tree, {@code scheme://...}
     * a URL, an IPv4/IPv6 address or CIDR block an IP, anything else a domain.
     */
    public ParseResult parseLine(String text) {
        Objects.requireNonNull(text, "text");
        String line = trim(text);
        return parse(inferType(line), line);
    }

    /** Parses a value whose type is given, as in JSON input. A tree may be written with or without {@code *.}. */
    public ParseResult parse(TargetType type, String value) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        String text = trim(value);
        int max = type.maxLength();
        try {
            if (text.length() > WRITTEN_LENGTH_FACTOR * max) {
                throw new Refusal(TargetProblem.TOO_LONG, Refusal.quote(text) + " is " + text.length()
                        + " characters long; " + describe(type) + " has at most " + max, tooLongHint(type));
            }
            String canonical = canonical(type, text);
            if (canonical.length() > max) {
                throw new Refusal(TargetProblem.TOO_LONG, Refusal.quote(text) + " is " + canonical.length()
                        + " characters long once normalised; " + describe(type) + " has at most " + max,
                        tooLongHint(type));
            }
            return new ParseResult.Valid(new Target(type, canonical));
        } catch (Refusal refusal) {
            return new ParseResult.Invalid(refusal.problem());
        }
    }

    private String canonical(TargetType type, String text) throws Refusal {
        return switch (type) {
            case DOMAIN -> domains.toAscii(text);
            case DOMAIN_TREE -> domains.toAscii(text.startsWith(TREE_PREFIX) ? text.substring(2) : text);
            case URL -> urls.normalise(text);
            case IP -> IpBlock.parseStrict(text).text();
        };
    }

    private static String describe(TargetType type) {
        return switch (type) {
            case DOMAIN, DOMAIN_TREE -> "a domain name";
            case URL -> "a URL (non-ASCII characters percent-encoded)";
            case IP -> "an IP address or block";
        };
    }

    static String tooLongHint(TargetType type) {
        return switch (type) {
            case DOMAIN, DOMAIN_TREE -> "check that the line holds one name and nothing else";
            case URL -> "block the URL's host as a domain instead, if the order allows it";
            case IP -> "write one address or block a line";
        };
    }

    /**
     * Beyond {@link String#strip()}: also no-break spaces and a byte order mark, which arrive with text pasted
     * from documents and web pages.
     */
    private static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPadding(text.charAt(start))) {
            start++;
        }
        while (end > start && isPadding(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isPadding(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    static TargetType inferType(String line) {
        if (line.startsWith(TREE_PREFIX)) {
            return TargetType.DOMAIN_TREE;
        }
        if (hasScheme(line)) {
            return TargetType.URL;
        }
        int slash = line.indexOf('/');
        String address = slash < 0 ? line : line.substring(0, slash);
        // IPv6 has at least two colons; "host:port" has one and is a (refused) domain.
        boolean ipv6 = address.indexOf(':') != address.lastIndexOf(':');
        boolean ipv4 = !address.isEmpty() && address.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
        return ipv6 || ipv4 ? TargetType.IP : TargetType.DOMAIN;
    }

    private static boolean hasScheme(String line) {
        int end = line.indexOf("://");
        if (end <= 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) {
                return false;
            }
        }
        return true;
    }
}
