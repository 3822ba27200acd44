package org.interdict.appliance.dto;

/** The rule-set formats an appliance may prefer; the same list as the database check. */
final class Formats {

    static final String PATTERN = "json|txt|rpz|hosts|unbound|dnsmasq|nftables|ipset|squid|csv";
    static final String MESSAGE = "one of json, txt, rpz, hosts, unbound, dnsmasq, nftables, ipset, squid, csv";

    private Formats() {}
}
