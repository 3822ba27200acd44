package org.interdict.notification;

/** How one delivery attempt ended: delivered or not, the receiver's HTTP status (webhooks), the error in words. */
record AttemptResult(boolean delivered, Integer httpStatus, String error) {

    static AttemptResult success(Integer httpStatus) {
        return new AttemptResult(true, httpStatus, null);
    }

    static AttemptResult failure(Integer httpStatus, String error) {
        return new AttemptResult(false, httpStatus, error);
    }
}
