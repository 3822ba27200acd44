package org.interdict.compile;

/** What the compiler did with a target that collided with the allowlist. */
public enum Resolution {
    /** Not published at all. */
    REFUSED,
    /** Published minus the protected addresses. */
    CARVED
}
