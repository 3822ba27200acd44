package org.interdict.error;

/** What kind of failure a domain exception reports; decides the HTTP status. */
public enum ErrorCategory {
    INVALID(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    GONE(410),
    TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    UNAVAILABLE(503);

    private final int status;

    ErrorCategory(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
