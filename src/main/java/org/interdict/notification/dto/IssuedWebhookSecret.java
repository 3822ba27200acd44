package org.interdict.notification.dto;

/**
 * A webhook endpoint with its new signing secret. This is the only time the secret is shown: it is stored sealed and
 * no operation reads it back; a lost secret is replaced by rotating it.
 */
public record IssuedWebhookSecret(String secret, WebhookView webhook) {

    @Override
    public String toString() {
        return "IssuedWebhookSecret[webhook=" + webhook + "]";
    }
}
