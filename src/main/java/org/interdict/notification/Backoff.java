package org.interdict.notification;

import java.time.Duration;

/** Exponential backoff with a cap: the wait after the n-th failed attempt is {@code initial × 2^(n-1)}, at most {@code max}. */
record Backoff(Duration initial, Duration max) {

    Duration after(int failedAttempts) {
        int doublings = Math.max(0, failedAttempts - 1);
        // Past 2^30 the cap is reached for any sensible initial wait; stop doubling before the long overflows.
        if (doublings >= 31) {
            return max;
        }
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
