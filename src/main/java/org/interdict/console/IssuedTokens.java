package org.interdict.console;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.interdict.appliance.dto.IssuedToken;

/**
 * A token just issued, kept in memory between the form's POST and the page the browser is sent to, and handed out
 * exactly once, to the person who asked for it: a reload or a shared link finds nothing. Never written anywhere, and
 * forgotten after a few minutes if the page is never opened.
 */
@ApplicationScoped
public class IssuedTokens {

    private static final Duration KEPT = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Held(String subject, IssuedToken issued) {}

    private final Cache<String, Held> held = Caffeine.newBuilder().expireAfterWrite(KEPT).maximumSize(10_000).build();

    /** Keeps the token for {@code subject}; returns the key the page that shows it is opened with. */
    String keep(String subject, IssuedToken issued) {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        held.put(key, new Held(subject, issued));
        return key;
    }

    /** The token kept under {@code key} for {@code subject}, removed as it is taken; null when there is none. */
    IssuedToken take(String key, String subject) {
        if (key == null) {
            return null;
        }
        Held found = held.getIfPresent(key);
        // Someone else's key finds nothing; of two requests with the right one, only the first gets the token.
        if (found == null || !found.subject().equals(subject) || !held.asMap().remove(key, found)) {
            return null;
        }
        return found.issued();
    }
}
