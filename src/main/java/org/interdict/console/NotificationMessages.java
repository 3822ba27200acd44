package org.interdict.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the delivery log page, in English here and in Vietnamese in {@code messages/ntf_vi.properties}:
 * templates use them as {@code ntf:name}; a key missing from a translation fails the build.
 */
@MessageBundle(value = "ntf", locale = "en")
public interface NotificationMessages {

    @Message("Notifications")
    String navNotifications();

    @Message("Notification delivery log")
    String title();

    @Message("Filter the delivery log")
    String filter();

    @Message("Cause starts with")
    String cause();

    @Message("Channel")
    String channel();

    @Message("State")
    String state();

    @Message("Any")
    String any();

    @Message("{#when channel}{#is 'EMAIL'}E-mail{#is 'WEBHOOK'}Webhook{#else}{channel}{/when}")
    String channelName(String channel);

    @Message("{#when state}{#is 'PENDING'}Waiting{#is 'DELIVERED'}Delivered{#is 'FAILED'}Given up{#else}{state}{/when}")
    String stateName(String state);

    @Message("Queued")
    String queued();

    @Message("Recipient")
    String recipient();

    @Message("About")
    String about();

    @Message("Attempts")
    String attempts();

    @Message("Next attempt {at}")
    String nextAttempt(String at);

    @Message("Last error")
    String lastError();

    @Message("No notification matches.")
    String none();
}
