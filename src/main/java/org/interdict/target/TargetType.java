package org.interdict.target;

/**
 * What a block target names, and the longest canonical value of each kind. Canonical values are ASCII, so the
 * maximum counts bytes as well as characters; {@link TargetParser} refuses longer ones with
 * {@link TargetProblem#TOO_LONG}.
 */
public enum TargetType {
    /** Exactly one host name: at most 253 characters, the DNS limit (RFC 1035 section 2.3.4). */
    DOMAIN(253),
    /** A domain and every name beneath it: the same 253 characters, without the {@code *.}. */
    DOMAIN_TREE(253),
    /**
     * One http or https URL: at most 4,096 characters once normalised (non-ASCII percent-encoded), the bound a
     * JSON import sets on a value; servers and proxies commonly refuse request lines much longer.
     */
    URL(4096),
    /** One IPv4/IPv6 address or CIDR block: {@code ffff:...:ffff/128} is the longest canonical one. */
    IP(43);

    private final int maxLength;

    TargetType(int maxLength) {
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }
}
