package org.interdict.target;

/** What a block target names. */
public enum TargetType {
    /** Exactly one host name. */
    DOMAIN,
    /** A domain and every name beneath it. */
    DOMAIN_TREE,
    /** One http or https URL. */
    URL,
    /** One IPv4/IPv6 address or CIDR block. */
    IP
}
