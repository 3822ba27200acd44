package org.interdict.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.interdict.error.ProblemException;
import org.interdict.notification.dto.NotificationDetail;
import org.interdict.notification.dto.NotificationView;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.persistence.Transactions;
import org.interdict.security.Actor;

/**
 * The delivery log: every notification queued, delivered or given up, with its attempts. Administrators and auditors
 * read all of it; other callers the webhook calls of their own owner only (never e-mails, which name people).
 */
@ApplicationScoped
public class NotificationLog {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public NotificationLog(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** One page, newest first, of what the caller may see. */
    public Page<NotificationView> list(String causePrefix, Channel channel, DeliveryState state, Long afterId,
            int limit, Actor actor) {
        NotificationFilter filter = new NotificationFilter(causePrefix, channel, state,
                Owners.bound(actor).orElse(null), afterId, limit);
        List<Notification> found = Transactions.read(dataSource, c -> NotificationStore.list(c, filter));
        boolean more = found.size() > limit;
        List<NotificationView> items = found.stream().limit(limit).map(NotificationLog::view).toList();
        return new Page<>(items, more ? Cursors.encode(items.get(items.size() - 1).id()) : null);
    }

    public NotificationDetail get(long id, Actor actor) {
        return Transactions.read(dataSource, c -> {
            Notification notification = NotificationStore.find(c, id);
            if (notification == null) {
                throw ProblemException.notFound("Notification", id);
            }
            Owners.requireVisible(actor, notification.owner(), "Notification", id);
            return new NotificationDetail(view(notification), notification.body(), payload(notification),
                    NotificationStore.attemptsOf(c, id));
        });
    }

    private JsonNode payload(Notification notification) {
        if (notification.payload() == null) {
            return null;
        }
        try {
            return json.readTree(notification.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored payload of notification " + notification.id() + " is not JSON", e);
        }
    }

    static NotificationView view(Notification n) {
        return new NotificationView(n.id(), n.channel(), n.recipient(), n.cause(), n.subject(), n.event(),
                n.webhookId(), n.owner(), n.createdAt(), n.state(), n.attempts(),
                n.state() == DeliveryState.PENDING ? n.nextAttemptAt() : null, n.lastError(), n.deliveredAt());
    }
}
