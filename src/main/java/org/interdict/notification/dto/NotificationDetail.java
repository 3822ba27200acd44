package org.interdict.notification.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A notification with what it carries (the e-mail's text, or the webhook's payload) and every attempt, oldest first. */
public record NotificationDetail(NotificationView notification, String text, JsonNode payload,
        List<AttemptView> attempts) {}
