package org.interdict.notification;

import java.time.Instant;

/** A registered receiver of an owner's webhook events, its signing secret sealed. */
record WebhookEndpoint(long id, String owner, String url, byte[] sealedSecret, boolean active, String createdBy,
        Instant createdAt, String rotatedBy, Instant rotatedAt, String deactivatedBy, Instant deactivatedAt) {

    /** What the secret is sealed for: the row's owner and URL, so that a sealed secret copied to another row does not open. */
    String sealedFor() {
        return sealedFor(owner, url);
    }

    static String sealedFor(String owner, String url) {
        return "webhook " + owner + " " + url;
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[id=" + id + ", owner=" + owner + ", url=" + url + ", active=" + active + "]";
    }
}
