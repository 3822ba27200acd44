package org.interdict.support;

import java.util.function.BooleanSupplier;

/** Waiting for what the service does after the request that caused it (deliveries, compilations). */
public final class Waits {

    private static final long WAIT_MILLIS = 30_000;

    private Waits() {}

    /** Returns once the condition holds; fails after a generous while, naming what was awaited. */
    public static void until(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not reached: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits until {@code count} notifications with the cause are delivered. */
    public static void delivered(String cause, int count) {
        until(() -> String.valueOf(count).equals(Db.queryString("select count(*) from notification where cause = ?"
                + " and state = 'delivered'", cause)), count + " notification(s) of " + cause + " delivered");
    }
}
