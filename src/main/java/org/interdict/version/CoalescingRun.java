package org.interdict.version;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A job run on a thread of its own whenever someone asks: a request made while a run waits to start joins it, so a
 * burst of new versions makes one run, not one each. A request made while a run is under way makes one more after it.
 */
public final class CoalescingRun {

    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ExecutorService thread;
    private final Runnable job;

    public CoalescingRun(String threadName, Runnable job) {
        this.job = job;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for a run soon; joins one that is scheduled and not yet started. */
    public void request() {
        if (scheduled.compareAndSet(false, true) && !thread.isShutdown()) {
            thread.execute(() -> {
                scheduled.set(false);
                job.run();
            });
        }
    }

    public void stop() {
        thread.shutdownNow();
    }
}
