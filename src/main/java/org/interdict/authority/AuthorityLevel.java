package org.interdict.authority;

/** Where an authority sits: the Ministry, or a provincial Department that relays its orders. */
public enum AuthorityLevel {
    NATIONAL,
    PROVINCIAL
}
