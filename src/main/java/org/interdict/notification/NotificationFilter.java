package org.interdict.notification;

/**
 * What the delivery log lists: by cause prefix, channel and state, and for callers confined to one owner that owner's
 * webhook calls only ({@code owner}; null for callers who see everything). {@code afterId} continues a page.
 */
record NotificationFilter(String causePrefix, Channel channel, DeliveryState state, String owner, Long afterId,
        int limit) {}
