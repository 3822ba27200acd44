package org.interdict.export;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import org.interdict.compile.RuleType;

/**
 * What a renderer needs besides the rules: whom the output is for and which version it is, plus the
 * options some formats honour.
 *
 * @param isp              the ISP the rule set is compiled for; it appears in file names and comments, so it
 *                         is restricted to letters, digits, {@code .}, {@code _} and {@code -}
 * @param version          the rule-set version; the RPZ SOA serial is derived from it
 * @param digest           the rule set's SHA-256 digest in lower-case hex, written into every header
 * @param createdAt        when the version was created; passed in so output stays reproducible
 * @param landingPage      if not null, the host name blocked names are redirected to (a CNAME target) in the
 *                         formats that can answer with a CNAME (RPZ, Unbound); otherwise they answer NXDOMAIN
 * @param landingAddresses literal IPv4/IPv6 addresses of the landing page, for the formats that can only
 *                         answer with addresses (hosts, dnsmasq); empty means the null address or NXDOMAIN
 * @param provenance       directive id to its legal reference (e.g. {@code 1353/BTTTT-CATTT}) and issuing
 *                         authority; may return null for an unknown id
 * @param onlyType         if not null, the plain-text format writes only this type, with no comments
 */
public record RenderContext(
        String isp,
        long version,
        String digest,
        Instant createdAt,
        String landingPage,
        List<String> landingAddresses,
        LongFunction<DirectiveProvenance> provenance,
        RuleType onlyType) {

    private static final Pattern ISP = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    public RenderContext {
        Objects.requireNonNull(isp, "isp");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(provenance, "provenance");
        if (!ISP.matcher(isp).matches()) {
            throw new IllegalArgumentException("isp must be 1 to 64 of [A-Za-z0-9._-]: " + isp);
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
        if (!HEX.matcher(digest).matches()) {
            throw new IllegalArgumentException("digest must be lower-case hex: " + digest);
        }
        if (landingPage != null) {
            String problem = DomainNames.problem(landingPage.endsWith(".")
                    ? landingPage.substring(0, landingPage.length() - 1) : landingPage);
            if (problem != null) {
                throw new IllegalArgumentException("landingPage " + landingPage + ": " + problem);
            }
        }
        landingAddresses = List.copyOf(landingAddresses);
        for (String address : landingAddresses) {
            if (Cidr.parseAddress(address) == null) {
                throw new IllegalArgumentException("landing address is not an IP address literal: " + address);
            }
        }
    }

    /** A context without landing page, provenance names or type filter. */
    public static RenderContext of(String isp, long version, String digest, Instant createdAt) {
        return new RenderContext(isp, version, digest, createdAt, null, List.of(), id -> null, null);
    }

    public RenderContext withLandingPage(String host, List<String> addresses) {
        return new RenderContext(isp, version, digest, createdAt, host, addresses, provenance, onlyType);
    }

    public RenderContext withProvenance(LongFunction<DirectiveProvenance> directives) {
        return new RenderContext(isp, version, digest, createdAt, landingPage, landingAddresses, directives, onlyType);
    }

    public RenderContext withOnlyType(RuleType type) {
        return new RenderContext(isp, version, digest, createdAt, landingPage, landingAddresses, provenance, type);
    }

    /** The landing page as an absolute name with its trailing dot, or null. */
    String landingTarget() {
        return landingPage == null ? null : landingPage.endsWith(".") ? landingPage : landingPage + ".";
    }
}
