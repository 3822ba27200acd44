package org.interdict.notification.dto;

/**
 * A webhook endpoint to register: an absolute http(s) URL, and the owner whose events it receives ({@code isp:<isp>}
 * or {@code authority:<authority>}). The owner may be left out by an ISP engineer (their ISP) or an officer or
 * supervisor (their authority); an administrator names it.
 */
public record WebhookInput(String owner, String url) {}
