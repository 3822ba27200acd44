package org.interdict.notification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.interdict.config.InterdictConfig;
import org.interdict.persistence.Transactions;
import org.interdict.secret.SecretSeal;
import org.interdict.version.CoalescingRun;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox on a thread of its own: at once when a transaction that queued notifications commits (on every
 * replica, through {@link CommitListener}), and every retry interval for attempts that are due. Each notification is
 * attempted in a transaction of its own that holds its row locked, so that a runner on another replica skips it: none
 * is sent twice at once, and none is lost if a replica dies mid-way (its lock goes with it and the row is attempted
 * again).
 */
@ApplicationScoped
public class NotificationDelivery {

    private static final Logger LOG = Logger.getLogger(NotificationDelivery.class);
    /** Longest error text kept per attempt. */
    private static final int ERROR_LIMIT = 1000;
    /**
     * How long a claimed notification is left to its runner before another may attempt it again: longer than any SMTP
     * or webhook timeout, so only a runner that died mid-attempt gives one up.
     */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final AgroalDataSource dataSource;
    private final Mailer mailer;
    private final WebhookSender webhooks;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final InterdictConfig config;
    private final Backoff backoff;
    private final CommitListener listener;
    /** Null when no key-encryption key is configured: webhook secrets cannot be opened, so calls wait. */
    private final SecretSeal seal;
    /** One runner a channel, so that a webhook receiver slow to answer never holds back the e-mails. */
    private final CoalescingRun emailRuns = new CoalescingRun("notification-email", () -> run(Channel.EMAIL));
    private final CoalescingRun webhookRuns = new CoalescingRun("notification-webhook", () -> run(Channel.WEBHOOK));
    private final AtomicBoolean failing = new AtomicBoolean();

    public NotificationDelivery(AgroalDataSource dataSource, Mailer mailer, WebhookSender webhooks,
            NotificationMetrics metrics, Clock clock, InterdictConfig config, CommitListener listener) {
        this.dataSource = dataSource;
        this.mailer = mailer;
        this.webhooks = webhooks;
        this.metrics = metrics;
        this.clock = clock;
        this.config = config;
        this.listener = listener;
        this.backoff = new Backoff(config.notifications().backoffInitial(), config.notifications().backoffMax());
        this.seal = config.keyEncryptionKey().filter(k -> !k.isBlank()).map(SecretSeal::of).orElse(null);
    }

    void onStart(@Observes StartupEvent event) {
        listener.start(this::request);
        request();
    }

    void onStop(@Observes ShutdownEvent event) {
        listener.stop();
        emailRuns.stop();
        webhookRuns.stop();
    }

    @Scheduled(every = "${interdict.notifications.retry-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        request();
    }

    /** Asks for a run soon; joins one that is scheduled and not yet started. */
    public void request() {
        emailRuns.request();
        webhookRuns.request();
    }

    private void run(Channel channel) {
        try {
            deliverDue(channel);
            if (failing.getAndSet(false)) {
                LOG.info("The outbox is readable again; notifications are delivered");
            }
        } catch (RuntimeException e) {
            if (!failing.getAndSet(true)) {
                LOG.warnf("Cannot deliver notifications (%s); they wait in the outbox", e.getMessage());
            }
        }
    }

    /**
     * Attempts every notification that is due, one after the other, until none is; returns how many were attempted.
     * Several callers at once (replicas, or a test) share the work and never attempt the same one twice.
     */
    public int deliverDue() {
        return deliverDue(Channel.EMAIL) + deliverDue(Channel.WEBHOOK);
    }

    private int deliverDue(Channel channel) {
        int attempted = 0;
        while (attemptNext(channel)) {
            attempted++;
        }
        metrics.oldestPending(Transactions.read(dataSource, NotificationStore::oldestPending));
        return attempted;
    }

    /**
     * Attempts the notification of the channel due longest, if any; false when none is due. The claim is committed
     * before the SMTP server or the webhook is called, and the outcome in a transaction of its own: no transaction
     * stays open (and no row locked) while a slow receiver answers.
     */
    private boolean attemptNext(Channel channel) {
        Instant now = clock.instant();
        Notification notification = Transactions.inTransaction(dataSource,
                c -> NotificationStore.claimDue(c, now, channel, now.plus(LEASE)));
        if (notification == null) {
            return false;
        }
        if (notification.channel() == Channel.WEBHOOK) {
            WebhookEndpoint endpoint = Transactions.read(dataSource, c -> WebhookStore.find(c, notification.webhookId()));
            if (!endpoint.active()) {
                // Its owner switched it off after the event was queued: calling it now is what they asked not to have.
                Transactions.inTransaction(dataSource, c -> {
                    NotificationStore.failed(c, notification.id(), notification.attempts(),
                            WebhookEndpoints.DEACTIVATED);
                    return null;
                });
                metrics.failed(Channel.WEBHOOK, 1);
                return true;
            }
            record(notification, now, () -> callWebhook(notification, endpoint, now));
        } else {
            record(notification, now, () -> sendEmail(notification));
        }
        return true;
    }

    private interface Attempt {
        AttemptResult run();
    }

    private void record(Notification notification, Instant now, Attempt attempt) {
        long started = System.nanoTime();
        AttemptResult result = attempt.run();
        long millis = (System.nanoTime() - started) / 1_000_000;
        AttemptResult kept = new AttemptResult(result.delivered(), result.httpStatus(), cut(result.error()));
        Transactions.inTransaction(dataSource, c -> {
            record(c, notification, now, kept, millis);
            return null;
        });
    }

    private void record(Connection c, Notification notification, Instant now, AttemptResult kept, long millis)
            throws SQLException {
        NotificationStore.recordAttempt(c, notification.id(), now, kept, millis);
        int attempts = notification.attempts() + 1;
        if (kept.delivered()) {
            NotificationStore.delivered(c, notification.id(), attempts, clock.instant());
            metrics.delivered(notification.channel());
        } else if (attempts >= config.notifications().maxAttempts()) {
            NotificationStore.failed(c, notification.id(), attempts, kept.error());
            metrics.failed(notification.channel(), 1);
            LOG.warnf("Notification %d (%s, %s) given up after %d attempts: %s", notification.id(),
                    notification.channel().column(), notification.cause(), attempts, kept.error());
        } else {
            NotificationStore.retryAt(c, notification.id(), attempts, clock.instant().plus(backoff.after(attempts)),
                    kept.error());
        }
    }

    private AttemptResult sendEmail(Notification notification) {
        try {
            mailer.send(Mail.withText(notification.recipient(), notification.subject(), notification.body()));
            return AttemptResult.success(null);
        } catch (RuntimeException e) {
            return AttemptResult.failure(null, "SMTP: " + message(e));
        }
    }

    private AttemptResult callWebhook(Notification notification, WebhookEndpoint endpoint, Instant now) {
        if (seal == null) {
            return AttemptResult.failure(null, "no key-encryption key is configured (interdict.key-encryption-key):"
                    + " the webhook secret cannot be opened to sign the call");
        }
        String secret = new String(seal.open(endpoint.sealedSecret(), endpoint.sealedFor()), StandardCharsets.UTF_8);
        return webhooks.send(notification, endpoint, secret, now.getEpochSecond());
    }

    /** The innermost message, which names what failed (a refused connection, a rejected address). */
    private static String message(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? "the SMTP server could not be used" : message;
    }

    private static String cut(String error) {
        return error == null || error.length() <= ERROR_LIMIT ? error : error.substring(0, ERROR_LIMIT) + "…";
    }
}
