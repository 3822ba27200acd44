package org.interdict.notification;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.config.InterdictConfig;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.notification.dto.IssuedWebhookSecret;
import org.interdict.notification.dto.WebhookInput;
import org.interdict.notification.dto.WebhookView;
import org.interdict.persistence.Registries;
import org.interdict.persistence.Transactions;
import org.interdict.secret.SecretSeal;
import org.interdict.security.Actor;

/**
 * The webhook endpoints of each owner: registered with a generated signing secret shown once, rotated, deactivated.
 * Every change is audited; the secret never is.
 */
@ApplicationScoped
public class WebhookEndpoints {

    static final int MAX_URL_LENGTH = 2048;
    /** Why the calls still waiting for an endpoint were given up. */
    static final String DEACTIVATED = "the webhook endpoint was deactivated before delivery";
    private static final int SECRET_OCTETS = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgroalDataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;
    private final NotificationMetrics metrics;
    /** Null when no key-encryption key is configured: then no endpoint can be registered. */
    private final SecretSeal seal;

    public WebhookEndpoints(AgroalDataSource dataSource, AuditLog audit, Clock clock, NotificationMetrics metrics,
            InterdictConfig config) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
        this.seal = config.keyEncryptionKey().filter(k -> !k.isBlank()).map(SecretSeal::of).orElse(null);
    }

    public IssuedWebhookSecret create(WebhookInput input, Actor actor) {
        String owner = Owners.forNewEndpoint(actor, input.owner());
        String url = checkedUrl(input.url());
        SecretSeal sealing = requireSeal();
        String secret = newSecret();
        WebhookEndpoint created = Transactions.inTransaction(dataSource, c -> {
            // Owners.FORM admits only the registries' own prefixes.
            Registries.of(owner.substring(0, owner.indexOf(':'))).requireRegistered(c,
                    List.of(owner.substring(owner.indexOf(':') + 1)), "owner");
            Instant now = clock.instant();
            WebhookEndpoint endpoint = WebhookStore.insert(c, owner, url,
                    sealing.seal(secret.getBytes(StandardCharsets.UTF_8), WebhookEndpoint.sealedFor(owner, url)),
                    actor.subject(), now);
            record(c, actor, now, "created", endpoint);
            return endpoint;
        });
        return new IssuedWebhookSecret(secret, view(created));
    }

    /** The endpoints the caller may see, newest first; {@code owner} narrows them for those who see every owner. */
    public List<WebhookView> list(String owner, Actor actor) {
        String only = Owners.bound(actor).orElse(owner == null || owner.isBlank() ? null : owner.strip());
        return Transactions.read(dataSource, c -> WebhookStore.list(c, only).stream().map(WebhookEndpoints::view)
                .toList());
    }

    public IssuedWebhookSecret rotate(long id, Actor actor) {
        SecretSeal sealing = requireSeal();
        String secret = newSecret();
        WebhookEndpoint rotated = Transactions.inTransaction(dataSource, c -> {
            WebhookEndpoint endpoint = lockActive(c, id, actor);
            Instant now = clock.instant();
            byte[] sealed = sealing.seal(secret.getBytes(StandardCharsets.UTF_8), endpoint.sealedFor());
            WebhookStore.rotate(c, id, sealed, actor.subject(), now);
            WebhookEndpoint after = new WebhookEndpoint(id, endpoint.owner(), endpoint.url(), sealed, true,
                    endpoint.createdBy(), endpoint.createdAt(), actor.subject(), now, null, null);
            record(c, actor, now, "secret-rotated", after);
            return after;
        });
        return new IssuedWebhookSecret(secret, view(rotated));
    }

    public WebhookView deactivate(long id, Actor actor) {
        int[] givenUp = new int[1];
        WebhookView deactivated = Transactions.inTransaction(dataSource, c -> {
            WebhookEndpoint endpoint = lockActive(c, id, actor);
            Instant now = clock.instant();
            WebhookStore.deactivate(c, id, actor.subject(), now);
            givenUp[0] = NotificationStore.failPendingOf(c, id, DEACTIVATED);
            WebhookEndpoint after = new WebhookEndpoint(id, endpoint.owner(), endpoint.url(), endpoint.sealedSecret(),
                    false, endpoint.createdBy(), endpoint.createdAt(), endpoint.rotatedBy(), endpoint.rotatedAt(),
                    actor.subject(), now);
            record(c, actor, now, "deactivated", after);
            return view(after);
        });
        metrics.failed(Channel.WEBHOOK, givenUp[0]);
        return deactivated;
    }

    private static WebhookEndpoint lockActive(Connection c, long id, Actor actor) throws SQLException {
        WebhookEndpoint endpoint = WebhookStore.lock(c, id);
        if (endpoint == null) {
            throw ProblemException.notFound("Webhook", id);
        }
        Owners.requireVisible(actor, endpoint.owner(), "Webhook", id);
        if (!endpoint.active()) {
            throw ProblemException.conflict("webhook-inactive", "Webhook " + id + " was deactivated at "
                    + endpoint.deactivatedAt() + "; register a new one");
        }
        return endpoint;
    }

    /** An absolute http or https URL with a host, no credentials in it, at most {@value #MAX_URL_LENGTH} characters. */
    static String checkedUrl(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("url", "required", "url is required: the absolute http(s) URL to call");
        }
        String url = value.strip();
        if (url.length() > MAX_URL_LENGTH) {
            throw ProblemException.invalid("url", "too-long", "url is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("url", "invalid-url", "'" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw ProblemException.invalid("url", "invalid-url", "'" + url + "' is not an absolute http or https URL"
                    + " with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw ProblemException.invalid("url", "credentials-in-url", "the URL carries credentials; the signature"
                    + " authenticates the calls, leave user and password out");
        }
        return url;
    }

    private SecretSeal requireSeal() {
        if (seal == null) {
            throw new ProblemException(ErrorCategory.UNAVAILABLE, "webhooks-unavailable", "Webhooks unavailable",
                    "No key-encryption key is configured (interdict.key-encryption-key), so no webhook secret can be"
                            + " stored");
        }
        return seal;
    }

    /** 256 random bits, base64url: the HMAC key is this text's UTF-8 bytes, as given to the receiver. */
    private static String newSecret() {
        byte[] secret = new byte[SECRET_OCTETS];
        RANDOM.nextBytes(secret);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private void record(Connection c, Actor actor, Instant at, String action, WebhookEndpoint endpoint)
            throws SQLException {
        audit.append(c, AuditEvent.by(actor, at, "webhook." + action, "webhook", endpoint.id(),
                Map.of("owner", endpoint.owner(), "url", endpoint.url())));
    }

    static WebhookView view(WebhookEndpoint endpoint) {
        return new WebhookView(endpoint.id(), endpoint.owner(), endpoint.url(), endpoint.active(), endpoint.createdBy(),
                endpoint.createdAt(), endpoint.rotatedBy(), endpoint.rotatedAt(), endpoint.deactivatedBy(),
                endpoint.deactivatedAt());
    }
}
