package org.interdict.ruleset;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.interdict.config.InterdictConfig;
import org.interdict.version.NewVersion;
import org.jboss.logging.Logger;

/**
 * Wakes the compiler after changes. Requests arriving while one is scheduled join it (a burst of approvals makes
 * one version); compilations run one at a time on their own thread. A periodic look at the pending changes
 * catches those made through another replica, and those whose compilation failed.
 */
@ApplicationScoped
public class CompileTrigger {

    private static final Logger LOG = Logger.getLogger(CompileTrigger.class);
    private static final long RETRY_MILLIS = 500;

    private final RuleSetBuilder builder;
    private final Event<NewVersion> published;
    private final InterdictConfig config;
    private final Clock clock;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ruleset-compiler");
        thread.setDaemon(true);
        return thread;
    });

    public CompileTrigger(RuleSetBuilder builder, Event<NewVersion> published, InterdictConfig config, Clock clock) {
        this.builder = builder;
        this.published = published;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        request();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    void onChange(@Observes RulesetChange change) {
        request();
    }

    /** Asks for a compilation soon; does nothing if one is already scheduled and not yet started. */
    public void request() {
        schedule(config.rulesets().debounce().toMillis());
    }

    @Scheduled(every = "${interdict.rulesets.poll-interval:10s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollPendingChanges() {
        try {
            if (builder.hasPendingChanges()) {
                request();
            }
        } catch (Exception e) {
            LOG.warnf("Cannot look for pending rule-set changes: %s", e.getMessage());
        }
    }

    private void schedule(long delayMillis) {
        if (scheduled.compareAndSet(false, true) && !worker.isShutdown()) {
            worker.schedule(this::compile, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void compile() {
        scheduled.set(false);
        try {
            RuleSetBuilder.Outcome outcome = builder.run(clock.instant());
            if (outcome.busy()) {
                schedule(RETRY_MILLIS);
                return;
            }
            outcome.versions().forEach(published::fire);
        } catch (Exception e) {
            LOG.errorf(e, "Compilation failed; retrying");
            schedule(RETRY_MILLIS * 4);
        }
    }
}
