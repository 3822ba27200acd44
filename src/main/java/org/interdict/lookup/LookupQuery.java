package org.interdict.lookup;

import java.util.ArrayList;
import java.util.List;
import org.interdict.compile.RuleMatcher;
import org.interdict.error.ProblemException;
import org.interdict.target.EmbeddedIpv4;
import org.interdict.target.ParseResult;
import org.interdict.target.Target;
import org.interdict.target.TargetParser;
import org.interdict.target.UrlHost;

/**
 * What a lookup asks about, normalised exactly as targets are (Unicode names to A-labels, URLs to canonical form),
 * so the question meets the rules in their own spelling.
 */
record LookupQuery(Kind kind, String value, String host) {

    enum Kind { NAME, URL, ADDRESS }

    static LookupQuery parse(String text, TargetParser parser) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("q", "required", "q names the domain, URL or IP address to look up");
        }
        ParseResult parsed = parser.parseLine(text);
        if (parsed instanceof ParseResult.Invalid invalid) {
            throw ProblemException.invalid("q", invalid.problem().code(), invalid.problem().message());
        }
        Target target = ((ParseResult.Valid) parsed).target();
        return switch (target.type()) {
            case DOMAIN, DOMAIN_TREE -> new LookupQuery(Kind.NAME, target.value(), target.value());
            case URL -> new LookupQuery(Kind.URL, target.value(), UrlHost.of(target.value()).name());
            case IP -> address(target.value());
        };
    }

    /** A single address only: a block is not something a client connects to. */
    private static LookupQuery address(String block) {
        int slash = block.indexOf('/');
        String address = slash < 0 ? block : block.substring(0, slash);
        String prefix = slash < 0 ? null : block.substring(slash + 1);
        boolean single = prefix == null || prefix.equals(address.contains(":") ? "128" : "32");
        if (!single) {
            throw ProblemException.invalid("q", "not-an-address", "'" + block + "' is a block; look up one address");
        }
        return new LookupQuery(Kind.ADDRESS, address, address);
    }

    boolean hostIsAddress() {
        return kind == Kind.ADDRESS || host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    /** The host address and the IPv4 address it carries through NAT64 or 6to4, if any: the allowlist covers both. */
    List<String> hostAddresses() {
        List<String> addresses = new ArrayList<>(2);
        addresses.add(host);
        EmbeddedIpv4.embedded(host).forEach(image -> addresses.add(image.ipv4()));
        return addresses;
    }

    List<RuleMatcher.Match> match(RuleMatcher matcher) {
        return switch (kind) {
            case NAME -> matcher.matchDomain(value);
            case URL -> matcher.matchUrl(value);
            case ADDRESS -> matcher.matchAddress(value);
        };
    }

    /** The name and every parent domain, for allowlist trees that cover it. */
    List<String> hostAndParents() {
        List<String> names = new ArrayList<>();
        int from = 0;
        while (true) {
            names.add(host.substring(from));
            int dot = host.indexOf('.', from);
            if (dot < 0) {
                return names;
            }
            from = dot + 1;
        }
    }
}
