package org.interdict.compile;

/** What a protected (allowlisted) entry covers. */
public enum AllowType {
    /** Exactly one name. */
    DOMAIN,
    /** A name and every name below it. */
    DOMAIN_TREE,
    /** An IPv4 or IPv6 address or block. */
    CIDR
}
