package org.interdict.notification;

import java.util.Objects;

/** An e-mail to one address; {@code cause} says what it is about, e.g. "appeal:42:received" (shown in the delivery log). */
public record EmailNotice(String to, String subject, String text, String cause) {

    public EmailNotice {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(cause, "cause");
        if (to.isBlank() || cause.isBlank()) {
            throw new IllegalArgumentException("an e-mail notice needs an address and a cause");
        }
    }
}
