package org.interdict.ruleset;

import org.interdict.config.InterdictConfig;

/** Decides whether a new version changes an abnormal share or number of the current rules. */
record CircuitBreaker(double maxShare, int maxChanges, int minRules) {

    static CircuitBreaker of(InterdictConfig.Breaker config) {
        return new CircuitBreaker(config.maxShare(), config.maxChanges(), config.minRules());
    }

    /** {@code currentSize} is 0 for an ISP's first version, which is never held. */
    boolean trips(int currentSize, int changed) {
        if (currentSize == 0) {
            return false;
        }
        if (changed > maxChanges) {
            return true;
        }
        return currentSize >= minRules && changed > maxShare * currentSize;
    }
}
