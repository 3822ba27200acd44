package org.interdict.notification;

import java.util.Locale;

/** Where a notification stands: waiting for its next attempt, delivered, or given up after the last attempt. */
public enum DeliveryState {
    PENDING, DELIVERED, FAILED;

    /** As stored in the {@code state} column. */
    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryState ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
