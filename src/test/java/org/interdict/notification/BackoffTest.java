package org.interdict.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void eachWaitDoublesTheOneBeforeUpToTheCap() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(backoff.after(8)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.after(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void noAttemptYetWaitsTheInitialTime() {
        assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(30));
    }
}
