package org.interdict.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counters of notifications queued, delivered and given up, by channel, and the age of the oldest one still pending
 * (0 when none): a growing age means a receiver, or the SMTP server, has been unreachable that long.
 */
@ApplicationScoped
public class NotificationMetrics {

    private final Map<Channel, Counter> queued = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> delivered = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> failed = new EnumMap<>(Channel.class);
    /** Read when the delivery last looked; null when nothing was pending. */
    private final AtomicReference<Instant> oldestPending = new AtomicReference<>();
    private final Clock clock;

    public NotificationMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        for (Channel channel : Channel.values()) {
            String tag = channel.column();
            queued.put(channel, Counter.builder("interdict.notifications.queued").tag("channel", tag)
                    .description("Notifications queued (in transactions that may yet roll back)").register(registry));
            delivered.put(channel, Counter.builder("interdict.notifications.delivered").tag("channel", tag)
                    .description("Notifications delivered").register(registry));
            failed.put(channel, Counter.builder("interdict.notifications.failed").tag("channel", tag)
                    .description("Notifications given up after the last attempt allowed").register(registry));
        }
        Gauge.builder("interdict.notifications.oldest.pending.age", this, NotificationMetrics::oldestPendingSeconds)
                .baseUnit("seconds").description("How long the oldest notification not yet delivered has waited")
                .register(registry);
    }

    void queued(Channel channel, int count) {
        queued.get(channel).increment(count);
    }

    void delivered(Channel channel) {
        delivered.get(channel).increment();
    }

    void failed(Channel channel) {
        failed.get(channel).increment();
    }

    void oldestPending(Instant queuedAt) {
        oldestPending.set(queuedAt);
    }

    private double oldestPendingSeconds() {
        Instant oldest = oldestPending.get();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }
}
