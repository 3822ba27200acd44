package org.interdict.compile;

/** The kinds of rule a compiled rule set holds, in canonical order. */
public enum RuleType {
    DOMAIN,
    DOMAIN_TREE,
    URL,
    /** IPv4 CIDR blocks, always with a prefix length ({@code 203.0.113.5/32}). */
    IPV4,
    /** IPv6 CIDR blocks in RFC 5952 text, always with a prefix length. */
    IPV6
}
