package org.interdict.target;

import java.util.Objects;

/**
 * A collateral-damage warning about a valid target: it may still be blocked, but only with a written
 * justification that a supervisor confirms.
 */
public record GuardFinding(String code, String message) {

    public static final String PUBLIC_SUFFIX = "public-suffix";
    public static final String PRIVATE_REGISTRY_SUFFIX = "private-registry-suffix";
    public static final String RESERVED_RANGE = "reserved-range";
    public static final String TOO_BROAD = "too-broad";
    public static final String SHARED_INFRASTRUCTURE = "shared-infrastructure";
    public static final String HIGH_IMPACT = "high-impact";
    public static final String CONFUSABLE = "confusable";

    public GuardFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
