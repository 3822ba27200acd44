package org.interdict.directive;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interdict.agency.ContactPoints;
import org.interdict.category.ReasonCategory;
import org.interdict.config.InterdictConfig;
import org.interdict.notification.EmailNotice;
import org.interdict.notification.Notifications;
import org.interdict.persistence.Columns;
import org.interdict.security.RecipientScope;
import org.interdict.security.RecipientScope.Recipient;

/**
 * Tells each ISP a block directive addresses that it is now in force for it (approved in force, or activated on its
 * effective date), in the transaction of that step: an e-mail to the ISP's contact point and a
 * {@code directive.effective} event to its webhooks. Targets of {@code child-abuse} directives are only counted.
 */
@ApplicationScoped
public class DirectiveNotices {

    static final String EVENT = "directive.effective";
    /** At most this many targets are listed in a notice; the rule set carries them all. */
    static final int LISTED_TARGETS = 100;

    private final Notifications notifications;
    private final Duration defaultDeadline;

    public DirectiveNotices(Notifications notifications, InterdictConfig config) {
        this.notifications = notifications;
        this.defaultDeadline = config.compliance().enforcementDeadline();
    }

    /** Tells the active ISPs the directive addresses, if it is a block directive now in force. */
    void tellIsps(Connection c, long id) throws SQLException {
        Map<String, Object> payload = new LinkedHashMap<>();
        List<String> isps = new ArrayList<>();
        String title;
        String category;
        Instant deadline;
        try (PreparedStatement s = c.prepareStatement("select d.legal_reference, d.title, d.authority_id,"
                + " a.name_vi, a.name_en, d.category, greatest(d.decided_at, d.effective_from) as in_force_since,"
                + " coalesce(d.enforcement_deadline_minutes, ?) as deadline_minutes, d.expires_at,"
                + " array(select i.id from isp i where i.active and (d.all_isps or i.id = any(d.audience))"
                + "   order by i.id) as isps"
                + " from directive d left join authority a on a.id = d.authority_id"
                + " where d.id = ? and d.kind = 'BLOCK' and d.status = 'ACTIVE'")) {
            s.setInt(1, (int) defaultDeadline.toMinutes());
            s.setLong(2, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return;
                }
                title = r.getString("title");
                category = r.getString("category");
                Instant inForceSince = Columns.instant(r, "in_force_since");
                int minutes = r.getInt("deadline_minutes");
                deadline = inForceSince.plus(Duration.ofMinutes(minutes));
                payload.put("directive", id);
                payload.put("legalReference", r.getString("legal_reference"));
                payload.put("title", title);
                payload.put("authority", r.getString("authority_id"));
                payload.put("authorityName", r.getString("name_vi"));
                payload.put("category", category);
                payload.put("inForceSince", inForceSince.toString());
                Instant expiresAt = Columns.instant(r, "expires_at");
                payload.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
                payload.put("enforcementDeadline", deadline.toString());
                payload.put("enforcementDeadlineMinutes", minutes);
                isps.addAll(List.of(Columns.textArray(r, "isps")));
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        long total = 0;
        try (PreparedStatement s = c.prepareStatement("select type, count(*) from directive_target"
                + " where directive_id = ? group by type order by type")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getLong(2));
                    total += r.getLong(2);
                }
            }
        }
        payload.put("targetCount", total);
        payload.put("targetCounts", counts);
        List<String> listed = ReasonCategory.CHILD_ABUSE.code().equals(category) ? null : firstTargets(c, id);
        if (listed != null) {
            payload.put("targets", listed);
        }
        String cause = "directive:" + id + ":effective";
        String subject = "Chỉ thị chặn mới / New block directive: " + payload.get("legalReference");
        String text = title + "\n\n"
                + "Số hiệu / Reference: " + payload.get("legalReference") + "\n"
                + "Cơ quan / Authority: " + payload.get("authority")
                + (payload.get("authorityName") == null ? "" : " (" + payload.get("authorityName") + ")") + "\n"
                + "Loại / Category: " + category + "\n"
                + "Số mục tiêu / Targets: " + total + " " + counts + "\n"
                + "Hiệu lực từ / In force since: " + payload.get("inForceSince") + "\n"
                + "Hạn thực thi / Enforcement deadline: " + deadline + " (" + payload.get("enforcementDeadlineMinutes")
                + " min)\n"
                + (listed == null ? "" : "\n" + String.join("\n", listed) + "\n"
                        + (listed.size() < total ? "… (" + (total - listed.size()) + " more in the rule set)\n" : ""))
                + "\nChi tiết / Details: /api/v1/directives/" + id + "\n";
        for (String isp : isps) {
            Recipient recipient = new Recipient(RecipientScope.ISP, isp);
            for (String email : ContactPoints.emails(c, recipient)) {
                notifications.email(c, new EmailNotice(email, subject, text, cause));
            }
            notifications.webhook(c, recipient.key(), EVENT, payload, cause);
        }
    }

    private static List<String> firstTargets(Connection c, long id) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select value from directive_target where directive_id = ?"
                + " order by id limit ?")) {
            s.setLong(1, id);
            s.setInt(2, LISTED_TARGETS);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getString(1));
                }
            }
        }
        return found;
    }
}
