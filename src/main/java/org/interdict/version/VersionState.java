package org.interdict.version;

public enum VersionState {
    /** Served to appliances; the newest published version is the current one. */
    PUBLISHED,
    /** Held by the circuit breaker until a supervisor confirms or refuses it. */
    HELD,
    /** Refused by a supervisor; never served. */
    REFUSED,
    /** A held version overtaken by a newer compilation before anyone decided. */
    SUPERSEDED
}
