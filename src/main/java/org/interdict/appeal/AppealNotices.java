package org.interdict.appeal;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.interdict.notification.EmailNotice;
import org.interdict.notification.Notifications;

/**
 * The e-mails an appellant gets while the appeal is reviewed, queued in the transaction of the step they report: the
 * appeal's own address, or for an ISP's error report the ISP's contact address (none sent when it has none).
 */
@ApplicationScoped
public class AppealNotices {

    private final Notifications notifications;

    public AppealNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    void suspended(Connection c, long appeal, Instant until, List<String> targets) throws SQLException {
        String list = String.join("\n", targets);
        send(c, appeal, "Tạm ngừng chặn theo khiếu nại số " + appeal + " / Blocking suspended for appeal " + appeal,
                "Trong khi khiếu nại số " + appeal + " được xem xét, việc chặn các mục sau được tạm ngừng đến " + until
                        + ":\n" + list + "\n\n---\n\nWhile appeal " + appeal + " is reviewed, the blocking of these"
                        + " targets is suspended until " + until + ":\n" + list + "\n",
                "appeal:" + appeal + ":suspended");
    }

    void decided(Connection c, long appeal, String authority, String outcome, String reasons) throws SQLException {
        send(c, appeal, "Quyết định về khiếu nại số " + appeal + " / Decision on appeal " + appeal,
                "Cơ quan " + authority + " đã quyết định về khiếu nại số " + appeal + ": " + outcomeVi(outcome)
                        + ".\n\nLý do:\n" + reasons + "\n\n---\n\nAuthority " + authority + " decided appeal " + appeal
                        + ": " + outcomeEn(outcome) + ".\n\nReasons:\n" + reasons + "\n",
                "appeal:" + appeal + ":decided:" + authority);
    }

    void reportReceived(Connection c, long appeal) throws SQLException {
        send(c, appeal, "Đã tiếp nhận báo cáo lỗi số " + appeal + " / Error report " + appeal + " received",
                "Báo cáo lỗi số " + appeal + " đã được tiếp nhận và chuyển đến cơ quan ban hành các lệnh liên quan."
                        + "\n\n---\n\nError report " + appeal + " was received and sent to the authorities whose orders"
                        + " it concerns.\n", "appeal:" + appeal + ":received");
    }

    private void send(Connection c, long appeal, String subject, String text, String cause) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select coalesce(a.email, i.contact_email) from appeal a"
                + " left join isp i on i.id = a.isp_id where a.id = ?")) {
            s.setLong(1, appeal);
            try (ResultSet r = s.executeQuery()) {
                if (r.next() && r.getString(1) != null && !r.getString(1).isBlank()) {
                    notifications.email(c, new EmailNotice(r.getString(1), subject, text, cause));
                }
            }
        }
    }

    private static String outcomeEn(String outcome) {
        return switch (outcome) {
            case "UPHELD" -> "the order is upheld";
            case "PARTIALLY_LIFTED" -> "the blocking of some targets is lifted";
            case "LIFTED" -> "the blocking is lifted";
            default -> "the appeal is inadmissible";
        };
    }

    private static String outcomeVi(String outcome) {
        return switch (outcome) {
            case "UPHELD" -> "giữ nguyên lệnh chặn";
            case "PARTIALLY_LIFTED" -> "bỏ chặn một phần các mục";
            case "LIFTED" -> "bỏ chặn";
            default -> "khiếu nại không được chấp nhận xem xét";
        };
    }
}
