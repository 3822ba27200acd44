package org.interdict.notification;

import java.util.Locale;

/** How a notification travels. */
public enum Channel {
    EMAIL, WEBHOOK;

    /** As stored in the {@code channel} column. */
    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Channel ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
