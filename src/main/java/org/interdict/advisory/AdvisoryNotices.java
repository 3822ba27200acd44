package org.interdict.advisory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.interdict.advisory.dto.AdvisoryInput;
import org.interdict.agency.ContactPoints;
import org.interdict.notification.EmailNotice;
import org.interdict.notification.Notifications;
import org.interdict.security.RecipientScope.Recipient;

/**
 * Tells recipients of a published or revised advisory, in the transaction that publishes it: an e-mail to each
 * contact point and an {@code advisory.published} or {@code advisory.revised} event to the recipient's webhooks.
 */
final class AdvisoryNotices {

    private AdvisoryNotices() {}

    static void tell(Connection c, Notifications notifications, Advisory a, List<Recipient> recipients, String event)
            throws SQLException {
        AdvisoryInput in = a.content();
        String cause = "advisory:" + a.id() + ":" + (event.endsWith("revised") ? "revision-" + a.revision() : "published");
        String subject = "[" + in.severity().toUpperCase(java.util.Locale.ROOT) + "] "
                + (a.revision() > 1 ? "Cập nhật cảnh báo / Advisory revised (" + a.revision() + "): "
                        : "Cảnh báo an toàn thông tin / Security advisory: ") + in.title();
        String text = in.title() + "\n\n"
                + (in.cves().isEmpty() ? "" : "CVE: " + String.join(", ", in.cves()) + "\n")
                + "Hạn khắc phục / Remediation deadline: " + in.remediationDeadline() + "\n\n"
                + in.description() + "\n\n" + in.recommendedActions() + "\n\n"
                + "Xác nhận và báo cáo tình trạng / Acknowledge and report status: /api/v1/advisories/" + a.id() + "\n";
        Map<String, Object> payload = Map.of("advisory", a.id(), "revision", a.revision(), "authority",
                a.authorityId(), "title", in.title(), "severity", in.severity(), "cves", in.cves(),
                "remediationDeadline", in.remediationDeadline().toString());
        for (Recipient recipient : recipients) {
            for (String email : ContactPoints.emails(c, recipient)) {
                notifications.email(c, new EmailNotice(email, subject, text, cause));
            }
            notifications.webhook(c, recipient.key(), event, payload, cause);
        }
    }
}
