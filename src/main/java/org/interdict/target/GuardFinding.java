package org.interdict.target;

import java.util.Objects;
import java.util.Set;

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

    private static final Set<String> CODES = Set.of(PUBLIC_SUFFIX, PRIVATE_REGISTRY_SUFFIX, RESERVED_RANGE, TOO_BROAD,
            SHARED_INFRASTRUCTURE, HIGH_IMPACT, CONFUSABLE);

    /** Whether a refusal with this code is a guard's, which a justification overrides (a syntax error never is). */
    public static boolean isGuard(String code) {
        return CODES.contains(code);
    }

    public GuardFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
