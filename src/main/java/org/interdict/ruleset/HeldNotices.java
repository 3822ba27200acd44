package org.interdict.ruleset;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interdict.agency.ContactPoints;
import org.interdict.notification.EmailNotice;
import org.interdict.notification.Notifications;
import org.interdict.persistence.Columns;

/**
 * Tells the authorities concerned that the circuit breaker holds a version, in the transaction that writes it: an
 * e-mail to their contact points and a {@code ruleset.version-held} event to their webhooks, so that a supervisor
 * confirms or refuses it. Concerned are the authorities of the directives the version's changes name; when it names
 * none (an allowlist edit, the compiler's own doing), every active authority that may address the ISP.
 */
@ApplicationScoped
public class HeldNotices {

    static final String EVENT = "ruleset.version-held";

    private final Notifications notifications;

    public HeldNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    void tell(Connection c, String isp, long number) throws SQLException {
        Map<String, Object> payload = new LinkedHashMap<>();
        List<String> authorities;
        try (PreparedStatement s = c.prepareStatement("select v.held_since, v.added, v.removed, v.unexplained,"
                + " array(select distinct (ch->>'directiveId')::bigint from jsonb_array_elements(v.changes) ch"
                + "   where ch->>'directiveId' is not null order by 1) as directives"
                + " from ruleset_version v where v.isp_id = ? and v.number = ?")) {
            s.setString(1, isp);
            s.setLong(2, number);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                payload.put("isp", isp);
                payload.put("version", number);
                payload.put("heldSince", Columns.instant(r, "held_since").toString());
                payload.put("added", r.getInt("added"));
                payload.put("removed", r.getInt("removed"));
                payload.put("unexplained", Columns.intOrNull(r, "unexplained"));
                payload.put("directives", Arrays.asList((Long[]) r.getArray("directives").getArray()));
            }
        }
        authorities = concerned(c, isp, number);
        String cause = "ruleset:" + isp + ":" + number + ":held";
        String subject = "Phiên bản bị giữ lại / Rule-set version held: " + isp + " v" + number;
        String text = "Bộ ngắt mạch giữ phiên bản " + number + " của " + isp + " cho đến khi một giám sát viên xác"
                + " nhận hoặc từ chối.\nThe circuit breaker holds version " + number + " of " + isp
                + " until a supervisor confirms or refuses it.\n\n"
                + "Thêm / Added: " + payload.get("added") + ", bớt / removed: " + payload.get("removed")
                + ", không do phê duyệt nào / explained by no approval: " + payload.get("unexplained") + "\n"
                + "Chỉ thị / Directives: " + payload.get("directives") + "\n\n"
                + "Quyết định / Decide: /api/v1/isps/" + isp + "/ruleset/versions/" + number + "\n";
        for (String authority : authorities) {
            for (String email : ContactPoints.ofAuthority(c, authority)) {
                notifications.email(c, new EmailNotice(email, subject, text, cause));
            }
            notifications.webhook(c, "authority:" + authority, EVENT, payload, cause);
        }
    }

    private static List<String> concerned(Connection c, String isp, long number) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("with named as (select distinct d.authority_id from"
                + " ruleset_version v cross join jsonb_array_elements(v.changes) ch join directive d"
                + "   on d.id = (ch->>'directiveId')::bigint"
                + " where v.isp_id = ? and v.number = ? and d.authority_id is not null)"
                + " select authority_id from named"
                + " union select a.id from authority a where a.active and not exists (select 1 from named)"
                + "   and (a.all_isps or exists (select 1 from authority_isp ai where ai.authority_id = a.id"
                + "     and ai.isp_id = ?))"
                + " order by 1")) {
            s.setString(1, isp);
            s.setLong(2, number);
            s.setString(3, isp);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getString(1));
                }
            }
        }
        return found;
    }
}
